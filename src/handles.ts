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
import { INSPECT, callRepr, pyFloatRepr } from "./internal/repr.js";

export function describeCallback(fn: Function): string {
  return fn.name ? `${fn.name}()` : "<anonymous>()";
}

/**
 * Debug mode: the repr of a handle taken when it was cancelled, callback and arguments included
 * (asyncio keeps `_repr` then, so that a cancelled handle still says what it was:
 * `<Handle cancelled cb(1)>`). Touched only in debug mode, so handles carry no field for it.
 * @internal
 */
export const cancelledReprs = new WeakMap<Handle, string>();

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
    // (asyncio keeps a cancelled handle's repr when debug mode is on at the cancel() call)
    if (this._loop._debug) cancelledReprs.set(this, this._debugRepr());
    if (this._seq >= 0) {
      this._loop._ready.cancel(this._seq);
      if (this._loop._sources !== null) this._loop._sources.delete(this._seq);
      if (this._seq < this._loop._ready.headSeq) this._loop._cancelledSeq = this._seq;
    }
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  /**
   * As asyncio's repr: `<Handle cb()>`, `<Handle cancelled>` (a cancelled handle has let go of
   * its callback). The arguments of a callSoon callback are not shown: they live in the ready
   * queue, not in the Handle.
   */
  toString(): string {
    if (this._cancelled) return cancelledReprs.get(this) ?? `<${this.constructor.name} cancelled>`;
    return `<${this.constructor.name} ${describeCallback(this._callback)}>`;
  }

  /** The repr of a cancelled handle in debug mode, callback included (see cancelledReprs). @internal */
  _debugRepr(): string {
    return `<Handle cancelled ${describeCallback(this._callback)}>`;
  }

  /** console.log() and util.inspect() show the repr. */
  [INSPECT](): string {
    return this.toString();
  }
}

/** The Handle of a callSoon callback with arguments, which its repr shows. @internal */
export class ArgsHandle extends Handle {
  /** @internal */ _args: readonly unknown[];
  /** @internal */
  constructor(callback: Function, loop: EventLoop, seq: number, args: readonly unknown[]) {
    super(callback, loop, seq);
    this._args = args;
  }

  override toString(): string {
    if (this._cancelled) return cancelledReprs.get(this) ?? "<Handle cancelled>";
    return `<Handle ${callRepr(this._callback, this._args)}>`;
  }

  override _debugRepr(): string {
    return `<Handle cancelled ${callRepr(this._callback, this._args)}>`;
  }
}
// A Handle to its users (asyncio has one class for both): `h.constructor.name` is "Handle".
Object.defineProperty(ArgsHandle, "name", { value: "Handle" });

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

/**
 * A TimerHandle keeps its deadline as the two 32-bit halves of the double (small integers, held in
 * the object itself) rather than in a double field, which V8 boxes in a heap number of its own:
 * one object per timer instead of two, for the allocator and for the collector, which copies
 * every pending timer (W4, W5: 4-5% on W4). WHEN_BITS and WHEN_HALVES convert.
 */
const WHEN_BITS = new Float64Array(1);
const WHEN_HALVES = new Int32Array(WHEN_BITS.buffer);

export class TimerHandle extends Handle implements TimerEntry {
  /** The deadline's two halves (see WHEN_BITS). @internal */ _whenLo: number;
  /** @internal */ _whenHi: number;
  /** Timer id in the backend's timer core while pending, -1 otherwise. @internal */
  _id: number;
  /** The arguments, packed (see NO_ARGS). @internal */ _arg: unknown;
  /** @internal */ _ctx: AsyncResource | null;

  /** @internal */
  constructor(when: number, callback: Function, arg: unknown, loop: EventLoop, ctx: AsyncResource) {
    super(callback, loop, -1);
    WHEN_BITS[0] = when;
    this._whenLo = WHEN_HALVES[0]!;
    this._whenHi = WHEN_HALVES[1]!;
    this._id = -1;
    this._arg = arg;
    this._ctx = ctx;
  }

  /** The deadline (loop time, seconds), exactly the double it was given. @internal */
  get _when(): number {
    WHEN_HALVES[0] = this._whenLo;
    WHEN_HALVES[1] = this._whenHi;
    return WHEN_BITS[0]!;
  }

  /** (Called before cancel() lets go of the arguments.) @internal */
  override _debugRepr(): string {
    return `<TimerHandle cancelled when=${pyFloatRepr(this._when)} ${callRepr(this._callback, argsOf(this._arg))}>`;
  }

  /** The absolute loop time at which the callback is scheduled. */
  when(): number {
    return this._when;
  }

  /** Cancel the timer: O(1), and its slot in the timer core is freed at once. */
  override cancel(): void {
    if (!this._cancelled) this._loop._cancelTimer(this);
  }

  /** As asyncio's repr: `<TimerHandle when=12.5 cb(1, 'x')>`, `<TimerHandle cancelled when=12.5>`. */
  override toString(): string {
    const when = `when=${pyFloatRepr(this._when)}`;
    if (this._cancelled) return cancelledReprs.get(this) ?? `<TimerHandle cancelled ${when}>`;
    const a = this._arg;
    return `<TimerHandle ${when} ${callRepr(this._callback, argsOf(a))}>`;
  }
}

/** The argument list of packed timer arguments (none once the timer ran: see runTimerHandle). @internal */
export function argsOf(packed: unknown): readonly unknown[] {
  return packed === NO_ARGS ? [] : packed instanceof ArgList ? packed.list : [packed];
}

export const ARG_MODE = { NO_ARG, ONE_ARG, MANY_ARGS } as const;
