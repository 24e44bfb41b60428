/**
 * Future: asyncio.futures.Future.
 *
 * Invariants (asyncio's):
 *   - three states: pending, cancelled, finished; a result or exception is set once;
 *   - done callbacks never run inline: each is scheduled with callSoon, in registration order,
 *     in the context it was registered in;
 *   - a failed future whose exception nobody retrieved is reported ("... exception was never
 *     retrieved") when it is garbage-collected or, at the latest, when its loop closes.
 *
 * JavaScript additions: a Future is a thenable (`await fut`) and an iterator over itself, so that
 * `const v = yield* fut` inside a generator coroutine suspends until it is done and evaluates to
 * its result (asyncio's `__await__` / `__iter__`).
 */
import { AsyncResource } from "node:async_hooks";
import { CancelledError, InvalidStateError, RuntimeError } from "./errors.js";
import { captureSource, checkNotCoroutine, describeValue, hooks, type EventLoop } from "./loop.js";
import { rt, trackedTask } from "./internal/state.js";
import { INSPECT, callbackName, errorRepr, valueRepr } from "./internal/repr.js";

export const PENDING = 0;
export const CANCELLED = 1;
export const FINISHED = 2;
const STATE_NAMES = ["PENDING", "CANCELLED", "FINISHED"];

/** Reports futures that were collected with an unretrieved exception. */
const unretrievedRegistry = new FinalizationRegistry<UnretrievedRecord>((rec) => {
  if (rec.loop.isClosed()) return;
  rec.loop._unretrieved.delete(rec.ref);
  const context: Record<string, unknown> = { message: rec.message, exception: rec.exception, futureRepr: rec.repr };
  if (rec.source !== undefined) context.sourceTraceback = rec.source;
  rec.loop.callExceptionHandler(context as never);
});

/** The WeakRef under which a failed, unretrieved future sits in its loop's _unretrieved set. */
const unretrievedRefs = new WeakMap<Future<unknown>, WeakRef<Future<unknown>>>();

interface UnretrievedRecord {
  loop: EventLoop;
  message: string;
  exception: unknown;
  repr: string;
  /** Where the future was created (debug mode), else undefined. */
  source: string | undefined;
  ref: WeakRef<Future<unknown>>;
}

/**
 * A thenable whose Promise is only created when somebody chains on it (STYLE.md's lazy promise).
 * `await x` never does (V8 ignores the value `then` returns), so an await allocates no derived
 * Promise. A rejection nobody handled still surfaces as an unhandled rejected Promise.
 * Subclasses settle it with _complete(); Reaction (below) and the queues' waits are the two.
 */
export class LazyThenable<R = unknown> implements PromiseLike<R> {
  /** 0 pending, 1 fulfilled, 2 rejected. */
  private _outcome = 0;
  private _value: unknown = undefined;
  private _promise: Promise<R> | null = null;
  private _res: ((v: unknown) => void) | null = null;
  private _rej: ((e: unknown) => void) | null = null;

  /** Settle: through `onF` / `onR` when given (their result or exception), else with `value` itself. */
  protected _complete(
    ok: boolean,
    value: unknown,
    onF: ((value: any) => unknown) | null | undefined,
    onR: ((reason: any) => unknown) | null | undefined,
  ): void {
    const cb = ok ? onF : onR;
    if (typeof cb !== "function") {
      this._done(ok ? 1 : 2, value);
      return;
    }
    let v: unknown;
    try {
      v = cb(value);
    } catch (e) {
      this._done(2, e);
      return;
    }
    this._done(1, v);
  }

  private _done(outcome: number, value: unknown): void {
    this._outcome = outcome;
    this._value = value;
    if (this._promise !== null) {
      if (outcome === 1) this._res!(value);
      else this._rej!(value);
      this._res = this._rej = null;
    } else if (outcome === 2) {
      this._materialize(); // an unhandled rejection, as a derived Promise would be
    }
  }

  private _materialize(): Promise<R> {
    if (this._promise === null) {
      this._promise = new Promise<R>((resolve, reject) => {
        this._res = resolve as (v: unknown) => void;
        this._rej = reject;
      });
      if (this._outcome === 1) this._res!(this._value);
      else if (this._outcome === 2) this._rej!(this._value);
      if (this._outcome !== 0) this._res = this._rej = null;
    }
    return this._promise;
  }

