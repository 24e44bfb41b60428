/**
 * Composition (asyncio.tasks): sleep, gather, wait, waitFor, shield, asCompleted, ensureFuture,
 * createTask. Functions that are coroutines in asyncio (sleep, wait, waitFor) return lazy
 * Coroutine objects; those that return futures in asyncio (gather, shield, ensureFuture,
 * createTask) return Futures bound to the running loop (or, outside one, the default loop).
 */
import { CancelledError, RuntimeError, TimeoutError, timeoutFrom } from "./errors.js";
import { Coroutine, genCoroutine, isCoroutine, isGenerator, markCoroutineFunctions, qualname } from "./coroutines.js";
import { currentLoop } from "./events.js";
import { CANCELLED, F_GATHER_MARK, F_RELINQUISH, Future, PENDING, wrapFuture } from "./futures.js";
import type { AsyncResource } from "node:async_hooks";
import type { TimerEntry, TimerHandle } from "./handles.js";
import { describeValue, type EventLoop } from "./loop.js";
import { SLEEP0_ITERATOR, Task, spawnTask } from "./tasks.js";
import { rt } from "./internal/state.js";
import { nameCallback, namePartial } from "./internal/repr.js";

export const FIRST_COMPLETED = "FIRST_COMPLETED";
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
export const ALL_COMPLETED = "ALL_COMPLETED";
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Anything aionode can await: a Future/Task, a coroutine, a generator coroutine or a Promise. */
export type Awaitable<T> = Future<T> | Coroutine<T> | PromiseLike<T> | Generator<unknown, T, any>;
/** The result type of an awaitable. */
export type AwaitedOf<X> =
  X extends Future<infer T>
    ? T
    : X extends Coroutine<infer T>
      ? T
      : X extends PromiseLike<infer T>
        ? T
        : X extends Generator<unknown, infer T, any>
          ? T
          : never;

export interface SignalOption {
  /** Aborting the signal cancels the operation (its await throws CancelledError). */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------- helpers

function checkDelay(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number") throw new TypeError(`${fn}(): ${name} must be a number of seconds, got ${describeValue(v)}`);
  if (v !== v) throw new RangeError(`${fn}(): ${name} is NaN`);
}

function checkTimeout(fn: string, v: unknown): void {
  if (v === null || v === undefined) return;
  checkDelay(fn, "timeout", v);
}

function checkSignal(fn: string, signal: unknown): void {
  if (signal === undefined) return;
  if (!(signal instanceof AbortSignal)) {
    throw new TypeError(`${fn}(): options.signal must be an AbortSignal, got ${describeValue(signal)}`);
  }
}

function checkOptions(fn: string, options: unknown): void {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(`${fn}(): options must be an object, got ${describeValue(options)}`);
  }
}

function abortMessage(signal: AbortSignal): string {
  const r = signal.reason as unknown;
  if (r instanceof Error) return r.message;
  if (r === undefined) return "";
  try {
    return String(r);
  } catch {
    // A reason with no string form (Object.create(null), a throwing toString) must still cancel
    // the wait: a throw here would escape from the abort listener and leave the wait pending.
    return Object.prototype.toString.call(r);
  }
}

/** Cancel `fut` when `signal` aborts (for as long as fut is pending). @internal */
export function bindSignal(fut: Future<unknown>, signal: AbortSignal | undefined): void {
  if (signal === undefined) return;
  if (signal.aborted) {
    fut.cancel(abortMessage(signal));
    return;
  }
  // The listener reaches the future through a WeakRef: a wait left pending when its loop is
  // closed never completes, so its done callback never removes the listener, and a long-lived
  // signal holding the future would hold its loop (and everything the loop held) until it aborts.
  // Such a listener is removed once the future has been collected (abandonedListeners).
  const ref = new WeakRef(fut);
  const onAbort = () => {
    const f = ref.deref();
    if (f === undefined) return;
    try {
      f.cancel(abortMessage(signal));
    } catch (e) {
      // The loop was closed: the future is cancelled, its callbacks could never run.
      if (!f._loop._closed) throw e;
    }
  };
  signal.addEventListener("abort", onAbort, { once: true });
  const pair: ListenerPair = [signal, onAbort];
  abandonedListeners.register(fut, pair, pair);
  fut._addCallback(removeAbortListener, pair, fut._loop._ctxForCallback());
}

