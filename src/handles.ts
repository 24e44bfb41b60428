/**
 * Handle and TimerHandle (asyncio.events.Handle / TimerHandle).
 *
 * A Handle is the unit the ready queue holds: a callback, its arguments and the context it was
 * scheduled in. Arguments are stored without allocating for the common 0- and 1-argument cases.
 */
import type { AsyncResource } from "node:async_hooks";
import type { EventLoop, ExceptionContext } from "./loop.js";

const NO_ARG = 0;
const ONE_ARG = 1;
const MANY_ARGS = 2;

export function describeCallback(fn: Function): string {
  return fn.name ? `${fn.name}()` : "<anonymous>()";
}

export class Handle {
  /** @internal */ _callback: Function;
  /** @internal */ _argMode: number;
  /** @internal */ _arg: unknown;
  /** @internal */ _loop: EventLoop;
  /** @internal */ _ctx: AsyncResource;
  /** @internal */ _cancelled: boolean;
  /** @internal */ _source: string | null;

  /** @internal */
  constructor(
    callback: Function,
    argMode: number,
    arg: unknown,
    loop: EventLoop,
    ctx: AsyncResource,
  ) {
    this._callback = callback;
    this._argMode = argMode;
    this._arg = arg;
    this._loop = loop;
    this._ctx = ctx;
    this._cancelled = false;
    this._source = null;
  }

  /** Cancel the callback. Does nothing if it already ran or was cancelled. */
  cancel(): void {
    this._cancelled = true;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  /** Run the callback; exceptions go to the loop's exception handler. @internal */
  _run(): void {
    try {
      const mode = this._argMode;
      if (mode === NO_ARG) this._callback();
      else if (mode === ONE_ARG) this._callback(this._arg);
      else this._callback(...(this._arg as unknown[]));
    } catch (exc) {
      const context: ExceptionContext = {
        message: `Exception in callback ${describeCallback(this._callback)}`,
        exception: exc,
        handle: this,
      };
      if (this._source !== null) context.sourceTraceback = this._source;
      this._loop.callExceptionHandler(context);
    }
  }

  toString(): string {
    return `<${this.constructor.name}${this._cancelled ? " cancelled" : ""} ${describeCallback(this._callback)}>`;
  }
}

export class TimerHandle extends Handle {
  /** @internal */ _when: number;
  /** Timer id in the backend's timer core while pending, -1 otherwise. @internal */
  _id: number;

  /** @internal */
  constructor(
    when: number,
    callback: Function,
    argMode: number,
    arg: unknown,
    loop: EventLoop,
    ctx: AsyncResource,
  ) {
    super(callback, argMode, arg, loop, ctx);
    this._when = when;
    this._id = -1;
  }

  /** The absolute loop time at which the callback is scheduled. */
  when(): number {
    return this._when;
  }

  /** Cancel the timer: O(1), and its slot in the timer core is freed at once. */
  override cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    if (this._id >= 0) this._loop._timerCancelled(this);
  }
}

export const ARG_MODE = { NO_ARG, ONE_ARG, MANY_ARGS } as const;
