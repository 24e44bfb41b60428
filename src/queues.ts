/**
 * Queues: asyncio.queues (3.11) — Queue, LifoQueue, PriorityQueue — plus shutdown() from 3.13.
 *
 * HOW
 *   Each queue keeps its items (a ring for Queue, an array for LifoQueue, a binary heap for
 *   PriorityQueue) and two FIFO deques of waiter futures, exactly as asyncio does:
 *
 *     get() on an empty queue ──► getter future ──► _getters ◄── putNowait() wakes the first
 *     put() on a full queue   ──► putter future ──► _putters ◄── getNowait() wakes the first
 *
 *   A woken waiter re-checks the queue (asyncio's `while self.empty()` / `while self.full()`):
 *   if another task took the item (or the slot) in between, it waits again at the back. A waiter
 *   that is cancelled after it was woken passes the wake-up on to the next one in line
 *   (asyncio's except-branch around `await getter`), so no item and no slot is ever lost.
 *   join()/taskDone() count unfinished items and wake join()'s waiters when the count drops to
 *   zero (asyncio's `_finished` Event, kept here as a flag and a list of futures).
 *   shutdown(immediate) is Python 3.13's: puts raise QueueShutDown, gets raise it once the queue
 *   is empty (at once, with the queue drained, when immediate), and every waiter is woken.
 *
 *   get() and put() return coroutine objects (lazy, as in asyncio) that are their own iterator:
 *     yield* q.get()   next() takes an item when there is one (done at once, no suspension),
 *                      else yields a getter future; the task calls next() again when it is woken;
 *                      a CancelledError thrown in runs the hand-over above and propagates.
 *     await q.get()    then() takes an item at once when there is one (settling the await
 *                      synchronously); only when it must wait does it make an AsyncWait, which
 *                      runs the same loop from its getter futures' then() callbacks (the awaiting
 *                      task waits on each getter, so cancelling the task cancels the getter).
 *   In async functions `await` adopts thenables (JavaScript's rule), so `await q.get()` of an item
 *   that is a Promise or Future gives its result; `yield* q.get()`, getNowait() and `for await`
 *   give the item itself.
 *
 * WHY
 *   The hot path (W3: two tasks ping-ponging through two queues) is a get() on a non-empty queue
 *   or a put() on a non-full one: that allocates the coroutine object and nothing else (no
 *   Future, no generator object, no Promise). Futures exist only while somebody actually waits,
 *   as in asyncio; a waiting async function costs its getter future and one AsyncWait, no
 *   async function of its own, and resumes one microtask after the wake-up.
 *   A queue binds to the first loop it waits on (asyncio's _LoopBoundMixin): waiting on it from
 *   another loop is a RuntimeError.
 */
import { pyFloatRepr, pyRepr } from "./internal/repr.js";
import { COROUTINE_KIND, Coroutine, genCoroutine, markCoroutineFunctions, qualname } from "./coroutines.js";
import { QueueEmpty, QueueFull, QueueShutDown, RuntimeError } from "./errors.js";
import { currentLoop } from "./events.js";
import { LazyThenable, type Future } from "./futures.js";
import { describeValue, type EventLoop } from "./loop.js";
import type { Task } from "./tasks.js";
import { rt } from "./internal/state.js";

// ---------------------------------------------------------------------------- deque

/** A growable power-of-two ring: O(1) push/shift, no array shift(), slots cleared when vacated. */
class Deque<X> {
  private _buf: (X | undefined)[];
  private _head = 0;
  private _mask: number;
  length = 0;

  constructor(capacity: number) {
    this._buf = new Array<X | undefined>(capacity).fill(undefined);
    this._mask = capacity - 1;
  }

  push(x: X): void {
    if (this.length > this._mask) this._grow();
    this._buf[(this._head + this.length) & this._mask] = x;
    this.length++;
  }

  shift(): X {
    const i = this._head;
    const x = this._buf[i] as X;
    this._buf[i] = undefined;
    this._head = (i + 1) & this._mask;
    this.length--;
    return x;
  }

