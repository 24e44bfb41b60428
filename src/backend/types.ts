import type { ThreadsafeTransport } from "../threads/types.js";

/**
 * The backend seam: the part of the loop that the native core replaces.
 *
 * A TimerCore stores timers as integers (an id and a deadline in integer microsecond ticks); the
 * loop keeps the TimerHandle objects in a JS array indexed by id. Everything per-callback stays in
 * JavaScript; a backend is consulted once per loop iteration (advance) and on schedule/cancel,
 * which in the native core only write into a shared command ring (DESIGN.md rule 1).
 */
export interface TimerCore {
  /** Pending timers. */
  readonly size: number;
  /** Schedule at an absolute tick (integer µs on the loop clock); returns the timer's id. */
  schedule(deadline: number): number;
  /** Cancel a pending id; its entry is freed at once. */
  cancel(id: number): void;
  /** Fire everything due at `now`: ids in (deadline, scheduling order), at most out.length. */
  advance(now: number, out: Int32Array): number;
  /**
   * With no timer pending, move the core's time forward to `now` (ticks; earlier means stay), so
   * that the timers scheduled next are placed relative to the present (the loop calls it when it
   * schedules into an empty core). A hint: nothing observable changes but speed.
   */
  syncTime(now: number): void;
  /** A lower bound of the earliest pending deadline (ticks), or -1 when there is none. */
  nextDeadline(): number;
  /** Drop every pending timer. */
  clear(): void;
}

/**
 * Wakes the loop at its next deadline. The js driver is a setTimeout (millisecond resolution);
 * the native one a timerfd watched by libuv (microseconds). Armed, it keeps the process alive.
 */
export interface WakeDriver {
  /** True when wake-ups are precise to the microsecond. */
  readonly precise: boolean;
  /** Call the wake function after `delayMs` milliseconds (fractions count); replaces any earlier arming. */
  arm(delayMs: number): void;
  /** Cancel the pending wake-up, if any. */
  disarm(): void;
  /** Release the driver's resources; no wake-up after this. */
  close(): void;
}

export interface Backend {
  readonly name: "js" | "native";
  /** Why this backend was chosen (e.g. why native did not load). */
  readonly reason: string;
  createTimerCore(): TimerCore;
  /** A driver that calls `onWake` when armed time has passed. */
  createDriver(onWake: () => void): WakeDriver;
  /** How callSoonThreadsafe posts cross threads (threads.ts). */
  readonly threadsafe: ThreadsafeTransport;
}
