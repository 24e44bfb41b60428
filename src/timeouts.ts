/**
 * timeout() and timeoutAt(): asyncio.timeouts (3.11), as functions that run a body under a
 * deadline. The body (a generator function or an async function) is called with the Timeout
 * object, whose when(), reschedule() and expired() behave as asyncio's.
 *
 * On expiry the running task is cancelled; when the cancellation comes back out of the body and
 * it was this timeout's (task.uncancel() brings the count back to what it was on entry), it is
 * turned into TimeoutError.
 */
import { RuntimeError, isExactCancelledError, timeoutFrom } from "./errors.js";
import { genCoroutine, lazyCall, type Coroutine } from "./coroutines.js";
import { currentLoop, getRunningLoop } from "./events.js";
import type { TimerHandle, Handle } from "./handles.js";
import { describeValue } from "./loop.js";
import { currentTask, type Task } from "./tasks.js";
import { pyFloatRepr, pyRound3 } from "./internal/repr.js";

const CREATED = "created";
const ENTERED = "active";
const EXPIRING = "expiring";
const EXPIRED = "expired";
const EXITED = "finished";

export class Timeout {
  private _state: string = CREATED;
  private _handler: TimerHandle | Handle | null = null;
  private _task: Task<unknown> | null = null;
  private _when: number | null;
  private _cancelling = 0;

  /** @internal */
  constructor(when: number | null) {
    this._when = when;
  }

  /** The current deadline (loop time), or null for none. */
  when(): number | null {
    return this._when;
  }

  /** Move the deadline (null: no deadline). */
  reschedule(when: number | null): void {
    if (this._state !== ENTERED) {
      if (this._state === CREATED) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    if (when !== null && when !== undefined) {
      if (typeof when !== "number") throw new TypeError(`reschedule(): when must be a number or null, got ${describeValue(when)}`);
      if (when !== when) throw new RangeError("reschedule(): when is NaN");
    }
    this._when = when ?? null;
    if (this._handler !== null) this._handler.cancel();
    if (this._when === null) {
      this._handler = null;
    } else {
      // The running loop, as asyncio's get_running_loop(): outside one (between two
      // runUntilComplete() calls) the deadline is stored and the old handler cancelled, then
      // RuntimeError('no running event loop') is thrown, as in asyncio.
      const loop = getRunningLoop();
      this._handler = this._when <= loop.time() ? loop.callSoon(onTimeout, this) : loop.callAt(this._when, onTimeout, this);
    }
  }

  /** Whether the deadline passed while the body ran. */
  expired(): boolean {
    return this._state === EXPIRING || this._state === EXPIRED;
  }

  toString(): string {
    let info = "";
    if (this._state === ENTERED) {
      const w = this._when === null ? "None" : pyFloatRepr(pyRound3(this._when));
      info = ` when=${w}`;
    }
    return `<Timeout [${this._state}]${info}>`;
  }

  /** @internal */
  _enter(): void {
    if (this._state !== CREATED) throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = ENTERED;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
  }

  /** @internal Returns the error to throw instead of `exc`, if any. */
  _exit(exc: unknown, failed: boolean): unknown {
    if (this._handler !== null) {
      this._handler.cancel();
      this._handler = null;
    }
    if (this._state === EXPIRING) {
      this._state = EXPIRED;
      const task = this._task!;
      if (task.uncancel() <= this._cancelling) {
        // The only request made during the block was this timeout's. If it is still pending, the
        // body (an async function detached on a foreign promise) ended without an aionode await
        // to deliver it: it is consumed here, so the task's next await is its own, as in asyncio,
        // where it always arrives inside the block.
        task._dropUndelivered();
        // The exact class: a subclass the body raised itself propagates as it is.
        if (failed && isExactCancelledError(exc)) return timeoutFrom(exc);
      }
    } else if (this._state === ENTERED) {
      this._state = EXITED;
    }
    return undefined;
  }

  /** @internal */
  _onTimeout(): void {
    this._task!.cancel();
    this._state = EXPIRING;
    this._handler = null;
  }
}

function onTimeout(t: Timeout): void {
  t._onTimeout();
}

export type TimeoutBody<T> = (timeout: Timeout) => Generator<unknown, T, any> | PromiseLike<T> | T;

function* timeoutGen<T>(when: number | null, isDelay: boolean, body: TimeoutBody<T>): Generator<unknown, T, unknown> {
  const loop = currentLoop();
  const cm = new Timeout(isDelay && when !== null ? loop.time() + when : when);
  cm._enter();
  let result: T;
  try {
    result = (yield* lazyCall<T>(body, [cm])) as T;
  } catch (e) {
    const replacement = cm._exit(e, true);
    if (replacement !== undefined) throw replacement;
    throw e;
  }
  cm._exit(undefined, false);
  return result;
}

function checkBody(fn: string, body: unknown): void {
  if (typeof body !== "function") {
    throw new TypeError(`${fn}(): the body must be a generator function or async function, got ${describeValue(body)}`);
  }
}

function checkWhen(fn: string, name: string, v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v !== "number") throw new TypeError(`${fn}(): ${name} must be a number of seconds or null, got ${describeValue(v)}`);
  if (v !== v) throw new RangeError(`${fn}(): ${name} is NaN`);
}

/** Run `body(timeout)` with a deadline `delay` seconds from now (null: none). A coroutine. */
export function timeout<T>(delay: number | null | undefined, body: TimeoutBody<T>): Coroutine<T> {
  checkWhen("timeout", "delay", delay);
  checkBody("timeout", body);
  return genCoroutine<T>(timeoutGen, [delay ?? null, true, body]);
}

/** Run `body(timeout)` with a deadline at loop time `when` (null: none). A coroutine. */
export function timeoutAt<T>(when: number | null | undefined, body: TimeoutBody<T>): Coroutine<T> {
  checkWhen("timeoutAt", "when", when);
  checkBody("timeoutAt", body);
  return genCoroutine<T>(timeoutGen, [when ?? null, false, body]);
}