  then<R1 = R, R2 = never>(
    onFulfilled?: ((value: R) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this._materialize().then(onFulfilled, onRejected);
  }

  catch<R2 = never>(onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): Promise<R | R2> {
    return this._materialize().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<R> {
    return this._materialize().finally(onFinally);
  }
}

/**
 * What `then()` returns, and how that call is settled when its future completes (a LazyThenable).
 */
export class Reaction<R = unknown> extends LazyThenable<R> {
  /** The future whose completion settles this reaction. */
  fut: Future<unknown> | null = null;

  constructor(
    readonly onFulfilled: ((value: any) => unknown) | null | undefined,
    readonly onRejected: ((reason: any) => unknown) | null | undefined,
  ) {
    super();
  }

  /** Settle with an error (as if the future had failed with it). */
  fail(err: unknown): void {
    this._complete(false, err, this.onFulfilled, this.onRejected);
  }

  settle(fut: Future<unknown>): void {
    if (fut._state === FINISHED && !fut._failed) {
      this._complete(true, fut._result, this.onFulfilled, this.onRejected);
      return;
    }
    this.fail(fut._state === CANCELLED ? fut._makeCancelledError() : fut._retrieveException());
  }
}

/** What Future.then() returns: a thenable with catch and finally (its Promise is made lazily). */
export type FutureThen<R> = Reaction<R>;

/** Done callback of a then() registration. @internal */
export function settleReaction(r: Reaction): void {
  rt.foreignResolved = true;
  const fut = r.fut!;
  fut._loop._plainAwaits.delete(r);
  r.settle(fut);
}

const STATE_MASK = 3;
const F_FAILED = 4;
const F_BLOCKING = 8;
const F_LOG_TRACEBACK = 16;
/** Done callbacks run at once instead of through callSoon (inline tasks). @internal */
export const F_SYNC_CALLBACKS = 32;
/** Already a child of the gather() call being built (deduplication; cleared before it returns). @internal */
export const F_GATHER_MARK = 64;
/**
 * A finished future an async function awaits only to give up one iteration (`await sleep(0)`):
 * asyncio's bare yield waits for no future, so a task's repr shows no `wait_for=` for it. @internal
 */
export const F_RELINQUISH = 128;

/** @internal */
export interface FutureExtras {
  cancelMessage: string | undefined;
  cancelledExc: CancelledError | null;
  abort: AbortController | null;
  /** Where the future was created, in debug mode (asyncio's _source_traceback). */
  source: string | undefined;
}

/**
 * The futures and tasks whose repr is being made, innermost last: one met again inside its own
 * repr (a task whose result is itself, a future in a list it holds) reads `...`, as asyncio's
 * reprs do (reprlib.recursive_repr). @internal
 */
const inRepr: Future<unknown>[] = [];

export class Future<T = unknown> implements PromiseLike<T>, Iterator<Future<unknown>, T, unknown> {
  /** State (2 bits) and flags, packed so a future stays small (many live at once). @internal */
  _flags = PENDING;
  /** The result, or the exception when _failed. @internal */
  _result: unknown = undefined;
  /** @internal */ _loop: EventLoop;
  /** Rarely used state (cancel message, saved CancelledError, a task's AbortController). @internal */
  _x: FutureExtras | null = null;
  // Done callbacks: the first inline, the rest as flat (fn, arg, ctx) triples.
  private _cb0: Function | null = null;
  private _arg0: unknown = undefined;
  private _ctx0: AsyncResource | null = null;
  private _cbs: unknown[] | null = null;

  constructor(loop?: EventLoop) {
    this._loop = loop ?? hooks.defaultLoop!();
    if (this._loop._debug) this._extras().source = captureSource();
  }

  /** PENDING, CANCELLED or FINISHED. @internal */
  get _state(): number {
    return this._flags & STATE_MASK;
  }
  set _state(v: number) {
    this._flags = (this._flags & ~STATE_MASK) | v;
  }
  /** Finished with an exception. @internal */
  get _failed(): boolean {
    return (this._flags & F_FAILED) !== 0;
  }
  set _failed(v: boolean) {
    this._flags = v ? this._flags | F_FAILED : this._flags & ~F_FAILED;
  }
  /** Yielded through its iterator (asyncio's _asyncio_future_blocking). @internal */
  get _blocking(): boolean {
    return (this._flags & F_BLOCKING) !== 0;
  }
  set _blocking(v: boolean) {
    this._flags = v ? this._flags | F_BLOCKING : this._flags & ~F_BLOCKING;
  }
  /** @internal */
  get _logTraceback(): boolean {
    return (this._flags & F_LOG_TRACEBACK) !== 0;
  }
  set _logTraceback(v: boolean) {
    this._flags = v ? this._flags | F_LOG_TRACEBACK : this._flags & ~F_LOG_TRACEBACK;
  }
  /** @internal */
  _extras(): FutureExtras {
    return (this._x ??= { cancelMessage: undefined, cancelledExc: null, abort: null, source: undefined });
  }
  /** @internal */
  get _cancelMessage(): string | undefined {
    return this._x === null ? undefined : this._x.cancelMessage;
  }
  set _cancelMessage(v: string | undefined) {
    if (v !== undefined || this._x !== null) this._extras().cancelMessage = v;
  }
  /** @internal */
  get _cancelledExc(): CancelledError | null {
    return this._x === null ? null : this._x.cancelledExc;
  }
  set _cancelledExc(v: CancelledError | null) {
    if (v !== null || this._x !== null) this._extras().cancelledExc = v;
  }

  getLoop(): EventLoop {
    return this._loop;
  }

  done(): boolean {
    return this._state !== PENDING;
  }

  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /** The result; throws the exception if one was set, CancelledError if cancelled, InvalidStateError if pending. */
  result(): T {
    const state = this._state;
    if (state === CANCELLED) throw this._makeCancelledError();
    if (state !== FINISHED) throw new InvalidStateError("Result is not set.");
    if (this._failed) throw this._retrieveException();
    return this._result as T;
  }

  /** The exception, or null when the future succeeded. */
  exception(): unknown {
    const state = this._state;
    if (state === CANCELLED) throw this._makeCancelledError();
    if (state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    return this._failed ? this._retrieveException() : null;
  }

  /** @internal */
  _retrieveException(): unknown {
    if (this._logTraceback) this._clearUnretrieved();
    return this._result;
  }

  setResult(result: T): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError("invalid state");
    }
    this._result = result;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Fail the future. `null` and `undefined` are refused (TypeError, as asyncio refuses None): a
   * future failed with either would read as one without an exception (`exception()` returns
   * null for none). Any other value is accepted, as JavaScript can throw anything. A done
   * future throws InvalidStateError first, whatever the value, as asyncio checks the state first.
   */
  setException(exception: unknown): void {
    if ((exception === null || exception === undefined) && this._state === PENDING) {
      throw new TypeError(`invalid exception object: ${exception}`);
    }
    this._setException(exception);
  }

  /** setException without the check: rejections and thrown values, whatever they are. @internal */
  _setException(exception: unknown): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError("invalid state");
    }
    if (typeof exception === "function" && (exception === Error || exception.prototype instanceof Error)) {
      exception = new (exception as new () => Error)();
    }
    this._result = exception;
    this._failed = true;
    this._state = FINISHED;
    this._logTraceback = true;
    const ref = new WeakRef<Future<unknown>>(this);
    unretrievedRefs.set(this, ref);
    this._loop._unretrieved.add(ref);
    unretrievedRegistry.register(
      this,
      {
        loop: this._loop,
        message: `${this._kindName()} exception was never retrieved`,
        exception,
        repr: this.toString(),
        source: this._x?.source,
        ref,
      },
      this,
    );
    // Last: an inline task's awaiter may retrieve the exception right inside this call.
    this._scheduleCallbacks();
  }