  /** Remove the first occurrence of `x` (deque.remove); false when it is not there. */
  remove(x: X): boolean {
    const buf = this._buf;
    const mask = this._mask;
    const n = this.length;
    for (let k = 0; k < n; k++) {
      if (buf[(this._head + k) & mask] === x) {
        for (let j = k; j < n - 1; j++) buf[(this._head + j) & mask] = buf[(this._head + j + 1) & mask];
        buf[(this._head + n - 1) & mask] = undefined;
        this.length = n - 1;
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this._buf.fill(undefined);
    this._head = 0;
    this.length = 0;
  }

  toArray(): X[] {
    const out: X[] = [];
    for (let k = 0; k < this.length; k++) out.push(this._buf[(this._head + k) & this._mask] as X);
    return out;
  }

  private _grow(): void {
    const old = this._buf;
    const n = this.length;
    const buf = new Array<X | undefined>(old.length * 2).fill(undefined);
    for (let k = 0; k < n; k++) buf[k] = old[(this._head + k) & this._mask];
    this._buf = buf;
    this._head = 0;
    this._mask = buf.length - 1;
  }
}

/** asyncio's _wakeup_next: wake the first waiter that is not done (cancelled ones are skipped). */
function wakeupNext(waiters: Deque<Future<void>>): void {
  while (waiters.length !== 0) {
    const w = waiters.shift();
    if (!w.done()) {
      w.setResult(undefined);
      return;
    }
  }
}

// ---------------------------------------------------------------------------- options

export interface QueueOptions {
  /** Items allowed in the queue; <= 0 (the default) means unbounded. An integer, or Infinity. */
  maxsize?: number;
}

export interface PriorityQueueOptions<T> extends QueueOptions {
  /**
   * Orders items: negative when `a` comes out before `b` (as Array.prototype.sort's). Default:
   * Python's `<` on numbers, strings and arrays of them (compared element by element, like tuples).
   */
  comparator?: (a: T, b: T) => number;
}

function checkMaxsize(cls: string, arg: unknown): number {
  let maxsize: unknown = arg;
  if (arg !== null && typeof arg === "object") maxsize = (arg as QueueOptions).maxsize;
  else if (arg !== undefined && typeof arg !== "number") {
    throw new TypeError(`${cls}(): maxsize must be a number or an options object, got ${describeValue(arg)}`);
  }
  if (maxsize === undefined) return 0;
  if (typeof maxsize !== "number") throw new TypeError(`${cls}(): maxsize must be a number, got ${describeValue(maxsize)}`);
  if (maxsize !== maxsize) throw new RangeError(`${cls}(): maxsize is NaN`);
  if (!Number.isInteger(maxsize) && maxsize !== Infinity && maxsize !== -Infinity) {
    throw new RangeError(`${cls}(): maxsize must be an integer, got ${maxsize}`);
  }
  return maxsize;
}

// ---------------------------------------------------------------------------- Queue

const NO_ARGS: unknown[] = [];
const PUT_DONE: IteratorResult<unknown, void> = Object.freeze({ value: undefined, done: true }) as never;

/**
 * A first in, first out queue for coordinating producer and consumer tasks (asyncio.Queue).
 *
 * `new Queue<T>(maxsize = 0)` or `new Queue<T>({ maxsize })`: with maxsize <= 0 the queue is
 * unbounded; otherwise put() waits while it holds maxsize items. get(), put() and join() are
 * coroutines (`yield* q.get()` in generator coroutines, `await q.get()` in async functions);
 * putNowait(), getNowait() and the rest are plain methods. `for await (const item of q)` gets
 * items until the queue is shut down and drained.
 */
export class Queue<T = unknown> implements AsyncIterable<T> {
  /** @internal */ _maxsize: number;
  /** Waiting get() calls (futures), first in first out. @internal */
  _getters: Deque<Future<void>> = new Deque<Future<void>>(4);
  /** Waiting put() calls (futures), first in first out. @internal */
  _putters: Deque<Future<void>> = new Deque<Future<void>>(4);
  /** @internal */ _unfinished = 0;
  /** asyncio's `_finished` Event: set while no item is unfinished. */
  private _finished = true;
  private _joinWaiters: Future<boolean>[] | null = null;
  /** The loop the queue is bound to (the first one it waited on). @internal */
  _loop: EventLoop | null = null;
  /** The loop join() waited on first (asyncio binds the `_finished` Event separately). */
  private _joinLoop: EventLoop | null = null;
  /** @internal */ _shutdown = false;
  /** FIFO storage (Queue only; subclasses keep their own). */
  private _fifo!: Deque<T>;

  constructor(maxsize?: number | QueueOptions) {
    this._maxsize = checkMaxsize(new.target.name, maxsize);
    this._init(this._maxsize);
  }

  // Storage hooks (asyncio's _init/_get/_put, plus size, clear and listing): subclasses
  // override all of them to change the order in which items come out.

  protected _init(_maxsize: number): void {
    this._fifo = new Deque<T>(8);
  }
  /** @internal */
  _qsize(): number {
    return this._fifo.length;
  }
  protected _put(item: T): void {
    this._fifo.push(item);
  }
  protected _get(): T {
    return this._fifo.shift();
  }
  protected _clear(): void {
    this._fifo.clear();
  }
  protected _items(): T[] {
    return this._fifo.toArray();
  }

  /** Number of items allowed in the queue (<= 0: unbounded). */
  get maxsize(): number {
    return this._maxsize;
  }

  /** Number of items in the queue. */
  qsize(): number {
    return this._qsize();
  }

  /** True when the queue holds no item. */
  empty(): boolean {
    return this._qsize() === 0;
  }

  /** True when the queue holds maxsize items (never for an unbounded queue). */
  full(): boolean {
    const max = this._maxsize;
    return max > 0 && this._qsize() >= max;
  }

  /** Whether shutdown() was called. */
  isShutdown(): boolean {
    return this._shutdown;
  }

  /** Put an item, waiting for a free slot while the queue is full. A coroutine. QueueShutDown after shutdown(). */
  put(item: T): Coroutine<void> {
    return new PutCoroutine<T>(this, item);
  }

  /** Put an item without waiting: QueueFull when the queue is full, QueueShutDown after shutdown(). */
  putNowait(item: T): void {
    if (this._shutdown) throw new QueueShutDown();
    const max = this._maxsize;
    if (max > 0 && this._qsize() >= max) throw new QueueFull();
    this._put(item);
    this._unfinished++;
    this._finished = false;
    if (this._getters.length !== 0) wakeupNext(this._getters);
  }

  /**
   * Remove and return an item, waiting while the queue is empty. A coroutine. QueueShutDown once
   * the queue is shut down and empty.
   */
  get(): Coroutine<T> {
    return new GetCoroutine<T>(this);
  }

  /** Remove and return an item without waiting: QueueEmpty when there is none (QueueShutDown if shut down). */
  getNowait(): T {
    if (this._qsize() === 0) {
      if (this._shutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._get();
    if (this._putters.length !== 0) wakeupNext(this._putters);
    return item;
  }

  /**
   * Mark one item fetched with get() as processed; join() returns once every item put has been
   * marked. RangeError (Python's ValueError) when called more times than items were put.
   */
  taskDone(): void {
    if (this._unfinished <= 0) throw new RangeError("task_done() called too many times");
    if (--this._unfinished === 0) this._setFinished();
  }

  /** Wait until every item put into the queue has been fetched and marked with taskDone(). A coroutine. */
  join(): Coroutine<void> {
    return genCoroutine<void>(joinGen, [this]);
  }

  /**
   * Shut the queue down (Python 3.13): put() and putNowait() raise QueueShutDown from now on;
   * get() and getNowait() raise it once the queue is empty. With `immediate`, the queue is drained
   * first (each dropped item counts as done for join()), so gets raise at once. Every waiting
   * put() and get() is woken to re-check (and raise, unless a get() still finds an item).
   */
  shutdown(immediate: boolean = false): void {
    if (typeof immediate !== "boolean") {
      throw new TypeError(`shutdown(): immediate must be a boolean, got ${describeValue(immediate)}`);
    }
    this._shutdown = true;
    if (immediate) {
      const n = this._qsize();
      if (n > 0) {
        this._clear();
        this._unfinished = this._unfinished > n ? this._unfinished - n : 0;
      }
      if (this._unfinished === 0) this._setFinished();
    }
    const getters = this._getters;
    while (getters.length !== 0) {
      const g = getters.shift();
      if (!g.done()) g.setResult(undefined);
    }
    const putters = this._putters;
    while (putters.length !== 0) {
      const p = putters.shift();
      if (!p.done()) p.setResult(undefined);
    }
  }

  /** Items as get() would return them, until the queue is shut down and empty (QueueShutDown ends the loop quietly). */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new QueueIterator<T>(this);
  }

  /** `<Queue maxsize=0 _queue=[...] _getters[n] _putters[n] tasks=n shutdown>` as asyncio's str(). */
  toString(): string {
    // An infinite maxsize reads as Python's float('inf') does (`maxsize=inf`); integers as integers.
    const max = this._maxsize;
    let s = `<${this.constructor.name} maxsize=${Number.isFinite(max) ? String(max) : pyFloatRepr(max)}`;
    if (this._qsize() > 0) s += ` _queue=${pyRepr(this._items())}`;
    if (this._getters.length > 0) s += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) s += ` _putters[${this._putters.length}]`;
    if (this._unfinished > 0) s += ` tasks=${this._unfinished}`;
    if (this._shutdown) s += " shutdown";
    return s + ">";
  }

  /** asyncio's _LoopBoundMixin._get_loop(): the loop to create a waiter on. @internal */
  _getLoop(): EventLoop {
    const loop = currentLoop();
    const bound = this._loop;
    if (bound === null) this._loop = loop;
    else if (bound !== loop) throw new RuntimeError(`${this.toString()} is bound to a different event loop`);
    return loop;
  }

  /** A future for join() to wait on (the `_finished` Event's wait()). @internal */
  _joinWaiter(): Future<boolean> {
    const loop = currentLoop();
    const bound = this._joinLoop;
    if (bound === null) this._joinLoop = loop;
    else if (bound !== loop) {
      // asyncio's join() waits on the queue's `_finished` Event, and the error names that Event.
      const n = this._joinWaiters === null ? 0 : this._joinWaiters.length;
      const extra = `${this._finished ? "set" : "unset"}${n > 0 ? `, waiters:${n}` : ""}`;
      throw new RuntimeError(`<Event [${extra}]> is bound to a different event loop`);
    }
    const fut = loop.createFuture<boolean>();
    (this._joinWaiters ??= []).push(fut);
    return fut;
  }

  /** @internal */
  _joinDone(fut: Future<boolean>): void {
    const ws = this._joinWaiters!;
    const i = ws.indexOf(fut);
    if (i >= 0) ws.splice(i, 1);
  }

  /** @internal */
  get _isFinished(): boolean {
    return this._finished;
  }

  /** Event.set(): wake every join() waiting. */
  private _setFinished(): void {
    if (this._finished) return;
    this._finished = true;
    const ws = this._joinWaiters;
    if (ws === null) return;
    for (let i = 0; i < ws.length; i++) {
      const f = ws[i]!;
      if (!f.done()) f.setResult(true);
    }
  }
}

function* joinGen(q: Queue<unknown>): Generator<unknown, void, unknown> {
  if (q._unfinished > 0 && !q._isFinished) {
    const fut = q._joinWaiter();
    try {
      yield* fut;
    } finally {
      q._joinDone(fut);
    }
  }
}

// asyncio's __qualname__, as task reprs show it.
qualname(joinGen, "Queue.join");
// Coroutine functions in asyncio: isCoroutineFunction() says so.
markCoroutineFunctions(Queue.prototype.put, Queue.prototype.get, Queue.prototype.join);

/** A waiting get() gives up (an exception, usually CancelledError, was thrown into it). */
function abandonGetter(q: Queue<unknown>, w: Future<void>): void {
  w.cancel(); // in case it is still pending
  q._getters.remove(w); // it may already be gone (woken by putNowait or shutdown)
  // Woken by putNowait() but cannot take the item: wake the next getter in line.
  if (q._qsize() !== 0 && !w.cancelled()) wakeupNext(q._getters);
}

/** A waiting put() gives up. */
function abandonPutter(q: Queue<unknown>, w: Future<void>): void {
  w.cancel();
  q._putters.remove(w);
  if (!q.full() && !w.cancelled()) wakeupNext(q._putters);
}

// ---------------------------------------------------------------------------- get / put coroutines

/**
 * What then() returns when the operation completed at once: a thenable whose Promise is made only
 * if somebody chains on it (`await` never does).
 */
class Settled<R> implements PromiseLike<R> {
  private readonly _value: unknown;
  constructor(value: unknown) {
    this._value = value;
  }
  then<R1 = R, R2 = never>(
    onFulfilled?: ((value: R) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return Promise.resolve(this._value as R).then(onFulfilled, onRejected);
  }
}

/** The common outcome (`await` passes resolve functions, which return undefined): shared, so the fast path allocates nothing. */
const SETTLED_UNDEFINED = new Settled<undefined>(undefined);

/** Settle a then() registration at once with a value (ok) or an error. */
function settleNow(
  onFulfilled: ((value: any) => unknown) | null | undefined,
  onRejected: ((reason: any) => unknown) | null | undefined,
  ok: boolean,
  value: unknown,
): PromiseLike<any> {
  const cb = ok ? onFulfilled : onRejected;
  if (typeof cb !== "function") return ok ? new Settled(value) : Promise.reject(value);
  let out: unknown;
  try {
    out = cb(value);
  } catch (e) {
    return Promise.reject(e);
  }
  return out === undefined ? SETTLED_UNDEFINED : new Settled(out);
}

/** The coroutine get() returns; its own iterator (see the file comment). */
class GetCoroutine<T> extends Coroutine<T> implements Iterator<unknown, T, unknown> {
  private readonly _q: Queue<T>;
  /** The getter future this get() waits on, while it waits. */
  private _waiter: Future<void> | null = null;

  constructor(q: Queue<T>) {
    super(Queue.prototype.get, q, NO_ARGS, COROUTINE_KIND.GEN);
    this._q = q;
  }
  /** asyncio's __qualname__, as task reprs show it. */
  override get name(): string {
    return "Queue.get";
  }

  override [Symbol.iterator](): Iterator<unknown, T, unknown> {
    this._take();
    return this;
  }

  /** @internal A Task runs this coroutine through its own iterator. */
  override _start(): unknown {
    return this;
  }

  next(): IteratorResult<unknown, T> {
    const q = this._q;
    this._waiter = null;
    if (q._qsize() === 0) {
      if (q._shutdown) throw new QueueShutDown();
      const w = q._getLoop().createFuture<void>();
      q._getters.push(w);
      this._waiter = w;
      w._blocking = true; // as `yield* w`: the task resumes us with next() once w is done
      return { value: w, done: false };
    }
    return { value: q.getNowait(), done: true };
  }

  throw(err?: unknown): IteratorResult<unknown, T> {
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      abandonGetter(this._q as Queue<unknown>, w);
    }
    throw err;
  }

  return(value?: unknown): IteratorResult<unknown, T> {
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      abandonGetter(this._q as Queue<unknown>, w);
    }
    return { value: value as T, done: true };
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    this._take();
    const q = this._q;
    if (q._qsize() !== 0) {
      let item: T;
      try {
        item = q.getNowait();
      } catch (e) {
        return settleNow(onFulfilled, onRejected, false, e);
      }
      return settleNow(onFulfilled, onRejected, true, item);
    }
    if (q._shutdown) return settleNow(onFulfilled, onRejected, false, new QueueShutDown());
    return new AsyncWait<T>(q, MODE_GET, undefined, onFulfilled, onRejected) as PromiseLike<R1 | R2>;
  }
}

/** The coroutine put() returns; its own iterator. */
class PutCoroutine<T> extends Coroutine<void> implements Iterator<unknown, void, unknown> {
  private readonly _q: Queue<T>;
  private _item: T;
  private _waiter: Future<void> | null = null;

