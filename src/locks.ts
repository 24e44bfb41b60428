/**
 * Synchronization primitives: asyncio.locks (3.11) — Lock, Event, Condition, Semaphore,
 * BoundedSemaphore, Barrier — with asyncio's fairness and cancellation rules, step for step.
 *
 * HOW
 *   - Waiters are Futures of the primitive's loop kept in an intrusive FIFO list (WaiterList):
 *     the links live in the waiter itself, so queueing costs no allocation beyond the future and
 *     a waiter removes itself in O(1) wherever it stands (asyncio's deque.remove is O(n)).
 *   - Lock.acquire(), Semaphore.acquire() and Event.wait() return a WaitCoroutine: a Coroutine
 *     that is its own iterator. `yield* lock.acquire()` runs the asyncio coroutine body as a small
 *     state machine (fast path: done without yielding; else yield the waiter future once and run
 *     the post-wait code when resumed, or the cleanup when an exception is thrown in). `await
 *     lock.acquire()` takes the fast path inside then() (the await does not suspend, as in
 *     asyncio) or awaits the waiter through Future._then() with handlers that run the same
 *     post-wait code at the moment the task wakes (so the step is the one asyncio runs).
 *   - The rest (Condition.wait/waitFor, Barrier.wait/reset/abort, Barrier.with) are generator
 *     functions wrapped by genCoroutine: typed for `yield*`, and awaited from async functions
 *     through an inline task (coroutines.ts), like timeout() and taskGroup().
 *   - with(body) is `async with`: a generator (acquire; try body finally release) for `yield*`,
 *     and an internal async function of the same shape for `await` (no inline task).
 *   - Loop binding is asyncio's _LoopBoundMixin: a primitive binds to the loop that first makes
 *     it wait; waiting from another loop is a RuntimeError "... is bound to a different event loop".
 *
 * WHY
 *   The primitives are on hot paths of concurrent code (a lock around every request, a
 *   semaphore bounding fan-out), so the uncontended path allocates only the coroutine object the
 *   API must return, and the contended path one future. The exact asyncio 3.11 rules are kept:
 *     Lock:      acquire() takes the lock at once only when it is free and every queued waiter
 *                is cancelled (no barging past a woken waiter); release() wakes the first
 *                waiter only; a woken waiter that is cancelled passes the wake-up on.
 *     Semaphore: the 3.11.x logic without _wakeup_scheduled: release() hands a unit to the
 *                first waiter that is not done (value -= 1 there); a woken waiter that gets
 *                cancelled gives it back (value += 1) and wakes the next one.
 *     Condition: wait() releases the lock, waits, and re-acquires the lock even when cancelled
 *                (then raises CancelledError).
 *     Barrier:   filling / draining / resetting / broken, as asyncio.Barrier.
 */
import { BrokenBarrierError, CancelledError, RuntimeError } from "./errors.js";
import { Coroutine, genCoroutine, lazyCall, markCoroutineFunctions, qualname } from "./coroutines.js";
import { currentLoop } from "./events.js";
import { FINISHED, Future, PENDING, Reaction, type FutureThen } from "./futures.js";
import { describeValue, type EventLoop } from "./loop.js";

// ---------------------------------------------------------------------------- waiters

/** A waiter future, linked into the FIFO list of the primitive it waits on. */
class Waiter extends Future<boolean> {
  /** @internal */ _list: WaiterList | null = null;
  /** @internal */ _prev: Waiter | null = null;
  /** @internal */ _next: Waiter | null = null;
  /** asyncio's waiters are plain futures. @internal */
  override _kindName(): string {
    return "Future";
  }
}

/** asyncio's waiter deque: append at the tail, remove anywhere in O(1), walk from the head. */
class WaiterList {
  head: Waiter | null = null;
  tail: Waiter | null = null;
  size = 0;

  push(w: Waiter): void {
    w._list = this;
    w._prev = this.tail;
    w._next = null;
    if (this.tail === null) this.head = w;
    else this.tail._next = w;
    this.tail = w;
    this.size++;
  }

