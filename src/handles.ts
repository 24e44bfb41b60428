/**
 * Handle and TimerHandle (asyncio.events.Handle / TimerHandle).
 *
 * The ready queue stores callbacks as plain entries (internal/ready.ts); a Handle is the small
 * object callSoon returns so the caller can cancel that entry. A TimerHandle also holds its
 * callback, argument and context until its deadline, when they are moved into the ready queue.
 */
import type { AsyncResource } from "node:async_hooks";
import type { EventLoop } from "./loop.js";
import { MANY_ARGS, NO_ARG, ONE_ARG } from "./internal/ready.js";

export function describeCallback(fn: Function): string {
  return fn.name ? `${fn.name}()` : "<anonymous>()";
}

export class Handle {
  /** @internal */ _callback: Function;
  /** @internal */ _loop: EventLoop;
  /** Sequence number of the queued entry, -1 when not queued. @internal */
  _seq: number;
  /** @internal */ _cancelled: boolean;

  /** @internal */
  constructor(callback: Function, loop: EventLoop, seq: number) {
    this._callback = callback;
    this._loop = loop;
    this._seq = seq;
    this._cancelled = false;
  }

  /** Cancel the callback. Does nothing if it already ran or was cancelled. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    if (this._seq >= 0) this._loop._ready.cancel(this._seq);
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  toString(): string {
    return `<${this.constructor.name}${this._cancelled ? " cancelled" : ""} ${describeCallback(this._callback)}>`;
  }
}

/** A timer's arguments in one field: NO_ARGS for none, an ArgList for two or more, else the one argument. @internal */
export const NO_ARGS: object = Object.freeze({ toString: () => "no arguments" });

/** Two or more arguments of a timer (see NO_ARGS). @internal */
export class ArgList {
  constructor(readonly list: unknown[]) {}
}

/** Pack (argument mode, argument) as a timer entry stores them. @internal */
export function packArgs(mode: number, arg: unknown): unknown {
  return mode === NO_ARG ? NO_ARGS : mode === ONE_ARG ? arg : new ArgList(arg as unknown[]);
}

/** The argument mode and value (ready.ts's encoding) of packed timer arguments. @internal */
export function argModeOf(packed: unknown): number {
  return packed === NO_ARGS ? NO_ARG : packed instanceof ArgList ? MANY_ARGS : ONE_ARG;
}
export function argValueOf(packed: unknown): unknown {
  return packed === NO_ARGS ? undefined : packed instanceof ArgList ? packed.list : packed;
}

/**
 * What the loop's timer machinery needs of a pending timer: a TimerHandle, or an object that is
 * its own timer (the future of sleep(), which saves a TimerHandle per sleep). @internal
 */
export interface TimerEntry {
  /** Timer id in the backend's timer core while pending, -1 otherwise (stale while due: see loop.ts). */
  _id: number;
  /** Sequence number of its ready-queue entry (debug mode), -1 otherwise. */
  _seq: number;
  _cancelled: boolean;
  _ctx: AsyncResource | null;
  _callback: Function;
  /** The arguments, packed (see NO_ARGS). */
  _arg: unknown;
}

export class TimerHandle extends Handle implements TimerEntry {
  /** @internal */ _when: number;
  /** Timer id in the backend's timer core while pending, -1 otherwise. @internal */
  _id: number;
  /** The arguments, packed (see NO_ARGS). @internal */ _arg: unknown;
  /** @internal */ _ctx: AsyncResource | null;

  /** @internal */
  constructor(when: number, callback: Function, arg: unknown, loop: EventLoop, ctx: AsyncResource) {
    super(callback, loop, -1);
    this._when = when;
    this._id = -1;
    this._arg = arg;
    this._ctx = ctx;
  }

  /** The absolute loop time at which the callback is scheduled. */
  when(): number {
    return this._when;
  }

  /** Cancel the timer: O(1), and its slot in the timer core is freed at once. */
  override cancel(): void {
    if (!this._cancelled) this._loop._cancelTimer(this);
  }
}

export const ARG_MODE = { NO_ARG, ONE_ARG, MANY_ARGS } as const;