  constructor(q: Queue<T>, item: T) {
    super(Queue.prototype.put, q, NO_ARGS, COROUTINE_KIND.GEN);
    this._q = q;
    this._item = item;
  }
  override get name(): string {
    return "Queue.put";
  }

  override [Symbol.iterator](): Iterator<unknown, void, unknown> {
    this._take();
    return this;
  }

  /** @internal */
  override _start(): unknown {
    return this;
  }

  next(): IteratorResult<unknown, void> {
    const q = this._q;
    this._waiter = null;
    if (q.full()) {
      if (q._shutdown) throw new QueueShutDown();
      const w = q._getLoop().createFuture<void>();
      q._putters.push(w);
      this._waiter = w;
      w._blocking = true;
      return { value: w, done: false };
    }
    const item = this._item;
    this._item = undefined as T;
    q.putNowait(item);
    return PUT_DONE;
  }

  throw(err?: unknown): IteratorResult<unknown, void> {
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      abandonPutter(this._q as Queue<unknown>, w);
    }
    throw err;
  }

  return(): IteratorResult<unknown, void> {
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      abandonPutter(this._q as Queue<unknown>, w);
    }
    return PUT_DONE;
  }

  override then<R1 = void, R2 = never>(
    onFulfilled?: ((value: void) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    this._take();
    const q = this._q;
    if (!q.full()) {
      const item = this._item;
      this._item = undefined as T;
      try {
        q.putNowait(item);
      } catch (e) {
        return settleNow(onFulfilled, onRejected, false, e);
      }
      return settleNow(onFulfilled, onRejected, true, undefined);
    }
    if (q._shutdown) return settleNow(onFulfilled, onRejected, false, new QueueShutDown());
    const item = this._item;
    this._item = undefined as T;
    return new AsyncWait<T>(q, MODE_PUT, item, onFulfilled, onRejected) as PromiseLike<R1 | R2>;
  }
}