  /** Remove `w` if it is still listed here (idempotent). */
  remove(w: Waiter): void {
    if (w._list !== this) return;
    const p = w._prev;
    const n = w._next;
    if (p === null) this.head = n;
    else p._next = n;
    if (n === null) this.tail = p;
    else n._prev = p;
    w._list = w._prev = w._next = null;
    this.size--;
  }

  /** True when every listed waiter is cancelled (also when there are none). */
  allCancelled(): boolean {
    for (let w = this.head; w !== null; w = w._next) if (!w.cancelled()) return false;
    return true;
  }
}

/**
 * The loop a primitive binds to (asyncio's _LoopBoundMixin._get_loop): the running loop, bound on
 * first use; another loop afterwards is a RuntimeError.
 */
abstract class LoopBound {
  /** @internal */ _loop: EventLoop | null = null;

  /** @internal */
  _getLoop(): EventLoop {
    const loop = currentLoop();
    if (this._loop === null) this._loop = loop;
    else if (this._loop !== loop) throw new RuntimeError(`${this.toString()} is bound to a different event loop`);
    return loop;
  }
}

// ---------------------------------------------------------------------------- WaitCoroutine

const NO_ARGS: unknown[] = [];
const DONE_TRUE: IteratorResult<unknown, true> = Object.freeze({ value: true, done: true }) as never;
const ST_START = 0;
const ST_WAITING = 1;
const ST_DONE = 2;

/** A finished future whose result is true: settles the Reaction of a fast-path await. */
let doneTrue: Future<true> | null = null;
function doneTrueFuture(): Future<true> {
  if (doneTrue === null) {
    // Never scheduled on and never awaited: Reaction.settle() only reads its state and result.
    const f = new Future<true>({} as EventLoop);
    f.setResult(true);
    doneTrue = f;
  }
  return doneTrue;
}

/**
 * The coroutine of Lock.acquire(), Semaphore.acquire() and Event.wait(): its own iterator (for
 * `yield*` and Tasks) and a thenable (for `await`). Subclasses supply the four parts of the
 * asyncio body: the fast path, queueing a waiter, the code after a successful wait, and the
 * cleanup when the wait ends in an exception (cancellation).
 */
abstract class WaitCoroutine extends Coroutine<true> implements Iterator<unknown, true, unknown> {
  private _st = ST_START;
  private _w: Waiter | null = null;

  constructor(fn: Function) {
    super(fn, undefined, NO_ARGS, 0 /* generator kind: a Task steps it through _start() */);
  }

  /** Done without waiting? (and did what the fast path does) */
  protected abstract _fast(): boolean;
  /** Queue and return a waiter (binds the loop; may throw). */
  protected abstract _enqueue(): Waiter;
  /** The waiter completed with a result and the coroutine resumes. */
  protected abstract _resumed(w: Waiter): void;
  /** The wait ended with `err` thrown in (a cancellation, mostly). */
  protected abstract _abandoned(w: Waiter, err: unknown): void;

  /** @internal A Task (or yield*) iterates the coroutine itself. */
  override _start(): unknown {
    return this;
  }

  next(): IteratorResult<unknown, true> {
    const st = this._st;
    if (st === ST_START) {
      if (this._fast()) {
        this._st = ST_DONE;
        return DONE_TRUE;
      }
      const w = this._enqueue();
      this._w = w;
      this._st = ST_WAITING;
      return w.next() as IteratorResult<unknown, true>; // yields the waiter (it is pending)
    }
    if (st === ST_DONE) return DONE_TRUE;
    const w = this._w!;
    if (w._state === PENDING) return w.next() as IteratorResult<unknown, true>; // stepped before the wake-up: keep waiting
    if (w._state !== FINISHED || w._failed) return this.throw(w._makeCancelledError());
    this._st = ST_DONE;
    this._w = null;
    this._resumed(w);
    return DONE_TRUE;
  }

  throw(err?: unknown): IteratorResult<unknown, true> {
    if (this._st === ST_WAITING) {
      const w = this._w!;
      this._st = ST_DONE;
      this._w = null;
      this._abandoned(w, err);
    }
    throw err;
  }

