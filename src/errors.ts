/**
 * Every error class aionode throws (API.md section 8). Each is a subclass of Error whose `name`
 * is its class name, as asyncio.exceptions.
 */

/** The operation was cancelled (asyncio.CancelledError). */
export class CancelledError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "CancelledError";
  }
}

/**
 * `exc` is a CancelledError itself, not a subclass: asyncio's `exc_type is CancelledError`, with
 * which timeout() and TaskGroup tell a cancellation from an error that merely derives from it.
 */
export function isExactCancelledError(exc: unknown): boolean {
  return exc instanceof CancelledError && exc.constructor === CancelledError;
}

/** The operation exceeded its deadline (asyncio.TimeoutError, the builtin TimeoutError). */
export class TimeoutError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "TimeoutError";
  }
}

/** The TimeoutError a timeout raises in place of the cancellation it caused (`raise TimeoutError from exc`). */
export function timeoutFrom(cause: unknown): TimeoutError {
  const err = new TimeoutError();
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/** A Future or Task is in a state that does not allow the call (asyncio.InvalidStateError). */
export class InvalidStateError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "InvalidStateError";
  }
}

/** Queue.getNowait() on an empty queue. */
export class QueueEmpty extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "QueueEmpty";
  }
}

/** Queue.putNowait() on a full queue. */
export class QueueFull extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "QueueFull";
  }
}

/** Put or get on a queue that was shut down (Python 3.13's asyncio.QueueShutDown). */
export class QueueShutDown extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "QueueShutDown";
  }
}

/** A Barrier was broken or reset while waiting. */
export class BrokenBarrierError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "BrokenBarrierError";
  }
}

/** A stream ended before the requested number of bytes was read. */
export class IncompleteReadError extends Error {
  readonly partial: Uint8Array;
  readonly expected: number | null;
  constructor(partial: Uint8Array, expected: number | null) {
    super(
      `${partial.length} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`,
    );
    this.name = "IncompleteReadError";
    this.partial = partial;
    this.expected = expected;
  }
}

/** A stream's buffer limit was reached while looking for a separator. */
export class LimitOverrunError extends Error {
  readonly consumed: number;
  constructor(message: string, consumed: number) {
    super(message);
    this.name = "LimitOverrunError";
    this.consumed = consumed;
  }
}

const groupMessages = new WeakMap<ExceptionGroup, string>();

/** Errors collected from a TaskGroup (Python's ExceptionGroup); `.errors` holds them. */
export class ExceptionGroup extends AggregateError {
  constructor(message: string, errors: Iterable<unknown>) {
    // Any iterable, as AggregateError takes (Python wants a sequence); the count in the message
    // is that of the list made from it. Python refuses an empty group (ValueError).
    if (typeof (errors as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== "function") {
      throw new TypeError("second argument (exceptions) must be an iterable");
    }
    const list = Array.isArray(errors) ? errors : Array.from(errors);
    if (list.length === 0) throw new RangeError("second argument (exceptions) must be a non-empty sequence");
    super(list, `${message} (${list.length} sub-exception${list.length === 1 ? "" : "s"})`);
    this.name = "ExceptionGroup";
    groupMessages.set(this, message);
  }
}

/** @internal The message an ExceptionGroup was made with (Python's `eg.message`, without the count). */
export function exceptionGroupMessage(eg: ExceptionGroup): string {
  return groupMessages.get(eg) ?? eg.message;
}

/** An error of asyncio's RuntimeError kind (wrong loop state, re-entrant run, misuse). */
export class RuntimeError extends Error {
  constructor(message?: string) {
    super(message ?? "");
    this.name = "RuntimeError";
  }
}