// ---------------------------------------------------------------------------- waiting from async functions

const MODE_GET = 0;
const MODE_PUT = 1;
/** A get() whose item comes back as an iterator result (for await: a thenable item is not adopted). */
const MODE_GET_BOXED = 2;

/**
 * A get() or put() awaited from an async function (or plain code) that has to wait: asyncio's wait
 * loop, driven by the then() callbacks of its waiter futures instead of an async function of its
 * own (no Promise per wait, and the awaiting function resumes one microtask after the wake-up).
 * It is also what then() returns: a thenable whose Promise is made only if somebody chains on it.
 *
 * Each waiter future is awaited with then() while the awaiting task's window is open, so the
 * task waits on it (cancelling the task cancels it). When a woken waiter finds the item or slot
 * taken and waits again, the new waiter is attributed to the same task explicitly.
 */
class AsyncWait<T> extends LazyThenable<unknown> {
  private readonly _q: Queue<T>;
  private readonly _mode: number;
  private _item: T | undefined;
  private readonly _onF: ((value: any) => unknown) | null | undefined;
  private readonly _onR: ((reason: any) => unknown) | null | undefined;
  /** The async-function task awaiting this operation, if any. */
  private readonly _owner: Task<unknown> | null;
  private _w: Future<void> | null = null;
  private readonly _wakeFn: () => void;
  private readonly _failFn: (e: unknown) => void;