  /** Closing a suspended wait gives up its place (and passes on a wake-up it may have got). */
  return(value?: unknown): IteratorResult<unknown, true> {
    if (this._st === ST_WAITING) {
      const w = this._w!;
      this._st = ST_DONE;
      this._w = null;
      this._abandoned(w, new CancelledError());
    }
    return { value: value as true, done: true };
  }

  override then<R1 = true, R2 = never>(
    onFulfilled?: ((value: true) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): FutureThen<R1 | R2> {
    let w: Waiter;
    try {
      this._take();
      if (this._fast()) {
        this._st = ST_DONE;
        const r = new Reaction<R1 | R2>(onFulfilled, onRejected);
        r.settle(doneTrueFuture());
        return r;
      }
      w = this._enqueue();
    } catch (e) {
      const r = new Reaction<R1 | R2>(onFulfilled, onRejected);
      r.fail(e);
      return r;
    }
    this._w = w;
    this._st = ST_WAITING;
    // The handlers run when the awaiting task wakes up (asyncio's step), before its continuation.
    return w._then(
      () => {
        this._st = ST_DONE;
        this._w = null;
        this._resumed(w);
        return (typeof onFulfilled === "function" ? onFulfilled(true) : true) as R1;
      },
      (e: unknown) => {
        this._st = ST_DONE;
        this._w = null;
        this._abandoned(w, e);
        if (typeof onRejected === "function") return onRejected(e);
        throw e;
      },
      false,
    );
  }
}

// ---------------------------------------------------------------------------- with()

/** The body of `x.with(body)`: a generator function, an async function, or a function returning an awaitable. */
export type LockBody<T> = () => Generator<unknown, T, any> | PromiseLike<T> | T;

/** Anything with acquire() and release(): Lock, Semaphore (the lock of a Condition). */
interface Acquirable {
  acquire(): Coroutine<true>;
  release(): void;
}

function* withGen<T>(prim: Acquirable, body: LockBody<T>): Generator<unknown, T, unknown> {
  yield* prim.acquire();
  try {
    return (yield* lazyCall<T>(body, NO_ARGS)) as T;
  } finally {
    prim.release();
  }
}

async function withAsync<T>(prim: Acquirable, body: LockBody<T>): Promise<T> {
  await prim.acquire();
  try {
    return await lazyCall<T>(body, NO_ARGS);
  } finally {
    prim.release();
  }
}

/** The coroutine of with(): a generator for `yield*` and Tasks, an async function for `await`. */
class WithCoroutine<T> extends Coroutine<T> {
  private readonly _prim: Acquirable;
  private readonly _body: LockBody<T>;

  constructor(prim: Acquirable, body: LockBody<T>) {
    super(withGen, undefined, [prim, body], 0);
    this._prim = prim;
    this._body = body;
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    try {
      this._take();
    } catch (e) {
      return Promise.reject(e).then(onFulfilled, onRejected);
    }
    return withAsync(this._prim, this._body).then(onFulfilled, onRejected);
  }
}

function checkBody(what: string, body: unknown): void {
  if (typeof body !== "function") {
    throw new TypeError(
      `${what}.with(): the body must be a generator function, an async function or a function returning an awaitable, got ${describeValue(body)}`,
    );
  }
}

// ---------------------------------------------------------------------------- Lock

class LockAcquire extends WaitCoroutine {
  constructor(private readonly _lock: Lock) {
    super(Lock.prototype.acquire);
  }
  /** asyncio's __qualname__, as task reprs show it. */
  override get name(): string {
    return "Lock.acquire";
  }
  protected _fast(): boolean {
    const l = this._lock;
    if (!l._locked && (l._waiters === null || l._waiters.allCancelled())) {
      l._locked = true;
      return true;
    }
    return false;
  }
  protected _enqueue(): Waiter {
    const l = this._lock;
    const q = (l._waiters ??= new WaiterList());
    const w = new Waiter(l._getLoop());
    q.push(w);
    return w;
  }
  protected _resumed(w: Waiter): void {
    const l = this._lock;
    l._waiters!.remove(w);
    l._locked = true;
  }
  protected _abandoned(w: Waiter, err: unknown): void {
    const l = this._lock;
    l._waiters!.remove(w);
    if (err instanceof CancelledError && !l._locked) l._wakeUpFirst();
  }
}

/**
 * A mutual-exclusion lock for tasks (asyncio.Lock), not owned by a task. Fair: waiters acquire it
 * in the order they started waiting.
 */
export class Lock extends LoopBound {
  /** @internal */ _locked = false;
  /** @internal */ _waiters: WaiterList | null = null;