type ListenerPair = [AbortSignal, () => void];

function removeAbortListener(pair: ListenerPair): void {
  pair[0].removeEventListener("abort", pair[1]);
  abandonedListeners.unregister(pair);
}

/** Removes the abort listener of a signal-bound future that was collected without completing. */
const abandonedListeners = new FinalizationRegistry<ListenerPair>((pair) => {
  pair[0].removeEventListener("abort", pair[1]);
});

/** An iterator for `yield*` over any awaitable. @internal */
export function awaitIter<T>(aw: unknown, loop?: EventLoop): Iterable<unknown> & Iterator<unknown, T, unknown> | Iterable<unknown> {
  if (aw instanceof Future || aw instanceof Coroutine || isGenerator(aw)) return aw as Iterable<unknown>;
  if (aw !== null && (typeof aw === "object" || typeof aw === "function") && typeof (aw as PromiseLike<T>).then === "function") {
    return wrapFuture(aw as PromiseLike<T>, loop ?? currentLoop());
  }
  throw new TypeError(`an awaitable was expected (a Future, Task, coroutine or Promise), got ${describeValue(aw)}`);
}

function isAwaitable(aw: unknown): boolean {
  return (
    aw instanceof Future ||
    isCoroutine(aw) ||
    (aw !== null && (typeof aw === "object" || typeof aw === "function") && typeof (aw as PromiseLike<unknown>).then === "function")
  );
}

// ---------------------------------------------------------------------------- sleep

/**
 * A future resolved by a timer; cancelling it frees the timer at once. It is its own timer entry
 * (TimerEntry: the loop's timer core holds the future itself), so a sleep allocates no
 * TimerHandle.
 */
class SleepFuture<T> extends Future<T> implements TimerEntry {
  _value: T;
  _id = -1;
  _seq = -1;
  /** The timer was cancelled (the future is cancelled): a batch of due timers skips it. */
  _cancelled = false;
  _ctx: AsyncResource | null = null;
  _callback: Function = sleepFire;
  /** The one argument of sleepFire: the future itself (set when the timer is scheduled). */
  _arg: unknown = undefined;
  /** asyncio's sleep future is a plain Future. @internal */
  override _kindName(): string {
    return "Future";
  }
  constructor(loop: EventLoop, value: T) {
    super(loop);
    this._value = value;
  }
  override cancel(msg?: string): boolean {
    const ok = super.cancel(msg);
    if (ok && !this._cancelled) this._loop._cancelTimer(this);
    return ok;
  }
}

function sleepFire(fut: SleepFuture<unknown>): void {
  if (fut._state === PENDING) fut.setResult(fut._value);
}

function makeSleepFuture<T>(delay: number, result: T, signal: AbortSignal | undefined): SleepFuture<T> {
  const loop = currentLoop();
  const fut = new SleepFuture<T>(loop, result);
  if (delay <= 0) fut.setResult(result);
  else {
    const nowMs = performance.now();
    fut._arg = fut;
    fut._ctx = loop._ctxForCallback();
    loop._scheduleTimer(fut, nowMs / 1000 + delay, nowMs);
  }
  bindSignal(fut, signal);
  return fut;
}

/**
 * The coroutine sleep() returns. It is its own iterator (no generator object per sleep):
 * delay <= 0 yields once with no value (asyncio's __sleep0: relinquish one iteration); otherwise it
 * yields a SleepFuture until the timer resolves it.
 */
class SleepCoroutine<T> extends Coroutine<T> implements Iterator<unknown, T, unknown> {
  private _delay: number;
  private _value: T;
  private _signal: AbortSignal | undefined;
  private _fut: SleepFuture<T> | null = null;
  private _yielded = false;