  constructor(
    q: Queue<T>,
    mode: number,
    item: T | undefined,
    onFulfilled: ((value: any) => unknown) | null | undefined,
    onRejected: ((reason: any) => unknown) | null | undefined,
  ) {
    super();
    this._q = q;
    this._mode = mode;
    this._item = item;
    this._onF = onFulfilled;
    this._onR = onRejected;
    this._owner = rt.asyncTask;
    this._wakeFn = () => this._wake();
    this._failFn = (e) => this._fail(e);
    try {
      this._wait();
    } catch (e) {
      this._settle(false, e); // RuntimeError: bound to another loop, or the loop is closed
    }
  }

  /** Line up a new waiter future and await it. */
  private _wait(): void {
    const q = this._q;
    const w = q._getLoop().createFuture<void>();
    (this._mode === MODE_PUT ? q._putters : q._getters).push(w);
    this._w = w;
    w.then(this._wakeFn, this._failFn);
  }

  /** The waiter was woken: asyncio's loop condition, then the operation or another wait. */
  private _wake(): void {
    const q = this._q;
    const put = this._mode === MODE_PUT;
    if (put ? q.full() : q._qsize() === 0) {
      if (q._shutdown) {
        this._settle(false, new QueueShutDown());
        return;
      }
      const prev = rt.asyncTask;
      rt.asyncTask = this._owner; // the owner's await moves to the new waiter
      try {
        this._wait();
      } catch (e) {
        this._settle(false, e);
      } finally {
        rt.asyncTask = prev;
      }
      return;
    }
    let value: unknown;
    try {
      if (put) {
        const item = this._item as T;
        this._item = undefined;
        q.putNowait(item);
      } else {
        value = q.getNowait();
        if (this._mode === MODE_GET_BOXED) value = { value, done: false };
      }
    } catch (e) {
      this._settle(false, e);
      return;
    }
    this._settle(true, value);
  }