  /**
   * The class name reprs and "never retrieved" reports show: a subclass's own, as asyncio's
   * `self.__class__.__name__` (aionode's internal futures say "Future", as asyncio's are plain
   * futures). @internal
   */
  _kindName(): string {
    return this.constructor.name || "Future";
  }

  private _clearUnretrieved(): void {
    this._logTraceback = false;
    unretrievedRegistry.unregister(this);
    const ref = unretrievedRefs.get(this);
    if (ref !== undefined) {
      this._loop._unretrieved.delete(ref);
      unretrievedRefs.delete(this);
    }
  }

  /** Report an unretrieved exception now (loop close). @internal */
  _reportUnretrieved(): void {
    if (!this._logTraceback) return;
    const exc = this._result;
    this._clearUnretrieved();
    const context: Record<string, unknown> = {
      message: `${this._kindName()} exception was never retrieved`,
      exception: exc,
      future: this,
    };
    const source = this._x?.source;
    if (source !== undefined) context.sourceTraceback = source;
    this._loop.callExceptionHandler(context as never);
  }

  /** Cancel the future: false if it is already done. */
  cancel(msg?: string): boolean {
    if (this._logTraceback) this._clearUnretrieved();
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /** @internal */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== null) {
      this._cancelledExc = null;
      return saved;
    }
    return new CancelledError(this._cancelMessage === undefined ? "" : this._cancelMessage);
  }

  /** Add a callback run (via callSoon) with this future once it is done. */
  addDoneCallback(fn: (fut: this) => unknown): void {
    if (typeof fn !== "function") {
      throw new TypeError(`addDoneCallback(): a function was expected, got ${describeValue(fn)}`);
    }
    const loop = this._loop;
    this._addCallback(fn, this, loop._ctxForCallback());
  }

  /** @internal */
  _addCallback(fn: Function, arg: unknown, ctx: AsyncResource): void {
    if (this._state !== PENDING) {
      if (this._loop._closed) throw new RuntimeError("Event loop is closed");
      if (this._loop._debug) checkNotCoroutine(fn, "callSoon");
      this._loop._callSoon1(fn, arg, ctx);
      return;
    }
    if (this._cb0 === null) {
      this._cb0 = fn;
      this._arg0 = arg;
      this._ctx0 = ctx;
    } else if (this._cbs === null) {
      this._cbs = [fn, arg, ctx];
    } else {
      this._cbs.push(fn, arg, ctx);
    }
  }

  /** Remove every registration of `fn`; returns how many were removed. */
  removeDoneCallback(fn: Function): number {
    let removed = 0;
    const rest = this._cbs;
    if (rest !== null) {
      const kept: unknown[] = [];
      for (let i = 0; i < rest.length; i += 3) {
        if (rest[i] === fn) removed++;
        else kept.push(rest[i], rest[i + 1], rest[i + 2]);
      }
      this._cbs = kept.length > 0 ? kept : null;
    }
    if (this._cb0 === fn) {
      removed++;
      this._cb0 = null;
      this._arg0 = undefined;
      this._ctx0 = null;
    }
    if (this._cb0 === null && this._cbs !== null) {
      const r = this._cbs;
      this._cb0 = r[0] as Function;
      this._arg0 = r[1];
      this._ctx0 = r[2] as AsyncResource;
      r.splice(0, 3);
      if (r.length === 0) this._cbs = null;
    }
    return removed;
  }

  private _scheduleCallbacks(): void {
    const fn = this._cb0;
    if (fn === null) return;
    if ((this._flags & F_SYNC_CALLBACKS) !== 0) {
      this._runCallbacksNow();
      return;
    }
    const loop = this._loop;
    if (loop._closed) {
      // As asyncio: the future is done, its callbacks are dropped, and the call that completed
      // it raises (they could never run).
      this._cb0 = null;
      this._arg0 = undefined;
      this._ctx0 = null;
      this._cbs = null;
      throw new RuntimeError("Event loop is closed");
    }
    if (loop._debug) {
      this._scheduleCallbacksDebug();
      return;
    }
    loop._callSoon1(fn, this._arg0, this._ctx0!);
    this._cb0 = null;
    this._arg0 = undefined;
    this._ctx0 = null;
    const rest = this._cbs;
    if (rest !== null) {
      this._cbs = null;
      for (let i = 0; i < rest.length; i += 3) {
        loop._callSoon1(rest[i] as Function, rest[i + 1], rest[i + 2] as AsyncResource);
      }
    }
  }

  /**
   * Debug mode, as asyncio's: every callback goes through callSoon's checks, so a coroutine
   * function among them makes the call that completed the future throw TypeError. The future
   * stays done; the callbacks before it are scheduled, it and the ones after are dropped.
   */
  private _scheduleCallbacksDebug(): void {
    const all: unknown[] = [this._cb0, this._arg0, this._ctx0];
    if (this._cbs !== null) all.push(...this._cbs);
    this._cb0 = null;
    this._arg0 = undefined;
    this._ctx0 = null;
    this._cbs = null;
    const loop = this._loop;
    for (let i = 0; i < all.length; i += 3) {
      checkNotCoroutine(all[i], "callSoon");
      loop._callSoon1(all[i] as Function, all[i + 1], all[i + 2] as AsyncResource);
    }
  }

  /**
   * An inline task (part of the task awaiting it) hands its outcome to its awaiter at once, as a
   * Python coroutine returns into the coroutine that awaited it within the same step.
   */
  private _runCallbacksNow(): void {
    const fn = this._cb0!;
    const arg = this._arg0;
    const ctx = this._ctx0!;
    const rest = this._cbs;
    this._cb0 = null;
    this._arg0 = undefined;
    this._ctx0 = null;
    this._cbs = null;
    ctx.runInAsyncScope(fn as (...a: unknown[]) => unknown, null, arg);
    if (rest !== null) {
      for (let i = 0; i < rest.length; i += 3) {
        (rest[i + 2] as AsyncResource).runInAsyncScope(rest[i] as (...a: unknown[]) => unknown, null, rest[i + 1]);
      }
    }
  }

  // ------------------------------------------------------------------ await / yield*

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): FutureThen<R1 | R2> {
    return this._then(onFulfilled, onRejected, false);
  }

  /**
   * then(), where `relinquish` makes the await take one loop iteration even if the future is
   * already done (sleep(0)'s bare yield). @internal
   */
  _then<R1 = T, R2 = never>(
    onFulfilled: ((value: T) => R1 | PromiseLike<R1>) | null | undefined,
    onRejected: ((reason: any) => R2 | PromiseLike<R2>) | null | undefined,
    relinquish: boolean,
  ): FutureThen<R1 | R2> {
    const reaction = new Reaction<R1 | R2>(onFulfilled, onRejected);
    const p = reaction;
    reaction.fut = this as Future<unknown>;
    let task = rt.asyncTask;
    if (rt.tracking !== null) {
      // Exact tracking: the awaiting code's context says which task (if any) it belongs to.
      const owner = trackedTask();
      task = owner !== undefined && owner._gen === null ? owner : null;
    }
    if (task !== null) {
      // The async function that was just woken awaits this future.
      if (this._state !== PENDING && !relinquish) {
        // Awaiting a done future does not suspend (asyncio's __await__ returns at once): its
        // outcome comes back even from a future of another loop, which is checked only when
        // the task would wait on it.
        reaction.settle(this as Future<unknown>);
        return p;
      }
      if (this._blocking) {
        // Marked by an await a task refused (see next()): asyncio's __await__ raises at once.
        reaction.fail(new RuntimeError("await wasn't used with future"));
        return p;
      }
      const bad =
        (task as unknown) === this || (task._owner as unknown) === this
          ? new RuntimeError(`Task cannot await on itself: ${task._owner.toString()}`)
          : task._loop !== this._loop
            ? new RuntimeError(`Task ${task._owner.toString()} got Future ${this.toString()} attached to a different loop`)
            : null;
      if (bad !== null) {
        // As asyncio's __step: the error is thrown in at the await on the task's next step, and
        // the task goes on as the current task (cancellable, its later awaits its own). The
        // future stays marked as awaited, as there (see next()).
        this._blocking = true;
        const failed = new Future<unknown>(task._loop);
        failed._setException(bad);
        task._awaitFuture(failed, reaction as Reaction);
        return p;
      }
      task._awaitFuture(this as Future<unknown>, reaction);
      return p;
    }
    if (this._state !== PENDING && !relinquish) {
      reaction.settle(this as Future<unknown>);
      return p;
    }
    const loop = this._loop;
    if (!loop.isRunning()) hooks.enterAmbient!(loop);
    loop._plainAwaits.add(reaction as Reaction);
    // The reaction is a callback like addDoneCallback's: with trackAsyncTasks(true) it gets a
    // copy of the current context, as every callback does then (see _ctxForCallback).
    this._addCallback(
      settleReaction,
      reaction,
      rt.tracking !== null ? loop._ctxForCallback() : (loop._curCtx ?? new AsyncResource("aionode.Await")),
    );
    return p;
  }

  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): FutureThen<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): FutureThen<T> {
    return this.then(
      (v) => {
        onFinally?.();
        return v;
      },
      (e) => {
        onFinally?.();
        throw e;
      },
    );
  }

  [Symbol.iterator](): Iterator<Future<unknown>, T, unknown> {
    return this;
  }

  /** Iterator protocol for `yield*`: suspends (yields itself) until done, then returns the result. */
  next(): IteratorResult<Future<unknown>, T> {
    if (this._state === PENDING) {
      // Still marked from an await a task refused (of itself, or of another loop's future):
      // asyncio's __await__ fails the same way, at once, for every later await while pending.
      if (this._blocking) throw new RuntimeError("await wasn't used with future");
      this._blocking = true;
      return { value: this as Future<unknown>, done: false };
    }
    return { value: this.result(), done: true };
  }

  throw(err?: unknown): IteratorResult<Future<unknown>, T> {
    throw err;
  }

  return(value?: unknown): IteratorResult<Future<unknown>, T> {
    return { value: value as T, done: true };
  }

  /**
   * As asyncio's repr: `<Future pending cb=[done()]>`, `<Future finished result='ok'>`,
   * `<Future finished exception=ValueError('bad')>`, `<Future cancelled>`.
   */
  toString(): string {
    if (inRepr.includes(this)) return "...";
    inRepr.push(this);
    try {
      return this._repr();
    } finally {
      inRepr.pop();
    }
  }

  /** The repr itself (toString() guards against recursion around it). @internal */
  _repr(): string {
    return `<${this._kindName()} ${this._reprInfo().join(" ")}>`;
  }

  /** asyncio's _future_repr_info: the state, the result or exception, the callbacks. @internal */
  _reprInfo(): string[] {
    const info = [STATE_NAMES[this._state]!.toLowerCase()];
    if (this._state === FINISHED) {
      info.push(this._failed ? `exception=${errorRepr(this._result)}` : `result=${valueRepr(this._result)}`);
    }
    const cbs: Function[] = [];
    if (this._cb0 !== null) cbs.push(this._cb0);
    if (this._cbs !== null) for (let i = 0; i < this._cbs.length; i += 3) cbs.push(this._cbs[i] as Function);
    if (cbs.length > 0) {
      const f = (fn: Function): string => `${callbackName(fn)}()`;
      const shown = cbs.length <= 2 ? cbs.map(f).join(", ") : `${f(cbs[0]!)}, <${cbs.length - 2} more>, ${f(cbs[cbs.length - 1]!)}`;
      info.push(`cb=[${shown}]`);
    }
    return info;
  }

  /** console.log() and util.inspect() show the repr. */
  [INSPECT](): string {
    return this.toString();
  }
}
// The bundler (scripts/bundle.mjs) rewrites a class that names itself in its own body as
// `var Future = class _Future {...}`, whose name would read "_Future"; reprs show class names.
Object.defineProperty(Future, "name", { value: "Future" });