  constructor(delay: number, value: T, signal: AbortSignal | undefined) {
    super(sleep, undefined, EMPTY_ARGS, 0);
    this._delay = delay;
    this._value = value;
    this._signal = signal;
  }

  override [Symbol.iterator](): Iterator<unknown, T, unknown> {
    this._take();
    if (this._delay <= 0) {
      // Inside a task, sleep(0) keeps no per-sleep state (see SLEEP0_ITERATOR).
      if (this._value === undefined && this._signal === undefined && rt.steppingTask !== null) {
        return SLEEP0_ITERATOR as Iterator<unknown, T, unknown>;
      }
      return this;
    }
    // The future iterates itself: it yields itself until the timer resolves it.
    return makeSleepFuture(this._delay, this._value, this._signal);
  }

  /** @internal A Task runs this coroutine through its own iterator. */
  override _start(): unknown {
    return this;
  }

  next(): IteratorResult<unknown, T> {
    const fut = this._fut;
    if (fut !== null) return fut.next() as IteratorResult<unknown, T>;
    if (this._delay <= 0) {
      // asyncio's __sleep0: give up the loop for one iteration (a bare yield). An aborted signal,
      // before or during that iteration, cancels the sleep as it cancels a longer one's future.
      const signal = this._signal;
      if (signal !== undefined && signal.aborted) throw new CancelledError(abortMessage(signal));
      if (this._yielded) return { value: this._value, done: true };
      this._yielded = true;
      return { value: undefined, done: false };
    }
    const f = makeSleepFuture(this._delay, this._value, this._signal);
    this._fut = f;
    return f.next() as IteratorResult<unknown, T>;
  }

  throw(err?: unknown): IteratorResult<unknown, T> {
    const fut = this._fut;
    if (fut !== null && !fut.done()) fut.cancel();
    throw err;
  }

  return(value?: unknown): IteratorResult<unknown, T> {
    const fut = this._fut;
    if (fut !== null && !fut.done()) fut.cancel();
    return { value: value as T, done: true };
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    this._take();
    if (this._delay <= 0 && this._value === undefined && this._signal === undefined) {
      // A plain `await sleep(0)` needs no future of its own: one finished future per loop serves
      // every such await (the await still takes one loop iteration: see _then's relinquish).
      return (sleep0Future(currentLoop()) as Future<T>)._then(onFulfilled, onRejected, true);
    }
    const fut = makeSleepFuture(this._delay, this._value, this._signal);
    if (this._delay <= 0) fut._flags |= F_RELINQUISH;
    return fut._then(onFulfilled, onRejected, this._delay <= 0);
  }
}

/** The loop's finished future (result undefined) that every plain `await sleep(0)` awaits. */
function sleep0Future(loop: EventLoop): Future<undefined> {
  let f = loop._sleep0 as Future<undefined> | null;
  if (f === null) {
    f = new Future<undefined>(loop);
    f.setResult(undefined);
    f._flags |= F_RELINQUISH;
    loop._sleep0 = f;
  }
  return f;
}

const EMPTY_ARGS: unknown[] = [];

/** Sleep `delay` seconds, then evaluate to `result` (asyncio.sleep). A coroutine. */
export function sleep(delay: number): Coroutine<void>;
export function sleep<T>(delay: number, result: T, options?: SignalOption): Coroutine<T>;
export function sleep<T>(delay: number, result?: T, options?: SignalOption): Coroutine<T | undefined> {
  checkDelay("sleep", "delay", delay);
  checkOptions("sleep", options);
  checkSignal("sleep", options?.signal);
  return new SleepCoroutine<T | undefined>(delay, result, options?.signal);
}

// ---------------------------------------------------------------------------- ensureFuture / createTask