  /** The wait ended with an exception (usually CancelledError): hand the wake-up on, then raise. */
  private _fail(err: unknown): void {
    const w = this._w!;
    if (this._mode === MODE_PUT) abandonPutter(this._q as Queue<unknown>, w);
    else abandonGetter(this._q as Queue<unknown>, w);
    this._settle(false, err);
  }

  private _settle(ok: boolean, value: unknown): void {
    this._w = null;
    this._complete(ok, value, this._onF, this._onR);
  }
}

// ---------------------------------------------------------------------------- async iteration

const ITER_DONE: IteratorResult<any, undefined> = Object.freeze({ value: undefined, done: true }) as never;

/**
 * `for await (const item of q)`: each step is a get(); QueueShutDown ends the iteration. Items
 * come back boxed in iterator results, so items that are thenables are not awaited (an async
 * generator's `yield` would await them).
 */
class QueueIterator<T> implements AsyncIterableIterator<T> {
  private readonly _q: Queue<T>;
  private _ended = false;
  constructor(q: Queue<T>) {
    this._q = q;
  }
  next(): Promise<IteratorResult<T, undefined>> {
    if (this._ended) return Promise.resolve(ITER_DONE);
    const q = this._q;
    if (q._qsize() !== 0) {
      try {
        return Promise.resolve({ value: q.getNowait(), done: false });
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (q._shutdown) {
      this._ended = true;
      return Promise.resolve(ITER_DONE);
    }
    return new Promise<IteratorResult<T, undefined>>((resolve, reject) => {
      new AsyncWait<T>(q, MODE_GET_BOXED, undefined, resolve, (e: unknown) => {
        if (!(e instanceof QueueShutDown)) throw e;
        this._ended = true;
        resolve(ITER_DONE);
      }).then(undefined, reject);
    });
  }
  return(): Promise<IteratorResult<T, undefined>> {
    this._ended = true;
    return Promise.resolve(ITER_DONE);
  }
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

// ---------------------------------------------------------------------------- LifoQueue

/** A queue that returns the most recently added item first (asyncio.LifoQueue). */
export class LifoQueue<T = unknown> extends Queue<T> {
  private _stack!: T[];

  protected override _init(_maxsize: number): void {
    this._stack = [];
  }
  /** @internal */
  override _qsize(): number {
    return this._stack.length;
  }
  protected override _put(item: T): void {
    this._stack.push(item);
  }
  protected override _get(): T {
    return this._stack.pop()!;
  }
  protected override _clear(): void {
    this._stack.length = 0;
  }
  protected override _items(): T[] {
    return this._stack.slice();
  }
}

// ---------------------------------------------------------------------------- PriorityQueue

/** Python's type name for a value, for comparison errors. */
function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  switch (typeof v) {
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "string":
      return "str";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
  }
  if (Array.isArray(v)) return "tuple";
  const ctor = (v as object).constructor;
  return typeof ctor === "function" && ctor.name ? ctor.name : "object";
}

function isNumeric(v: unknown): boolean {
  const t = typeof v;
  return t === "number" || t === "bigint" || t === "boolean";
}

/** Python's `==` on the values the default order knows (identity for anything else). */
function pyEq(a: unknown, b: unknown): boolean {
  // Python compares tuple items by identity first, so one NaN object equals itself there;
  // JavaScript has a single NaN value, taken as one object.
  if (a === b || (a !== a && b !== b)) return true;
  if (isNumeric(a) && isNumeric(b)) return (a as number) == (b as number);
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
    return true;
  }
  return false;
}

/**
 * Python's `a < b` for numbers (and booleans, bigints), strings, and arrays compared as tuples:
 * element by element, the first unequal pair decides, else the shorter is smaller. Anything else
 * is a TypeError, as in Python.
 */
/**
 * Python's `<` on str: by code point. JavaScript's `<` compares UTF-16 code units, which puts a
 * character above U+FFFF (a surrogate pair, 0xD800-0xDFFF) before U+E000-U+FFFF; the two agree
 * whenever the strings differ first at a position where neither has a surrogate.
 */
function strLess(a: string, b: string): boolean {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if ((x & 0xf800) !== 0xd800 && (y & 0xf800) !== 0xd800) return x < y;
    return a.codePointAt(i)! < b.codePointAt(i)!;
  }
  return a.length < b.length;
}