  /** True if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /** Acquire the lock, waiting (fairly) while it is held; evaluates to true. A coroutine. */
  acquire(): Coroutine<true> {
    return new LockAcquire(this);
  }

  /** Release the lock and wake the first waiter. RuntimeError when it is not held. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
  }

  /** Run `body` while holding the lock (`async with lock:`); evaluates to its result. A coroutine. */
  with<T>(body: LockBody<T>): Coroutine<T> {
    checkBody("Lock", body);
    return new WithCoroutine<T>(this, body);
  }

  /** @internal Wake the first waiter if it is not done (a done one passes the wake-up on itself). */
  _wakeUpFirst(): void {
    const w = this._waiters === null ? null : this._waiters.head;
    if (w !== null && w._state === PENDING) w.setResult(true);
  }

  override toString(): string {
    let extra = this._locked ? "locked" : "unlocked";
    if (this._waiters !== null && this._waiters.size > 0) extra += `, waiters:${this._waiters.size}`;
    return `<Lock [${extra}]>`;
  }
}

// ---------------------------------------------------------------------------- Event

class EventWait extends WaitCoroutine {
  constructor(private readonly _ev: Event) {
    super(Event.prototype.wait);
  }
  override get name(): string {
    return "Event.wait";
  }
  protected _fast(): boolean {
    return this._ev._value;
  }
  protected _enqueue(): Waiter {
    const ev = this._ev;
    const w = new Waiter(ev._getLoop());
    ev._waiters.push(w);
    return w;
  }
  protected _resumed(w: Waiter): void {
    this._ev._waiters.remove(w);
  }
  protected _abandoned(w: Waiter): void {
    this._ev._waiters.remove(w);
  }
}

/** An event flag tasks can wait for (asyncio.Event). */
export class Event extends LoopBound {
  /** @internal */ _value = false;
  /** @internal */ _waiters = new WaiterList();

  /** True if the flag is set. */
  isSet(): boolean {
    return this._value;
  }

  /** Set the flag and wake every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (let w = this._waiters.head; w !== null; w = w._next) if (w._state === PENDING) w.setResult(true);
  }

  /** Reset the flag: wait() blocks again. */
  clear(): void {
    this._value = false;
  }

  /** Wait until the flag is set (at once if it is); evaluates to true. A coroutine. */
  wait(): Coroutine<true> {
    return new EventWait(this);
  }

  override toString(): string {
    let extra = this._value ? "set" : "unset";
    if (this._waiters.size > 0) extra += `, waiters:${this._waiters.size}`;
    return `<Event [${extra}]>`;
  }
}

// ---------------------------------------------------------------------------- Condition

function* condWait(cond: Condition): Generator<unknown, true, unknown> {
  const lock = cond._lock;
  if (!lock._locked) throw new RuntimeError("cannot wait on un-acquired lock");
  lock.release();
  try {
    const w = new Waiter(cond._getLoop());
    cond._waiters.push(w);
    try {
      yield* w;
      return true;
    } finally {
      cond._waiters.remove(w);
    }
  } finally {
    // Re-acquire the lock even if the wait was cancelled.
    let cancelled = false;
    for (;;) {
      try {
        yield* lock.acquire();
        break;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        cancelled = true;
      }
    }
    if (cancelled) throw new CancelledError();
  }
}

function* condWaitFor<T>(cond: Condition, predicate: () => T): Generator<unknown, T, unknown> {
  let result = predicate();
  while (!result) {
    yield* condWait(cond);
    result = predicate();
  }
  return result;
}

/**
 * A condition variable (asyncio.Condition): tasks wait() until notified; notify() and wait()
 * require the underlying lock to be held.
 */
export class Condition extends LoopBound {
  /** @internal */ readonly _lock: Lock;
  /** @internal */ _waiters = new WaiterList();