/** A Future for any awaitable: futures as they are, coroutines wrapped in a Task, promises wrapped. */
export function ensureFuture<A extends Awaitable<unknown>>(aw: A, loop?: EventLoop): Future<AwaitedOf<A>>;
export function ensureFuture<T>(aw: Awaitable<T>, loop?: EventLoop): Future<T>;
export function ensureFuture(aw: unknown, loop?: EventLoop): Future<unknown>;
export function ensureFuture(aw: unknown, loop?: EventLoop): Future<unknown> {
  if (aw instanceof Future) {
    if (loop !== undefined && aw._loop !== loop) {
      throw new RuntimeError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return aw;
  }
  if (isCoroutine(aw)) {
    const l = loop ?? currentLoop();
    if (l.isClosed()) {
      // As asyncio's, whose loop.create_task() refuses: the coroutine is closed first, so a
      // later await of it raises 'cannot reuse already awaited coroutine'.
      if (aw instanceof Coroutine) aw._used = true;
      else if (isGenerator(aw)) aw.return(undefined);
      throw new RuntimeError("Event loop is closed");
    }
    return spawnTask(aw, l);
  }
  if (aw !== null && (typeof aw === "object" || typeof aw === "function") && typeof (aw as PromiseLike<unknown>).then === "function") {
    const l = loop ?? currentLoop();
    // asyncio wraps an awaitable in a task as well, which a closed loop refuses.
    if (l.isClosed()) throw new RuntimeError("Event loop is closed");
    return wrapFuture(aw as PromiseLike<unknown>, l);
  }
  throw notAwaitable(aw);
}

/** asyncio's error for a value ensure_future() cannot take (gather, waitFor, asCompleted say the same). */
function notAwaitable(aw: unknown): TypeError {
  return new TypeError(`An aionode Future, a coroutine or an awaitable is required, got ${describeValue(aw)}`);
}

/** Schedule a coroutine as a Task on the running loop (asyncio.create_task). */
export function createTask<A extends Coroutine<unknown> | Generator<unknown, unknown, any> | PromiseLike<unknown>>(
  coro: A,
  options?: { name?: string },
): Task<AwaitedOf<A>>;
export function createTask<T>(coro: Coroutine<T> | Generator<unknown, T, any> | PromiseLike<T>, options?: { name?: string }): Task<T>;
export function createTask<T>(coro: Coroutine<T> | Generator<unknown, T, any> | PromiseLike<T>, options?: { name?: string }): Task<T> {
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError(`createTask(): options must be an object, got ${describeValue(options)}`);
  }
  // As asyncio.create_task in 3.11: the task is created unnamed (taking a Task-N number) and then renamed.
  const task = spawnTask<T>(coro, currentLoop());
  if (options !== undefined && options.name !== undefined && options.name !== null) task.setName(options.name);
  return task;
}

// ---------------------------------------------------------------------------- gather

export interface GatherOptions extends SignalOption {
  /** Collect exceptions as results instead of failing on the first one. */
  returnExceptions?: boolean;
}

/** The future gather() returns: cancelling it cancels the children. */
export class GatheringFuture<T> extends Future<T> {
  /** @internal */ _children: Future<unknown>[];
  /** asyncio's class name, which reprs and "never retrieved" reports show. @internal */
  override _kindName(): string {
    return "_GatheringFuture";
  }
  /** @internal */ _cancelRequested = false;
  constructor(children: Future<unknown>[], loop: EventLoop) {
    super(loop);
    this._children = children;
  }
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    if (ret) this._cancelRequested = true;
    return ret;
  }
}


/** A gather() is marking its futures with F_GATHER_MARK (its duplicates' lookup). */
let gatherMarking = false;