/** True for aionode Futures and Tasks. */
export function isFuture(x: unknown): x is Future<unknown> {
  return x instanceof Future;
}

/** Wrap a Promise (or any thenable) in a Future of the given (or current) loop. */
export function wrapFuture<T>(promise: PromiseLike<T> | Future<T>, loop?: EventLoop): Future<T> {
  // A future is returned as it is, whatever its loop (asyncio's wrap_future does not check it;
  // ensureFuture does).
  if (promise instanceof Future) return promise;
  if (promise === null || typeof promise !== "object" && typeof promise !== "function" || typeof (promise as PromiseLike<T>).then !== "function") {
    throw new TypeError(`wrapFuture(): a Promise or thenable was expected, got ${describeValue(promise)}`);
  }
  const fut = new Future<T>(loop ?? hooks.currentLoop!());
  // As asyncio's _chain_future: a promise that settles after the loop closed leaves the future
  // pending (completing it could only fail with 'Event loop is closed', with no caller to tell).
  try {
    (promise as PromiseLike<T>).then(
      (v) => {
        if (fut._state === PENDING && !fut._loop._closed) fut.setResult(v);
      },
      (e) => {
        if (fut._state === PENDING && !fut._loop._closed) fut._setException(e);
      },
    );
  } catch (e) {
    // A then() that throws fails the future, as it rejects a Promise resolved with the thenable
    // (and as asyncio's task around an awaitable whose __await__ raises fails).
    if (fut._state === PENDING) fut._setException(e);
  }
  return fut;
}