  /** `lock`: the Lock to use (default: a new one). */
  constructor(lock?: Lock | null) {
    super();
    if (lock === undefined || lock === null) lock = new Lock();
    else if (!(lock instanceof Lock)) {
      throw new TypeError(`Condition(): lock must be an aionode Lock, got ${describeValue(lock)}`);
    }
    this._lock = lock;
  }

  /** True if the underlying lock is held. */
  locked(): boolean {
    return this._lock._locked;
  }

  /** Acquire the underlying lock. A coroutine. */
  acquire(): Coroutine<true> {
    return new LockAcquire(this._lock);
  }

  /** Release the underlying lock. */
  release(): void {
    this._lock.release();
  }

  /** Run `body` while holding the underlying lock (`async with cond:`). A coroutine. */
  with<T>(body: LockBody<T>): Coroutine<T> {
    checkBody("Condition", body);
    return new WithCoroutine<T>(this._lock, body);
  }

  /**
   * Release the lock, wait until notified, re-acquire the lock (also when cancelled); evaluates
   * to true. RuntimeError if the lock is not held. A coroutine.
   */
  wait(): Coroutine<true> {
    return genCoroutine<true>(condWait, [this]);
  }

  /** Wait until `predicate()` is truthy (checked first, then after each wake-up); evaluates to its value. A coroutine. */
  waitFor<T>(predicate: () => T): Coroutine<T> {
    if (typeof predicate !== "function") {
      throw new TypeError(`Condition.waitFor(): the predicate must be a function, got ${describeValue(predicate)}`);
    }
    return genCoroutine<T>(condWaitFor, [this, predicate]);
  }

  /** Wake up to `n` waiting tasks (default 1). RuntimeError if the lock is not held. */
  notify(n = 1): void {
    if (typeof n !== "number") throw new TypeError(`Condition.notify(): n must be a number, got ${describeValue(n)}`);
    if (n !== n) throw new RangeError("Condition.notify(): n is NaN");
    if (!this._lock._locked) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (let w = this._waiters.head; w !== null; w = w._next) {
      if (idx >= n) break;
      if (w._state === PENDING) {
        idx++;
        w.setResult(false);
      }
    }
  }

  /** Wake up every waiting task. RuntimeError if the lock is not held. */
  notifyAll(): void {
    this.notify(this._waiters.size);
  }

  override toString(): string {
    let extra = this._lock._locked ? "locked" : "unlocked";
    if (this._waiters.size > 0) extra += `, waiters:${this._waiters.size}`;
    return `<Condition [${extra}]>`;
  }
}

// ---------------------------------------------------------------------------- Semaphore

class SemaphoreAcquire extends WaitCoroutine {
  constructor(private readonly _sem: Semaphore) {
    super(Semaphore.prototype.acquire);
  }
  override get name(): string {
    return "Semaphore.acquire";
  }
  protected _fast(): boolean {
    const s = this._sem;
    if (!s.locked()) {
      s._value--;
      return true;
    }
    return false;
  }
  protected _enqueue(): Waiter {
    const s = this._sem;
    const q = (s._waiters ??= new WaiterList());
    const w = new Waiter(s._getLoop());
    q.push(w);
    return w;
  }
  protected _resumed(w: Waiter): void {
    const s = this._sem;
    s._waiters!.remove(w);
    if (s._value > 0) s._wakeUpNext();
  }
  protected _abandoned(w: Waiter, err: unknown): void {
    const s = this._sem;
    s._waiters!.remove(w);
    if (err instanceof CancelledError && w._state === FINISHED) {
      // Woken (a unit was handed to it) and cancelled before it ran: give the unit back.
      s._value++;
      s._wakeUpNext();
    }
  }
}

function checkCount(what: string, v: unknown): asserts v is number {
  if (typeof v !== "number") throw new TypeError(`${what} must be a number, got ${describeValue(v)}`);
}

/**
 * A counting semaphore (asyncio.Semaphore): acquire() decrements the counter, waiting (fairly)
 * while it is zero; release() increments it.
 */
export class Semaphore extends LoopBound {
  /** @internal */ _value: number;
  /** @internal */ _waiters: WaiterList | null = null;