function isOptionsBag(x: unknown): boolean {
  if (x === null || typeof x !== "object" || isAwaitable(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

type GatherResults<A extends readonly unknown[]> = { -readonly [K in keyof A]: AwaitedOf<A[K]> };

/**
 * Run awaitables concurrently; resolve to their results in argument order (asyncio.gather).
 * The last argument may be `{ returnExceptions, signal }`.
 */
export function gather<A extends readonly unknown[]>(...args: [...A, GatherOptions]): GatheringFuture<GatherResults<A>>;
export function gather<A extends readonly unknown[]>(...aws: A): GatheringFuture<GatherResults<A>>;
export function gather(...args: unknown[]): GatheringFuture<unknown[]> {
  let options: GatherOptions = {};
  if (args.length > 0 && isOptionsBag(args[args.length - 1])) options = args.pop() as GatherOptions;
  checkSignal("gather", options.signal);
  // Truthiness, as asyncio tests `return_exceptions` (1 or "yes" collect, 0 or "" do not).
  const returnExceptions = !!options.returnExceptions;
  if (args.length === 0) {
    const outer = new GatheringFuture<unknown[]>([], currentLoop());
    outer.setResult([]);
    return outer;
  }
  // Duplicates share one child. A future is marked while the call runs (a flag bit, no hashing);
  // a coroutine seen before is already taken, and only then are the children searched (a Map of
  // the coroutines' tasks, made once); foreign thenables go through a Map.
  let argToFut: Map<unknown, Future<unknown>> | null = null;
  let coroToFut: Map<unknown, Future<unknown>> | null = null;
  const children: Future<unknown>[] = [];
  let nfuts = 0;
  let nfinished = 0;
  let loop: EventLoop | undefined;
  let outer: GatheringFuture<unknown[]> | null = null;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark it retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer._setException(fut._makeCancelledError());
        return;
      }
      // _failed, not `exception() !== null`: a JavaScript coroutine may throw null.
      if (fut._failed) {
        outer._setException(fut._retrieveException());
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let i = 0; i < children.length; i++) {
        const f = children[i]!;
        if (f._state === CANCELLED) {
          // A fresh error, as asyncio's: the child keeps its saved one for its own result().
          results[i] = new CancelledError(f._cancelMessage === undefined ? "" : f._cancelMessage);
        } else {
          results[i] = f._failed ? f._retrieveException() : f._result;
        }
      }
      // asyncio builds this error from the last child in argument order (its results loop
      // reuses the callback's variable), not from the child that finished last.
      if (outer._cancelRequested) outer._setException(children[children.length - 1]!._makeCancelledError());
      else outer.setResult(results);
    }
  };
  nameCallback(doneCallback, "gather.<locals>._done_callback");

  // A gather() called while this one marks its futures (from a thenable's then(), which
  // ensureFuture calls at once) must neither see nor clear these marks: it uses its Map.
  const marking = !gatherMarking;
  gatherMarking = true;
  try {
    for (const arg of args) {
      let fut: Future<unknown> | undefined;
      if (arg instanceof Future && marking) {
        if ((arg._flags & F_GATHER_MARK) !== 0) fut = arg;
      } else if (arg instanceof Coroutine) {
        if (arg._used) fut = (coroToFut ??= tasksByCoroutine(children)).get(arg);
      } else if (argToFut !== null) {
        fut = argToFut.get(arg);
      }
      if (fut === undefined) {
        // A bad argument throws here, as in asyncio: the coroutines before it are tasks already
        // (they run), and the futures before it keep a done callback that finds no outer.
        fut = ensureFuture(arg, loop);
        if (loop === undefined) loop = fut._loop;
        nfuts++;
        if (arg instanceof Future && marking) arg._flags |= F_GATHER_MARK;
        else if (arg instanceof Coroutine) {
          if (coroToFut !== null) coroToFut.set(arg, fut);
        } else {
          if (argToFut === null) argToFut = new Map();
          argToFut.set(arg, fut);
        }
        fut.addDoneCallback(doneCallback);
      }
      children.push(fut);
    }
  } finally {
    if (marking) {
      for (let i = 0; i < children.length; i++) children[i]!._flags &= ~F_GATHER_MARK;
      gatherMarking = false;
    }
  }
  outer = new GatheringFuture<unknown[]>(children, loop!);
  if (options.signal !== undefined) bindSignal(outer, options.signal);
  return outer;
}