export function pyLess(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  if (ta === "number") {
    if (typeof b === "number") return (a as number) < b;
  } else if (ta === "string" && typeof b === "string") {
    return strLess(a as string, b);
  }
  if (isNumeric(a) && isNumeric(b)) return (a as number) < (b as number);
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = a.length < b.length ? a.length : b.length;
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/**
 * A queue that returns the smallest item first (asyncio.PriorityQueue): a binary heap run with
 * exactly heapq's algorithm, so items of equal priority come out in the same order as in Python.
 *
 * `new PriorityQueue<T>(maxsize)` or `new PriorityQueue<T>({ maxsize, comparator })`. Entries are
 * typically `[priority, data]` arrays, compared like Python tuples. A comparison that fails
 * (incomparable items, or a comparator that throws) raises from put()/get() and leaves the queue
 * as it was (Python may leave the item inside, or lose one).
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  private _heap!: T[];
  private _less!: (a: T, b: T) => boolean;

  constructor(maxsize?: number | PriorityQueueOptions<T>) {
    super(maxsize);
    let cmp: unknown = undefined;
    if (maxsize !== null && typeof maxsize === "object") cmp = maxsize.comparator;
    if (cmp === undefined) this._less = pyLess;
    else if (typeof cmp !== "function") {
      throw new TypeError(`PriorityQueue(): comparator must be a function, got ${describeValue(cmp)}`);
    } else {
      const c = cmp as (a: T, b: T) => number;
      this._less = (a, b) => c(a, b) < 0;
    }
  }

  protected override _init(_maxsize: number): void {
    this._heap = [];
  }
  /** @internal */
  override _qsize(): number {
    return this._heap.length;
  }

  /** heappush: append, then sift the new item up past every parent it is smaller than. */
  protected override _put(item: T): void {
    const heap = this._heap;
    const less = this._less;
    // Comparisons first (they may throw), moves after: a failure leaves the heap untouched.
    let pos = heap.length;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!less(item, heap[parent]!)) break;
      pos = parent;
    }
    let hole = heap.length;
    heap.push(item);
    while (hole > pos) {
      const parent = (hole - 1) >> 1;
      heap[hole] = heap[parent]!;
      hole = parent;
    }
    heap[pos] = item;
  }

  /**
   * heappop: the last item replaces the root, the smaller child moves up level by level down to a
   * leaf, then the item sifts back up (heapq's bottom-up variant, same comparisons in the same order).
   */
  protected override _get(): T {
    const heap = this._heap;
    const n = heap.length;
    if (n <= 1) return heap.pop()!;
    const less = this._less;
    const last = heap[n - 1]!;
    const end = n - 1; // size once the last item is taken out
    // Phase 1 (comparisons only): the path of smaller children from the root to a leaf, with the
    // last item placed at the root, then how far the last item rises from that leaf.
    const limit = end >> 1;
    const path: number[] = [0];
    let pos = 0;
    while (pos < limit) {
      let child = 2 * pos + 1;
      if (child + 1 < end) {
        if (!less(heap[child]!, heap[child + 1]!)) child++;
      }
      pos = child;
      path.push(pos);
    }
    // After the moves, path[i] holds the item from path[i + 1]; the last item sits at the leaf.
    let k = path.length - 1;
    while (k > 0) {
      if (!less(last, heap[path[k]!]!)) break;
      k--;
    }
    // Phase 2: the moves.
    const top = heap[0]!;
    heap.pop();
    for (let i = 0; i < k; i++) heap[path[i]!] = heap[path[i + 1]!]!;
    heap[path[k]!] = last;
    return top;
  }
  protected override _clear(): void {
    this._heap.length = 0;
  }
  protected override _items(): T[] {
    return this._heap.slice();
  }
}
