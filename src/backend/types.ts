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
  /** A lower bound of the earliest pending deadline (ticks), or -1 when there is none. */
  nextDeadline(): number;
  /** Drop every pending timer. */
  clear(): void;
}

export interface Backend {
  readonly name: "js" | "native";
  /** Why this backend was chosen (e.g. why native did not load). */
  readonly reason: string;
  createTimerCore(): TimerCore;
}