/** The children of a gather() that are tasks of coroutines, by coroutine (its duplicates' lookup). */
function tasksByCoroutine(children: Future<unknown>[]): Map<unknown, Future<unknown>> {
  const m = new Map<unknown, Future<unknown>>();
  for (const c of children) if (c instanceof Task && c._coro instanceof Coroutine) m.set(c._coro, c);
  return m;
}

// ---------------------------------------------------------------------------- wait

export interface WaitOptions extends SignalOption {
  /** Seconds; null/undefined means no timeout. wait() never cancels on timeout. */
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

function* waitGen<T>(
  fs: Set<Future<T>>,
  timeout: number | null | undefined,
  returnWhen: ReturnWhen,
  signal: AbortSignal | undefined,
): Generator<unknown, [Set<Future<T>>, Set<Future<T>>], unknown> {
  const loop = currentLoop();
  for (const f of fs) {
    if (f._loop !== loop) throw new RuntimeError("wait(): a future belongs to a different loop than the running one");
  }
  const waiter = loop.createFuture<void>();
  bindSignal(waiter, signal);
  let timeoutHandle: TimerHandle | null = null;
  if (timeout !== null && timeout !== undefined) {
    timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  }
  let counter = fs.size;
  const onCompletion = (f: Future<unknown>): void => {
    counter--;
    // (A failed future's exception counts as retrieved here, as asyncio's `exception()` call
    // marks it; _failed, not `exception() !== null`, since a coroutine may throw null.)
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && f._failed && (f._retrieveException(), true))
    ) {
      if (timeoutHandle !== null) timeoutHandle.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  nameCallback(onCompletion, "_wait.<locals>._on_completion");
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    if (timeoutHandle !== null) timeoutHandle.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<T>>();
  const pending = new Set<Future<T>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/**
 * Wait for futures/tasks (asyncio.wait): resolves to `[done, pending]`. Never cancels anything,
 * also not on timeout. A coroutine.
 */
export function wait<T>(
  fs: Iterable<Future<T>>,
  options: WaitOptions = {},
): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  if (fs instanceof Future || isCoroutine(fs) || fs === null || typeof fs !== "object" || typeof (fs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`wait(): expected an iterable of futures, got ${describeValue(fs)}`);
  }
  checkOptions("wait", options);
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new RangeError(`wait(): invalid returnWhen value: ${describeValue(returnWhen)}`);
  }
  checkTimeout("wait", options.timeout);
  checkSignal("wait", options.signal);
  const set = new Set(fs);
  if (set.size === 0) throw new RangeError("wait(): the set of tasks/futures is empty");
  for (const f of set) {
    if (isCoroutine(f)) throw new TypeError("wait(): passing coroutines is forbidden, use tasks explicitly");
    if (!(f instanceof Future)) {
      throw new TypeError(`wait(): expected Futures or Tasks, got ${describeValue(f)} (wrap promises with ensureFuture())`);
    }
  }
  return genCoroutine(waitGen, [set, options.timeout, returnWhen, options.signal]);
}

// ---------------------------------------------------------------------------- waitFor