  /** `value`: the initial counter, an integer >= 0 (default 1). */
  constructor(value = 1) {
    super();
    checkCount("Semaphore(): value", value);
    if (!(value >= 0)) throw new RangeError("Semaphore initial value must be >= 0");
    if (!Number.isInteger(value)) throw new RangeError(`Semaphore initial value must be an integer, got ${value}`);
    this._value = value;
  }

  /** True if acquire() would wait (the counter is zero, or tasks already wait). */
  locked(): boolean {
    if (this._value === 0) return true;
    const q = this._waiters;
    return q !== null && !q.allCancelled();
  }

  /** Decrement the counter, waiting while it is zero; evaluates to true. A coroutine. */
  acquire(): Coroutine<true> {
    return new SemaphoreAcquire(this);
  }

  /** Increment the counter and wake the first waiter. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Run `body` holding one unit (`async with sem:`); evaluates to its result. A coroutine. */
  with<T>(body: LockBody<T>): Coroutine<T> {
    checkBody(this._kind(), body);
    return new WithCoroutine<T>(this, body);
  }

  /** @internal Hand one unit to the first waiter that is not done. */
  _wakeUpNext(): void {
    const q = this._waiters;
    if (q === null) return;
    for (let w = q.head; w !== null; w = w._next) {
      if (w._state === PENDING) {
        this._value--;
        w.setResult(true);
        return;
      }
    }
  }

  /** @internal */
  _kind(): string {
    return "Semaphore";
  }

  override toString(): string {
    let extra = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    if (this._waiters !== null && this._waiters.size > 0) extra += `, waiters:${this._waiters.size}`;
    return `<${this._kind()} [${extra}]>`;
  }
}

/** A Semaphore that refuses to be released above its initial value (RangeError). */
export class BoundedSemaphore extends Semaphore {
  private readonly _boundValue: number;

  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  /** Increment the counter; RangeError if that would exceed the initial value. */
  override release(): void {
    if (this._value >= this._boundValue) throw new RangeError("BoundedSemaphore released too many times");
    super.release();
  }

  /** @internal */
  override _kind(): string {
    return "BoundedSemaphore";
  }
}

// ---------------------------------------------------------------------------- Barrier

const FILLING = "filling";
const DRAINING = "draining";
const RESETTING = "resetting";
const BROKEN = "broken";
type BarrierState = typeof FILLING | typeof DRAINING | typeof RESETTING | typeof BROKEN;

function* barrierWait(b: Barrier): Generator<unknown, number, unknown> {
  const cond = b._cond;
  const lock = cond._lock;
  yield* lock.acquire(); // async with self._cond
  try {
    // _block(): wait while the barrier drains or resets.
    while (b._state === DRAINING || b._state === RESETTING) yield* condWait(cond);
    if (b._state === BROKEN) throw new BrokenBarrierError("Barrier aborted");
    try {
      const index = b._count++;
      if (index + 1 === b._parties) {
        // _release(): the last party lets everybody through.
        b._state = DRAINING;
        cond.notifyAll();
      } else {
        // _wait(): wait for the end of filling.
        while (b._state === FILLING) yield* condWait(cond);
        if (b._state === BROKEN || b._state === RESETTING) throw new BrokenBarrierError("Abort or reset of barrier");
      }
      return index;
    } finally {
      b._count--;
      b._exit();
    }
  } finally {
    lock.release();
  }
}

function* barrierReset(b: Barrier): Generator<unknown, void, unknown> {
  const lock = b._cond._lock;
  yield* lock.acquire();
  try {
    if (b._count > 0) {
      if (b._state !== RESETTING) b._state = RESETTING;
    } else {
      b._state = FILLING;
    }
    b._cond.notifyAll();
  } finally {
    lock.release();
  }
}

function* barrierAbort(b: Barrier): Generator<unknown, void, unknown> {
  const lock = b._cond._lock;
  yield* lock.acquire();
  try {
    b._state = BROKEN;
    b._cond.notifyAll();
  } finally {
    lock.release();
  }
}

function* barrierWith<T>(b: Barrier, body: (index: number) => Generator<unknown, T, any> | PromiseLike<T> | T): Generator<unknown, T, unknown> {
  const index = yield* barrierWait(b);
  return (yield* lazyCall<T>(body, [index])) as T;
}

/**
 * A barrier for a fixed number of tasks (asyncio.Barrier): wait() blocks until `parties` tasks
 * wait, then lets them all through. States: filling, draining, resetting, broken. It binds to a
 * loop through its Condition (the first wait() that blocks).
 */
export class Barrier {
  /** @internal */ readonly _cond = new Condition();
  /** @internal */ readonly _parties: number;
  /** @internal */ _state: BarrierState = FILLING;
  /** @internal */ _count = 0;