function* cancelAndWait(fut: Future<unknown>, loop: EventLoop): Generator<unknown, void, unknown> {
  const waiter = loop.createFuture<void>();
  const cb = namePartial(() => releaseWaiter(waiter), "_release_waiter", [waiter]);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    yield* waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/** The result of a future cancelled for a timeout: its CancelledError becomes TimeoutError. */
function resultOrTimeout<T>(fut: Future<T>): T {
  try {
    return fut.result();
  } catch (exc) {
    if (exc instanceof CancelledError) throw timeoutFrom(exc);
    throw exc;
  }
}

function* waitForGen<T>(aw: unknown, timeout: number | null | undefined, signal: AbortSignal | undefined): Generator<unknown, T, unknown> {
  const loop = currentLoop();
  if (timeout === null || timeout === undefined) {
    if (signal === undefined) return (yield* awaitIter<T>(aw, loop) as Iterable<unknown>) as T;
    timeout = Infinity;
  }
  // (An aborted signal takes the path below, so the wait ends in CancelledError, not TimeoutError.)
  if (timeout <= 0 && (signal === undefined || !signal.aborted)) {
    const fut = ensureFuture(aw, loop) as Future<T>;
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut, loop);
    return resultOrTimeout(fut);
  }
  const waiter = loop.createFuture<void>();
  bindSignal(waiter, signal);
  const timeoutHandle = timeout === Infinity ? null : loop.callLater(timeout, releaseWaiter, waiter);
  const cb = namePartial(() => releaseWaiter(waiter), "_release_waiter", [waiter]);
  const fut = ensureFuture(aw, loop) as Future<T>;
  fut.addDoneCallback(cb);
  try {
    try {
      yield* waiter;
    } catch (exc) {
      if (exc instanceof CancelledError) {
        if (fut.done()) return fut.result();
        fut.removeDoneCallback(cb);
        yield* cancelAndWait(fut, loop);
      }
      throw exc;
    }
    if (fut.done()) return fut.result();
    fut.removeDoneCallback(cb);
    yield* cancelAndWait(fut, loop);
    return resultOrTimeout(fut);
  } finally {
    if (timeoutHandle !== null) timeoutHandle.cancel();
  }
}

/**
 * Wait for one awaitable with a timeout (asyncio.wait_for, 3.11 semantics): on timeout it is
 * cancelled, the cancellation is awaited, and TimeoutError is thrown. A coroutine.
 */
export function waitFor<A extends Awaitable<unknown>>(aw: A, timeout: number | null | undefined, options?: SignalOption): Coroutine<AwaitedOf<A>>;
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null | undefined, options?: SignalOption): Coroutine<T>;
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null | undefined, options?: SignalOption): Coroutine<T> {
  if (!isAwaitable(aw)) throw notAwaitable(aw);
  checkTimeout("waitFor", timeout);
  checkOptions("waitFor", options);
  checkSignal("waitFor", options?.signal);
  return genCoroutine(waitForGen, [aw, timeout, options?.signal]);
}

// ---------------------------------------------------------------------------- shield

/** Protect an awaitable from cancellation (asyncio.shield). */
export function shield<A extends Awaitable<unknown>>(aw: A): Future<AwaitedOf<A>>;
export function shield<T>(aw: Awaitable<T>): Future<T>;
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw) as Future<T>;
  if (inner.done()) return inner;
  const loop = inner._loop;
  const outer = loop.createFuture<T>();
  const innerDone = (f: Future<T>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark retrieved
      return;
    }
    if (f.cancelled()) outer.cancel();
    else {
      if (f._failed) outer._setException(f._retrieveException());
      else outer.setResult(f._result as T);
    }
  };
  nameCallback(innerDone, "shield.<locals>._inner_done_callback");
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };
  nameCallback(outerDone, "shield.<locals>._outer_done_callback");
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}

// ---------------------------------------------------------------------------- asCompleted

export interface AsCompletedOptions {
  timeout?: number | null;
}

/** What asCompleted() returns: an iterable of awaitables in completion order, also `for await`-able. */
export interface AsCompleted<T> extends Iterable<Coroutine<T>>, AsyncIterable<T> {}

/**
 * One await of asCompleted: take the next completed future (asyncio's `await done.get()` on its
 * internal Queue). As in Queue.get(), a waiter is only woken; it takes the future once it runs,
 * so a waiter cancelled after its wake-up leaves the future to the next one.
 */
function* waitForOne<T>(state: AsCompletedState<T>): Generator<unknown, T, unknown> {
  while (state.done.length === 0) {
    const getter = state.loop.createFuture<void>();
    state.getters.push(getter);
    try {
      yield* getter;
    } catch (e) {
      getter.cancel();
      const i = state.getters.indexOf(getter);
      if (i >= 0) state.getters.splice(i, 1);
      if (state.done.length > 0 && !getter.cancelled()) wakeNextGetter(state);
      throw e;
    }
  }
  const f = state.done.shift()!;
  if (f === null) throw new TimeoutError();
  return f.result();
}