  /** `parties`: how many tasks must wait() to trip the barrier, an integer >= 1. */
  constructor(parties: number) {
    checkCount("Barrier(): parties", parties);
    if (!(parties >= 1)) throw new RangeError("parties must be > 0");
    if (!Number.isInteger(parties)) throw new RangeError(`parties must be an integer, got ${parties}`);
    this._parties = parties;
  }

  /**
   * Wait until `parties` tasks wait, then all pass; evaluates to this task's index (0 ..
   * parties-1). BrokenBarrierError if the barrier is broken or reset while waiting. A coroutine.
   */
  wait(): Coroutine<number> {
    return genCoroutine<number>(barrierWait, [this]);
  }

  /** `async with barrier as i:`: wait(), then run `body(i)`; evaluates to its result. A coroutine. */
  with<T>(body: (index: number) => Generator<unknown, T, any> | PromiseLike<T> | T): Coroutine<T> {
    checkBody("Barrier", body);
    return genCoroutine<T>(barrierWith, [this, body]);
  }

  /** Back to the initial (filling) state; tasks waiting get BrokenBarrierError. A coroutine. */
  reset(): Coroutine<void> {
    return genCoroutine<void>(barrierReset, [this]);
  }

  /** Break the barrier: waiting and future wait() calls get BrokenBarrierError. A coroutine. */
  abort(): Coroutine<void> {
    return genCoroutine<void>(barrierAbort, [this]);
  }

  /** How many tasks must wait() to trip the barrier. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks wait at the barrier while it fills. */
  get nWaiting(): number {
    return this._state === FILLING ? this._count : 0;
  }

  /** True if the barrier is broken. */
  get broken(): boolean {
    return this._state === BROKEN;
  }

  /** @internal The last task out ends draining or resetting and wakes the tasks blocked on it. */
  _exit(): void {
    if (this._count === 0) {
      if (this._state === RESETTING || this._state === DRAINING) this._state = FILLING;
      this._cond.notifyAll();
    }
  }

  toString(): string {
    let extra: string = this._state;
    if (this._state !== BROKEN) extra += `, waiters:${this.nWaiting}/${this._parties}`;
    return `<Barrier [${extra}]>`;
  }
}

// asyncio's __qualname__s, as task reprs show them.
qualname(condWait, "Condition.wait");
qualname(condWaitFor, "Condition.wait_for");
qualname(barrierWait, "Barrier.wait");
qualname(barrierReset, "Barrier.reset");
qualname(barrierAbort, "Barrier.abort");
// Coroutine functions in asyncio (Condition.acquire is its lock's): isCoroutineFunction() says so.
markCoroutineFunctions(
  Lock.prototype.acquire,
  Event.prototype.wait,
  Condition.prototype.acquire,
  Condition.prototype.wait,
  Condition.prototype.waitFor,
  Semaphore.prototype.acquire,
  Barrier.prototype.wait,
  Barrier.prototype.reset,
  Barrier.prototype.abort,
);