// asyncio's __qualname__s, as task reprs show them.
qualname(waitGen, "wait");
qualname(waitForGen, "wait_for");
qualname(waitForOne, "as_completed.<locals>._wait_for_one");
// Coroutine functions in asyncio: isCoroutineFunction() says so.
markCoroutineFunctions(sleep, wait, waitFor);

interface AsCompletedState<T> {
  loop: EventLoop;
  /** Completed futures in completion order; null for each one the timeout gave up on. */
  done: (Future<T> | null)[];
  getters: Future<void>[];
  n: number;
}

function wakeNextGetter<T>(state: AsCompletedState<T>): void {
  while (state.getters.length > 0) {
    const g = state.getters.shift()!;
    if (!g.done()) {
      g.setResult();
      return;
    }
  }
}

function putDone<T>(state: AsCompletedState<T>, f: Future<T> | null): void {
  state.done.push(f);
  wakeNextGetter(state);
}

/**
 * Awaitables that resolve in completion order (asyncio.as_completed). Iterate it to get one
 * coroutine per input, or `for await (const result of asCompleted(...))` to get the results
 * directly. With a timeout, the remaining awaits throw TimeoutError once it passes.
 */
export function asCompleted<A extends Awaitable<unknown>>(fs: Iterable<A>, options?: AsCompletedOptions): AsCompleted<AwaitedOf<A>>;
export function asCompleted<T>(fs: Iterable<Awaitable<T>>, options?: AsCompletedOptions): AsCompleted<T>;
export function asCompleted<T>(fs: Iterable<Awaitable<T>>, options: AsCompletedOptions = {}): AsCompleted<T> {
  if (fs instanceof Future || isCoroutine(fs) || fs === null || typeof fs !== "object" || typeof (fs as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`asCompleted(): expected an iterable of awaitables, got ${describeValue(fs)}`);
  }
  checkOptions("asCompleted", options);
  checkTimeout("asCompleted", options.timeout);
  const input = [...new Set(fs)];
  for (const a of input) {
    if (!isAwaitable(a)) throw notAwaitable(a);
  }
  let state: AsCompletedState<T> | null = null;
  const setup = (): AsCompletedState<T> => {
    if (state !== null) return state;
    const loop = currentLoop();
    const st: AsCompletedState<T> = { loop, done: [], getters: [], n: 0 };
    state = st;
    const remaining = new Set<Future<T>>();
    for (const a of input) remaining.add(ensureFuture(a, loop) as Future<T>);
    st.n = remaining.size;
    let timeoutHandle: TimerHandle | null = null;
    const onCompletion = (f: Future<T>): void => {
      if (remaining.size === 0) return; // the timeout was here first
      remaining.delete(f);
      putDone(st, f);
      if (remaining.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
    };
    nameCallback(onCompletion, "as_completed.<locals>._on_completion");
    const onTimeout = (): void => {
      for (const f of remaining) {
        f.removeDoneCallback(onCompletion);
        putDone(st, null);
      }
      remaining.clear();
    };
    for (const f of remaining) f.addDoneCallback(onCompletion);
    if (remaining.size > 0 && options.timeout !== null && options.timeout !== undefined) {
      timeoutHandle = loop.callLater(options.timeout, onTimeout);
    }
    return st;
  };
  // One pass, as asyncio's generator: iterating again (or after a `for await`) gives the
  // awaitables not handed out yet, none once all were.
  let issued = 0;
  let iter: Iterator<Coroutine<T>> | null = null;
  return {
    [Symbol.iterator](): Iterator<Coroutine<T>> {
      if (iter === null) {
        iter = (function* () {
          const st = setup();
          while (issued < st.n) {
            issued++;
            yield genCoroutine<T>(waitForOne, [st]);
          }
        })();
      }
      return iter;
    },
    async *[Symbol.asyncIterator](): AsyncIterator<T> {
      const st = setup();
      while (issued < st.n) {
        issued++;
        yield await genCoroutine<T>(waitForOne, [st]);
      }
    },
  };
}

