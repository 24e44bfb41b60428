/**
 * EventLoop: asyncio's BaseEventLoop on top of Node's event loop.
 *
 * HOW
 *
 *   callSoon ──► ready ring ─────────────────────────┐
 *   callLater ─► timer core (wheel, integer µs ticks) │  one iteration (_startIteration):
 *                    │ advance(now) ─► due handles ──►┘    1. move due timers to the ready ring
 *                                                          2. run exactly the handles that
 *                                                             were ready when it began (asyncio)
 *
 *   A "batch" runs iterations back to back until nothing is ready, the loop stops, or the
 *   yield interval (default 2 ms) has passed (once per batch, when a callback overran it by more
 *   than another interval and timers are due by now, one more interval, so they fire first);
 *   then it hands control back to Node:
 *     - work still ready      → setImmediate (Node's I/O and timers get their turn)
 *     - only timers pending   → setTimeout to the next deadline (woken early? just re-arm)
 *     - nothing at all        → idle; callSoon/callLater from outside wake it (setImmediate)
 *
 * WHY
 *   Node cannot block, so run methods return Promises and the loop is a guest of Node's loop.
 *   Running many iterations per Node turn is what makes callSoon cost nanoseconds instead of a
 *   setImmediate hop (~2 µs) each.
 *
 * Async functions resume through V8's microtask queue. When a callback wakes a task that runs an
 * async function, the batch suspends and resumes from a microtask right after the function has
 * reached its next aionode await (or settled), so its step runs where asyncio would run it:
 * before the next ready callback. See tasks.ts.
 *
 * Context: each handle carries the AsyncResource of the context it was scheduled in; the batch
 * runs consecutive handles of the same context inside one runInAsyncScope call.
 *
 * Due timers (asyncio's order, not in debug mode) join the ready queue as one entry per advance
 * of the timer core (a DueTimers batch of up to 1024 handles, in firing order) instead of one
 * entry each: they are consecutive in the queue anyway, so running them from one entry is the
 * same order, and moving a timer to the ready queue then costs a pointer copy instead of a queue
 * entry and a write to the handle. A handle in a batch keeps its (now stale) timer id until it
 * runs: cancel() finds its slot no longer holds it and only marks it cancelled; the batch skips
 * it. Each handle still runs in its own context, a callback that throws is reported alone, and
 * the timers count towards the clock checks as entries would, so a burst of due timers still
 * yields to Node every interval (in the middle of a batch if need be).
 *
 * Invariants (asyncio's):
 *   1. callSoon is FIFO; an iteration runs only what was ready when it started.
 *   2. Cancelled handles never run.
 *   3. No timer fires before its deadline; equal deadlines fire in scheduling order.
 */
import { AsyncResource } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { activeBackend, type TimerCore, type WakeDriver } from "./backend/index.js";
import { RuntimeError } from "./errors.js";
import { ARG_MODE, ArgList, ArgsHandle, Handle, NO_ARGS, TimerHandle, argsOf, cancelledReprs, type TimerEntry } from "./handles.js";
import { INSPECT, callRepr, nameCallback, pyRepr, pyStrRepr } from "./internal/repr.js";
import { ReadyQueue } from "./internal/ready.js";
import { rt } from "./internal/state.js";
import type { Future, Reaction } from "./futures.js";
import type { Task } from "./tasks.js";
import type { Coroutine } from "./coroutines.js";
import type { AwaitedOf } from "./compose.js";

const WAKE_IDLE = 0;
const WAKE_SOON = 1; // a batch is running, suspended, or queued to run
const WAKE_TIMER = 2; // idle until the driver wakes it at the next deadline

/**
 * Queue a microtask. Node's queueMicrotask() wraps every callback in an AsyncResource and a bound
 * function; a then() on an already resolved promise costs about half as much (bench/probes.mjs,
 * probe `microtask`) and runs in the same FIFO microtask queue.
 */
const RESOLVED = Promise.resolve();
function microtask(fn: () => void): void {
  RESOLVED.then(fn);
}

/**
 * Ticks are integer microseconds of the loop clock, counted from TICK_ORIGIN µs before the clock's
 * zero (the process start): deadlines before the process started (callAt(loop.time() - 5) early
 * on, callLater(-5)) keep their order down to about 52 days in the past, below which they clamp.
 */
const TICK_ORIGIN = 2 ** 42;
const MAX_TICK = 2 ** 52;
/** The tick of a loop-clock reading in milliseconds (performance.now()), rounded down. */
function tickOf(ms: number): number {
  return Math.floor(ms * 1000) + TICK_ORIGIN;
}
/** How many microtask hops the loop waits for a woken async function to reach its next await. */
const MAX_ASYNC_HOPS = 32;
/** How many handles run between two reads of the clock (for the yield interval and timers). */
const CLOCK_EVERY = 1024;

export type ExceptionContext = {
  message: string;
  exception?: unknown;
  future?: Future<unknown>;
  task?: Future<unknown>;
  handle?: Handle;
  [key: string]: unknown;
};
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

export interface EventLoopOptions {
  /** Seconds of work after which a busy loop yields to Node's event loop (default 0.002). */
  yieldInterval?: number;
  /** Start in debug mode. */
  debug?: boolean;
  /**
   * Seconds before a timer's deadline during which the loop polls Node's loop (setImmediate)
   * instead of sleeping in setTimeout, so timers wake within microseconds instead of Node's
   * millisecond granularity, at the cost of CPU while it polls (default 0: off).
   */
  spinWindow?: number;
  /**
   * Run due timers ahead of callbacks already in the ready queue (uvloop's and libuv's order),
   * checking the clock before every callback while timers are pending, so a timer waits at most
   * for the callback that is running when it comes due. Default false: asyncio's order, where due
   * timers join the end of the ready queue at the start of the next iteration.
   */
  timersFirst?: boolean;
}

export class EventLoop {
  /** @internal */ _ready: ReadyQueue = new ReadyQueue();
  /** Sequence number of the last queue entry whose Handle was cancelled after it left the queue
   * (while it ran, when it threw: its error report then reads as asyncio's, `None()`). @internal */
  _cancelledSeq = -1;
  /** Debug mode: where each queued callback was scheduled, by sequence number. */
  /**
   * Debug mode: where each pending callback was scheduled (asyncio's source_traceback), keyed by
   * its ready-queue sequence number, or by the TimerHandle for a timer. Entries are made only in
   * debug mode, but outlive it: asyncio's handle keeps its traceback when debug mode is switched
   * off, so a callback scheduled before still reports it if it fails (see _pruneSources). @internal
   */
  _sources: Map<number | TimerEntry, string> | null = null;
  /** @internal */ _timers: TimerCore;
  /** @internal */ _timerHandles: (TimerEntry | undefined)[] = [];
  private _fired = new Int32Array(DUE_BATCH);
  /** Drained DueTimers batches kept for reuse. */
  private _duePool: DueTimers[] = [];
  /** A batch whose run was suspended for an async window (see _runDue), with the index to resume at. */
  private _dueResume: DueTimers | null = null;
  private _dueResumeAt = 0;
  /** A DueTimers batch stopped because the yield interval passed: yield to Node (see _batch). */
  private _dueYield = false;
  /** Due timers run since the last clock check they triggered (see _runDue). */
  private _dueRan = 0;
  /** timersFirst: the handles of the advance being run (see _runDueNow). */
  private _firing: (TimerEntry | undefined)[] = new Array(DUE_BATCH).fill(undefined);
  /** Handles left to run in the current iteration. */
  private _iterLeft = 0;
  private _inIteration = false;
  private _stopping = false;
  private _running = false;
  /** @internal */ _closed = false;
  /** @internal */ _ambient = false;
  private _wakeState = WAKE_IDLE;
  /** The backend's wake-up driver (created on first use, closed with the loop). */
  private _driver: WakeDriver | null = null;
  /** The tick the driver is armed for, or -1. It may stay armed while a batch runs. */
  private _driverTick = -1;
  private _armedTick = 0;
  /**
   * The tick of a timer whose deadline had passed when it was scheduled but lies within the
   * current microsecond (see _scheduleTimer); the next _fireDue waits for it. 0 when none.
   */
  private _edgeTick = 0;
  private _budgetEnd = 0;
  /** The batch may still take one extra slice for overdue timers (see _runIterations). */
  private _graceOk = false;
  private _sinceClock = 0;
  private _itersSinceClock = 0;
  /** @internal */ _suspended = false;
  private _hops = 0;
  /** The context whose runInAsyncScope frame the batch is in, or null outside any. @internal */
  _curCtx: AsyncResource | null = null;
  /**
   * The context runForever()/runUntilComplete() was called in: a failing callback is reported to
   * the exception handler there, as asyncio calls it outside the callback's context.
   */
  private _runCtx: AsyncResource | null = null;
  /** @internal */ _debug = false;
  /** Debug mode: the entry whose async-function step is running in microtasks, timed when it ends. */
  private _slowStep: { fn: Function; mode: number; arg: unknown; seq: number; t0: number; source: string | undefined } | null = null;
  /**
   * Debug mode: where the running entry was scheduled (asyncio's _current_handle's
   * _source_traceback), which the default handler logs as handleTraceback for a context that
   * carries no sourceTraceback of its own.
   */
  private _handleSource: string | undefined = undefined;
  /** Neither closed nor in debug mode: callSoon's fast path applies. */
  private _plain = true;
  /** In debug mode, callbacks that run longer than this (seconds) are reported. */
  slowCallbackDuration = 0.1;
  private _yieldMs: number;
  private _spinMs: number;
  private _timersFirst: boolean;
  private _exceptionHandler: ExceptionHandler | null = null;
  private _runResolve: (() => void) | null = null;
  private _runReject: ((e: unknown) => void) | null = null;
  /** Futures of this loop that failed and whose exception nobody has retrieved yet. @internal */
  _unretrieved: Set<WeakRef<Future<unknown>>> = new Set();
  /**
   * Awaits of plain code (no task: a Node callback's `await aio.sleep(1)`) on futures of this
   * loop, until settled: run() cancels their futures at shutdown, and close() fails what is left,
   * so no such await is left hanging. @internal
   */
  _plainAwaits: Set<Reaction> = new Set();
  /** The finished future every plain `await sleep(0)` awaits (compose.ts), made on first use. @internal */
  _sleep0: Future<unknown> | null = null;

  private readonly _batchBound: () => void;
  private readonly _lazyDisarmBound: () => void;
  private readonly _driverWakeBound: () => void;
  private _disarmQueued = false;
  private readonly _resumeBound: () => void;

  private readonly _runGroupBound: () => void;

  constructor(options: EventLoopOptions = {}) {
    this._timers = activeBackend.createTimerCore();
    const yieldInterval = options.yieldInterval ?? 0.002;
    if (typeof yieldInterval !== "number" || !(yieldInterval > 0)) {
      throw new RangeError(`yieldInterval must be a positive number of seconds, got ${String(yieldInterval)}`);
    }
    this._yieldMs = yieldInterval * 1000;
    const spinWindow = options.spinWindow ?? 0;
    if (typeof spinWindow !== "number" || !(spinWindow >= 0) || spinWindow === Infinity) {
      throw new RangeError(`spinWindow must be a finite number of seconds >= 0, got ${String(spinWindow)}`);
    }
    this._spinMs = spinWindow * 1000;
    const timersFirst = options.timersFirst ?? false;
    if (typeof timersFirst !== "boolean") {
      throw new TypeError(`timersFirst must be a boolean, got ${describeValue(timersFirst)}`);
    }
    this._timersFirst = timersFirst;
    this._debug = options.debug === true;
    this._plain = !this._debug;
    if (this._debug) this._sources = new Map();
    this._batchBound = () => this._batch(true);
    this._lazyDisarmBound = () => this._lazyDisarm();
    this._driverWakeBound = () => this._driverWake();
    this._resumeBound = () => this._resume();

    this._runGroupBound = () => this._runGroup();
  }

  // ------------------------------------------------------------------ clock

  /** Monotonic time in seconds (the clock every deadline is measured on). */
  time(): number {
    return performance.now() / 1000;
  }

  // ------------------------------------------------------------------ scheduling

  /** Schedule `callback(...args)` to run on the next iteration. FIFO. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle;
  callSoon(callback: Function): Handle {
    // Fast path, small enough to inline into the caller (V8 can then drop an unused Handle):
    // one argument-less function, scheduled from inside a running callback, no debug, no task tracking.
    const ctx = this._curCtx;
    if (ctx !== null && arguments.length === 1 && typeof callback === "function" && this._plain && rt.tracking === null) {
      const seq = this._ready.push(callback, ARG_MODE.NO_ARG, undefined, ctx);
      if (this._wakeState !== WAKE_SOON) this._wakeAfterPush();
      return new Handle(callback, this, seq);
    }
    return this._callSoonSlow.apply(this, arguments as unknown as [Function]);
  }

  private _callSoonSlow(callback: Function): Handle {
    // A closed loop is reported first, whatever the callback, as asyncio's call_soon checks.
    if (this._closed) throw new RuntimeError("Event loop is closed");
    if (this._debug) checkNotCoroutine(callback, "callSoon");
    if (typeof callback !== "function") {
      throw new TypeError(`callSoon(): a function was expected as the callback, got ${describeValue(callback)}`);
    }
    const n = arguments.length;
    const ctx = this._ctxForCallback();
    let seq: number;
    let args: unknown[] | null = null;
    if (n === 1) seq = this._ready.push(callback, ARG_MODE.NO_ARG, undefined, ctx);
    else if (n === 2) seq = this._ready.push(callback, ARG_MODE.ONE_ARG, arguments[1], ctx);
    else seq = this._ready.push(callback, ARG_MODE.MANY_ARGS, (args = restArgs(arguments, 1)), ctx);
    if (this._debug) this._sources!.set(seq, captureSource());
    if (this._wakeState !== WAKE_SOON) this._wakeAfterPush();
    if (n === 1) return new Handle(callback, this, seq);
    // A handle that shows its arguments in its repr, as asyncio's (arguments are the slow path).
    return new ArgsHandle(callback, this, seq, args ?? [arguments[1]]);
  }

  private _wakeAfterPush(): void {
    if (this._running || this._ambient) this._wakeSoon();
  }

  /** callSoon with one argument and an explicit context, returning no Handle: the hot path for done callbacks and task steps. @internal */
  _callSoon1(callback: Function, arg: unknown, ctx: AsyncResource): void {
    const seq = this._ready.push(callback, ARG_MODE.ONE_ARG, arg, ctx);
    if (this._debug) this._sources!.set(seq, captureSource());
    if (this._wakeState !== WAKE_SOON) this._wakeAfterPush();
  }

  /** Thread-safe variant of callSoon. Cross-thread posting from workers arrives with the threads issue; on this thread it is callSoon. */
  callSoonThreadsafe<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    // callSoon's checks, here so that the errors name this method, as asyncio's do.
    if (this._closed) throw new RuntimeError("Event loop is closed");
    if (this._debug) checkNotCoroutine(callback, "callSoonThreadsafe");
    if (typeof callback !== "function") {
      throw new TypeError(`callSoonThreadsafe(): a function was expected as the callback, got ${describeValue(callback)}`);
    }
    return this.callSoon(callback, ...args);
  }

  /** Schedule `callback(...args)` after `delay` seconds (negative counts as 0; NaN is an error). */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callLater(delay: number, callback: Function): TimerHandle {
    this._checkTimerCall("callLater", "the delay", delay, callback);
    const nowMs = performance.now();
    const n = arguments.length;
    const arg = n === 2 ? NO_ARGS : n === 3 ? arguments[2] : new ArgList(restArgs(arguments, 2));
    return this._timer(nowMs / 1000 + delay, callback, arg, nowMs);
  }

  /** Schedule `callback(...args)` at absolute loop time `when` (seconds, on loop.time()'s clock). */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callAt(when: number, callback: Function): TimerHandle {
    this._checkTimerCall("callAt", "the time", when, callback);
    const n = arguments.length;
    const arg = n === 2 ? NO_ARGS : n === 3 ? arguments[2] : new ArgList(restArgs(arguments, 2));
    return this._timer(when, callback, arg, performance.now());
  }

  /** Validation shared by callLater and callAt: a clear error at the call, the loop untouched. */
  private _checkTimerCall(method: string, what: string, seconds: unknown, callback: unknown): void {
    if (typeof seconds !== "number") {
      throw new TypeError(`${method}(): ${what} must be a number of seconds, got ${describeValue(seconds)}`);
    }
    // Then a closed loop, before the callback and the value of the time are looked at (asyncio's
    // call_at checks it first, and has no NaN check).
    if (this._closed) throw new RuntimeError("Event loop is closed");
    if (seconds !== seconds) throw new RangeError(`${method}(): ${what} is NaN`);
    // (asyncio's call_later delegates to call_at, whose check names call_at)
    if (this._debug) checkNotCoroutine(callback, "callAt");
    if (typeof callback !== "function") {
      throw new TypeError(`${method}(): a function was expected as the callback, got ${describeValue(callback)}`);
    }
  }

  /** Schedule a timer (`arg`: its arguments, packed: see NO_ARGS); `nowMs` is the clock reading (performance.now()) the caller based `when` on. @internal */
  _timer(when: number, callback: Function, arg: unknown, nowMs: number): TimerHandle {
    const h = new TimerHandle(when, callback, arg, this, this._ctxForCallback());
    if (this._debug) this._sources!.set(h, captureSource());
    this._scheduleTimer(h, when, nowMs);
    return h;
  }

  /** Put a timer entry (its _ctx already set) into the timer core for `when`. @internal */
  _scheduleTimer(h: TimerEntry, when: number, nowMs: number): void {
    const nowUs = nowMs * 1000;
    // The deadline is rounded up to the next microsecond tick, so nothing fires early, and equal
    // deadlines share a tick (they fire in scheduling order). A deadline that has already passed
    // is due at the next iteration (asyncio: when < now + clock resolution); when it passed within
    // the current microsecond, its tick is still ahead, and the next iteration first waits for
    // that tick (less than a microsecond: _fireDue). (The 1 ns tolerance absorbs the float error
    // of seconds <-> microseconds conversions.)
    const whenUs = when * 1e6 - 0.001;
    let tick = Math.ceil(whenUs) + TICK_ORIGIN;
    if (whenUs <= nowUs && tick > this._edgeTick && tick > nowUs + TICK_ORIGIN) this._edgeTick = tick;
    if (!(tick > 0)) tick = 0;
    else if (tick > MAX_TICK) tick = MAX_TICK;
    // Into an empty core: bring its time up to now first (it stood still while it was empty), so
    // a burst is filed near the present rather than in one far slot to cascade all at once.
    if (this._timers.size === 0) {
      this._timers.syncTime(tickOf(nowMs));
      // The batch that due timers will be collected into is made now, not when they come due
      // (a fresh one cost about 0.1 ms the first time, right when a burst's overdue timers wait).
      if (this._duePool.length === 0) this._duePool.push(new DueTimers(this));
    }
    const id = this._timers.schedule(tick);
    h._id = id;
    this._timerHandles[id] = h;
    const state = this._wakeState;
    if (state === WAKE_TIMER) {
      if (tick < this._armedTick) this._arm(tick);
    } else if (state === WAKE_IDLE && (this._running || this._ambient)) {
      this._arm(tick);
    }
  }

  /**
   * Cancel a timer entry (TimerHandle.cancel, a sleep's future): mark it, release its arguments
   * and context, and free its slot in the timer core now, or drop its ready-queue entry (debug
   * mode). An entry already in a DueTimers batch is only marked: the batch skips it. @internal
   */
  _cancelTimer(h: TimerEntry): void {
    h._cancelled = true;
    if (this._sources !== null) this._sources.delete(h);
    // (asyncio keeps a cancelled handle's repr when debug mode is on at the cancel() call)
    if (this._debug && h instanceof TimerHandle) cancelledReprs.set(h, h._debugRepr());
    h._arg = undefined;
    h._ctx = null;
    const id = h._id;
    if (id < 0) {
      if (h._seq >= 0) this._ready.cancel(h._seq);
      return;
    }
    h._id = -1;
    // Already taken out of the timer core (due, in a DueTimers batch; or the loop was closed):
    // its id may belong to another timer by now. The batch skips it.
    if (this._timerHandles[id] !== h) return;
    this._timers.cancel(id);
    this._timerHandles[id] = undefined;
    if (this._timers.size === 0 && this._driverTick >= 0 && !this._disarmQueued) {
      // Nothing left to wait for: do not keep the process alive for a cancelled timer. Disarmed
      // from a microtask, so plain code that schedules and cancels timers in a row (outside the
      // loop) pays one disarm at the end instead of a system call per cancel.
      this._disarmQueued = true;
      microtask(this._lazyDisarmBound);
    }
  }

  private _lazyDisarm(): void {
    this._disarmQueued = false;
    if (this._timers.size === 0) {
      this._disarmDriver();
      if (this._wakeState === WAKE_TIMER) this._wakeState = WAKE_IDLE;
    }
  }

  /**
   * The context to give a handle scheduled now: the running callback's (shared, see the README),
   * else the current one. With trackAsyncTasks(true), a copy of the current one without the
   * tracked task: a callback belongs to no task, nor does an async function it starts.
   * @internal
   */
  _ctxForCallback(): AsyncResource {
    const tracking = rt.tracking;
    if (tracking !== null) return tracking.run(undefined as never, newCallbackResource);
    return this._curCtx ?? new AsyncResource("aionode.Callback");
  }

  // ------------------------------------------------------------------ futures and tasks

  /** A new Future of this loop (also of a closed one, as asyncio's: completing it raises then). */
  createFuture<T = unknown>(): Future<T> {
    return new hooks.Future!<T>(this);
  }

  /** Wrap a coroutine in a Task scheduled on this loop. */
  createTask<A extends Coroutine<unknown> | Generator<unknown, unknown, any> | PromiseLike<unknown>>(
    coro: A,
    options?: { name?: string },
  ): Task<AwaitedOf<A>>;
  createTask<T>(coro: Coroutine<T> | Generator<unknown, T, any> | PromiseLike<T>, options?: { name?: string }): Task<T>;
  createTask(coro: unknown, options?: { name?: string }): Task<unknown> {
    if (this._closed) throw new RuntimeError("Event loop is closed");
    return hooks.createTask!(coro, this, options) as Task<unknown>;
  }

  // ------------------------------------------------------------------ running

  /**
   * Whether the loop runs: inside runForever()/runUntilComplete()/run(), and for the default loop
   * in ambient mode, inside its own callbacks and task steps (where asyncio's is_running() is
   * always true); plain code beside an ambient loop sees false.
   */
  isRunning(): boolean {
    return this._running || (this._ambient && this._inStep());
  }

  isClosed(): boolean {
    return this._closed;
  }

  private _checkRunnable(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
    if (this._running) throw new RuntimeError("This event loop is already running");
    const ambient = rt.ambientLoop;
    if (ambient === this && this._inStep()) throw new RuntimeError("This event loop is already running");
    if (rt.runningLoop !== null || (ambient !== null && ambient._inStep())) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  /**
   * Whether the code running now is one of this loop's callbacks or task steps (an ambient loop
   * runs then, as far as getRunningLoop() and re-entrant runs are concerned). @internal
   */
  _inStep(): boolean {
    const t = rt.asyncTask;
    return this._curCtx !== null || (t !== null && t._loop === this);
  }

  /** Run until stop() is called. Resolves when the loop has stopped. */
  runForever(): Promise<void> {
    this._checkRunnable();
    return this._startRun();
  }

  private _startRun(): Promise<void> {
    this._running = true;
    this._runCtx = new AsyncResource("aionode.Run");
    rt.runningLoop = this;
    if (this._ambient) this._leaveAmbient();
    const p = new Promise<void>((resolve, reject) => {
      this._runResolve = resolve;
      this._runReject = reject;
    });
    // Start from a clean slate: any armed wake-up is replaced by an immediate batch.
    if (this._wakeState === WAKE_TIMER) this._disarm();
    if (this._wakeState === WAKE_IDLE) {
      // Start at once (asyncio's run_forever starts synchronously; we start right after the
      // caller's synchronous code).
      this._wakeState = WAKE_SOON;
      microtask(this._batchBound);
    }
    return p;
  }

  /** Run until `awaitable` is done; resolves to its result (or rejects with its exception). */
  runUntilComplete<A extends Future<unknown> | Coroutine<unknown> | PromiseLike<unknown> | Generator<unknown, unknown, any>>(
    awaitable: A,
  ): Promise<AwaitedOf<A>>;
  runUntilComplete<T>(awaitable: unknown): Promise<T>;
  runUntilComplete<T>(awaitable: unknown): Promise<T> {
    this._checkRunnable();
    const fut = hooks.ensureFuture!(awaitable, this) as Future<T>;
    const stop = runUntilCompleteCb;
    fut.addDoneCallback(stop);
    return this._startRun().then(() => {
      fut.removeDoneCallback(stop);
      if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
      return fut.result();
    });
  }

  /** Stop running after the current iteration. */
  stop(): void {
    this._stopping = true;
    // Called from outside the loop (a Node timer, an I/O callback) while it waits: wake it so the
    // run ends now, as it would after the current iteration.
    if (this._running && this._wakeState !== WAKE_SOON) this._wakeSoon();
  }

  /** Close the loop: pending callbacks and timers are dropped. The loop must not be running. */
  close(): void {
    // In ambient mode the loop runs too, as far as its own callbacks and task steps are concerned
    // (as for a re-entrant run: _checkRunnable).
    if (this._running || (this._ambient && this._inStep())) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    if (this._ambient) this._leaveAmbient();
    this._closed = true;
    this._plain = false;
    this._disarm();
    this._driver?.close();
    this._driver = null;
    this._ready.clear();
    this._dueResume = null;
    this._dueYield = false;
    this._sources?.clear();
    this._iterLeft = 0;
    this._inIteration = false;
    this._timers.clear();
    // Indexed, not for-of: close() runs once, unoptimized, where for-of allocates an iterator
    // result per slot (40 bytes each: 40 MB for a loop that once held a million timers).
    const handles = this._timerHandles;
    for (let i = 0; i < handles.length; i++) {
      const h = handles[i];
      if (h !== undefined) h._id = -1;
    }
    this._timerHandles = [];
    // "exception was never retrieved" at the latest when the loop closes.
    for (const ref of this._unretrieved) {
      const fut = ref.deref();
      if (fut !== undefined) fut._reportUnretrieved();
    }
    this._unretrieved.clear();
    // Its pending tasks can never run again: the registry lets go of them.
    hooks.forgetTasks?.(this);
    // Nor can its pending futures complete: plain code awaiting one gets an error, not silence.
    if (this._plainAwaits.size > 0) {
      const waits = [...this._plainAwaits];
      this._plainAwaits.clear();
      // From a microtask: a then() callback never runs inside the caller's close().
      microtask(() => {
        for (const r of waits) r.fail(new RuntimeError("Event loop is closed"));
      });
    }
  }

  // ------------------------------------------------------------------ ambient mode

  /**
   * Ambient mode (the default loop only): used from plain Node code with no loop running, the
   * loop processes its callbacks beside Node's loop while it has work, and parks when idle.
   * @internal
   */
  _enterAmbient(): void {
    if (this._ambient || this._running || this._closed) return;
    this._ambient = true;
    rt.ambientLoop = this;
    if (this._ready.length > 0 || this._inIteration) this._wakeSoon();
    else if (this._timers.size > 0) this._arm(this._timers.nextDeadline());
  }

  /** Another loop's run ended: go on with the work that waited for it (see _batch). @internal */
  _resumeAmbient(): void {
    if (!this._ambient || this._closed || this._wakeState !== WAKE_IDLE) return;
    if (this._ready.length > 0 || this._inIteration) this._wakeSoon();
    else if (this._timers.size > 0) this._arm(this._timers.nextDeadline());
  }

  private _leaveAmbient(): void {
    this._ambient = false;
    if (rt.ambientLoop === this) rt.ambientLoop = null;
  }

  // ------------------------------------------------------------------ the driver

  private _wakeSoon(): void {
    // The driver stays armed: the batch usually goes idle again with the same next deadline, and
    // re-arming would cost a system call per wake-up (cross-thread posts wake the loop often).
    this._wakeState = WAKE_SOON;
    // A macrotask, not a microtask: plain code's pending microtasks (for instance the `then` call
    // of an `await task` made right after createTask) run before any task step does.
    setImmediate(this._batchBound);
  }

  private _arm(tick: number): void {
    const ms = (tick - TICK_ORIGIN) / 1000 - performance.now() - this._spinMs;
    if (this._spinMs > 0 && ms <= 0) {
      // Final approach: poll through Node's loop until the deadline.
      this._disarmDriver();
      this._wakeState = WAKE_SOON;
      setImmediate(this._batchBound);
      return;
    }
    this._wakeState = WAKE_TIMER;
    this._armedTick = tick;
    if (this._driverTick !== tick) {
      const driver = this._driver ?? (this._driver = activeBackend.createDriver(this._driverWakeBound));
      driver.arm(ms);
      this._driverTick = tick;
    }
  }

  /** The driver fired (and is no longer armed). */
  private _driverWake(): void {
    this._driverTick = -1;
    // A batch that is running, suspended in an async window, or queued handles the timers.
    if (this._wakeState !== WAKE_SOON) this._batch(true);
  }

  private _disarmDriver(): void {
    if (this._driverTick >= 0) {
      this._driver!.disarm();
      this._driverTick = -1;
    }
  }

  private _disarm(): void {
    this._disarmDriver();
    this._wakeState = WAKE_IDLE;
  }

  /** Entry point of every wake-up (microtask, setImmediate or setTimeout). */
  private _batch(fresh: boolean): void {
    if (fresh) {
      this._budgetEnd = performance.now() + this._yieldMs;
      this._graceOk = true;
    }
    if (!(this._running || this._ambient) || this._closed) {
      this._wakeState = WAKE_IDLE;
      return;
    }
    if (!this._running && rt.runningLoop !== null) {
      // Ambient while another loop runs (run(), runUntilComplete()): one loop runs at a time, as
      // in asyncio, so this one waits; the other's run resumes it when it ends (_finishRun).
      this._wakeState = WAKE_IDLE;
      return;
    }
    this._wakeState = WAKE_SOON;
    const prevCurrent = rt.currentTask;
    try {
      this._runIterations();
      if (this._dueYield) {
        this._dueYield = false;
        this._suspended = false;
        setImmediate(this._batchBound); // still WAKE_SOON: the iteration goes on after Node's turn
      }
    } catch (err) {
      // An internal failure: never leave a run() hanging.
      this._inIteration = false;
      this._iterLeft = 0;
      this._finishRun(err);
    } finally {
      rt.currentTask = prevCurrent;
    }
  }

  private _runIterations(): void {
    for (;;) {
      if (!this._inIteration) {
        // One clock read serves the timers and the yield interval; with no timers pending the
        // clock (a syscall on some machines) is read only every few iterations.
        let nowMs = -1;
        if (this._timers.size > 0 || ++this._itersSinceClock >= 16) {
          this._itersSinceClock = 0;
          nowMs = performance.now();
          if (nowMs >= this._budgetEnd + this._yieldMs && this._graceOk && this._timers.size > 0) {
            // A callback overran the slice by more than a whole slice, and timers may be overdue
            // because of it: if they are, one more slice runs them before Node gets its turn
            // (as libuv runs due timers before it polls; the turn comes one slice later).
            const next = this._timers.nextDeadline();
            if (next >= 0 && next <= tickOf(nowMs)) {
              this._graceOk = false;
              this._budgetEnd = nowMs + this._yieldMs;
            }
          }
          if (nowMs >= this._budgetEnd) {
            // Yield to Node: its I/O, timers and immediates get a turn.
            this._wakeState = WAKE_SOON;
            setImmediate(this._batchBound);
            return;
          }
        }
        if (!this._stopping && this._ready.length === 0) {
          const next = this._timers.nextDeadline();
          if (next < 0) {
            // Idle (an ambient loop is parked): the next callSoon/callLater wakes it.
            this._wakeState = WAKE_IDLE;
            return;
          }
          if (nowMs < 0) nowMs = performance.now();
          if (next > tickOf(nowMs) && next > this._edgeTick) {
            this._arm(next);
            return;
          }
        }
        this._startIteration(nowMs);
      }
      if (this._dueResume !== null) {
        const b = this._dueResume;
        this._dueResume = null;
        this._runDue(b, this._dueResumeAt);
        if (this._suspended) return;
      }
      if (this._iterLeft > 0) this._runHandles();
      if (this._suspended) return; // resumed from a microtask (see _resume)
      if (this._iterLeft === 0) {
        this._inIteration = false;
        if (this._stopping) {
          this._stopping = false;
          this._finishRun(undefined);
          return;
        }
      } else {
        // _runHandles stops mid-iteration only when the yield interval has passed.
        this._wakeState = WAKE_SOON;
        setImmediate(this._batchBound);
        return;
      }
    }
  }

  private _startIteration(nowMs: number): void {
    this._inIteration = true;
    if (this._timers.size > 0) this._fireDue(nowMs, this._timersFirst);
    this._iterLeft = this._ready.length;
  }

  /** timersFirst: is the earliest pending timer due now? (One clock read.) */
  private _timerDue(): boolean {
    const next = this._timers.nextDeadline();
    return next >= 0 && next <= tickOf(performance.now());
  }

  /**
   * Take every timer due at `nowMs` out of the timer core, in (deadline, scheduling) order. In
   * asyncio's order each joins the end of the ready queue; with `runNow` (timersFirst) each runs
   * right away in its own context, ahead of the ready queue, as libuv's timer phase runs before
   * its check phase.
   */
  private _fireDue(nowMs: number, runNow: boolean): void {
    const core = this._timers;
    let nowTick = tickOf(nowMs);
    if (this._edgeTick !== 0) {
      // A timer that was already due when scheduled has its tick less than 1 µs ahead.
      while (nowTick < this._edgeTick) nowTick = tickOf(performance.now());
      this._edgeTick = 0;
    }
    const out = this._fired;
    const handles = this._timerHandles;
    const ready = this._ready;
    let n: number;
    do {
      n = core.advance(nowTick, out);
      if (runNow) {
        this._runDueNow(out, n);
        if (n === out.length && !this._suspended && performance.now() >= this._budgetEnd) {
          // More may be due, and the yield interval has passed: Node's turn first, then the
          // rest (the next batch finds them due before anything else). See _batch.
          this._dueYield = true;
          this._suspended = true;
          return;
        }
        continue;
      }
      if (n === 0) break;
      if (!this._debug) {
        const b = this._duePool.pop() ?? new DueTimers(this);
        const hs = b.handles;
        for (let i = 0; i < n; i++) {
          const id = out[i]!;
          hs[i] = handles[id];
          handles[id] = undefined;
        }
        b.n = n;
        ready.push(runDueTimers, ARG_MODE.ONE_ARG, b, hs[0]!._ctx!);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const id = out[i]!;
        const h = handles[id]!;
        handles[id] = undefined;
        h._id = -1;
        const ctx = h._ctx!;
        h._ctx = null;
        h._seq = ready.push(runTimerHandle, ARG_MODE.ONE_ARG, h, ctx);
      }
    } while (n === out.length);
  }

  /**
   * timersFirst: run the n timers of one advance. Their ids are free again as soon as advance
   * returns, so a callback that schedules a timer may reuse one of them: take every handle of the
   * batch out first, then run them (skipping any that an earlier one cancelled).
   */
  private _runDueNow(out: Int32Array, n: number): void {
    const handles = this._timerHandles;
    const firing = this._firing;
    for (let i = 0; i < n; i++) {
      const id = out[i]!;
      const h = handles[id]!;
      handles[id] = undefined;
      h._id = -1;
      firing[i] = h;
    }
    for (let i = 0; i < n; i++) {
      const h = firing[i]!;
      firing[i] = undefined;
      if (h._cancelled) continue;
      const ctx = h._ctx!;
      h._ctx = null;
      this._runTimerNow(h, ctx);
    }
  }

  private _runTimerNow(h: TimerEntry, ctx: AsyncResource): void {
    this._curCtx = ctx;
    try {
      if (this._debug) ctx.runInAsyncScope(this._runDebug, this, runTimerHandle, ARG_MODE.ONE_ARG, h, -1);
      else ctx.runInAsyncScope(runTimerHandle, null, h);
    } catch (exc) {
      this._reportCallbackError(runTimerHandle, ARG_MODE.ONE_ARG, h, -1, exc);
    } finally {
      this._curCtx = null;
    }
  }

  /**
   * Run a DueTimers batch from `from` on: each live handle in its own context (directly when it is
   * the one the batch entry runs in), skipping those cancelled since they came due.
   * @internal
   */
  _runDue(b: DueTimers, from: number): void {
    const hs = b.handles;
    const n = b.n;
    const outer = this._curCtx;
    for (let i = from; i < n; i++) {
      const h = hs[i]!;
      hs[i] = undefined;
      h._id = -1;
      if (h._cancelled) continue;
      const ctx = h._ctx!;
      h._ctx = null;
      if (ctx === outer) {
        try {
          runTimerHandle(h);
        } catch (exc) {
          this._reportCallbackError(runTimerHandle, ARG_MODE.ONE_ARG, h, -1, exc);
        }
      } else {
        this._curCtx = ctx;
        try {
          ctx.runInAsyncScope(runTimerHandle, null, h);
        } catch (exc) {
          this._reportCallbackError(runTimerHandle, ARG_MODE.ONE_ARG, h, -1, exc);
        } finally {
          this._curCtx = outer;
        }
      }
      if (this._suspended && i + 1 < n) {
        // A callback opened an async window (an async-function step ran inside it): the rest of
        // the batch runs first when the loop resumes (_runIterations), as separate entries would.
        this._dueResume = b;
        this._dueResumeAt = i + 1;
        return;
      }
      if (++this._dueRan === CLOCK_EVERY) {
        // Due timers count towards the clock checks as if each were an entry: every CLOCK_EVERY
        // of them, once the yield interval has passed, Node gets its turn and the rest of the
        // batch runs first afterwards. (_suspended unwinds the batch's frames; _batch clears it
        // and yields.)
        this._dueRan = 0;
        if (!this._suspended && performance.now() >= this._budgetEnd) {
          if (i + 1 < n) {
            this._dueResume = b;
            this._dueResumeAt = i + 1;
          } else {
            b.n = 0;
            if (this._duePool.length < DUE_POOL) this._duePool.push(b);
          }
          this._dueYield = true;
          this._suspended = true;
          return;
        }
      }
    }
    b.n = 0;
    if (this._duePool.length < DUE_POOL) this._duePool.push(b);
  }

  /** Run the current iteration's handles, entering each run of same-context handles once. */
  private _runHandles(): void {
    const q = this._ready;
    while (this._iterLeft > 0 && !this._suspended) {
      if (this._timersFirst && this._timers.size > 0 && this._timerDue()) {
        this._fireDue(performance.now(), true);
        if (this._suspended) return;
      }
      if (!q.hc.fns[q.hi]) {
        q.shift();
        this._iterLeft--;
        continue;
      }
      const ctx = q.headCtx!;
      this._curCtx = ctx;
      try {
        ctx.runInAsyncScope(this._runGroupBound);
      } finally {
        this._curCtx = null;
      }
      if (this._sinceClock >= CLOCK_EVERY) {
        this._sinceClock = 0;
        if (performance.now() >= this._budgetEnd) return;
      }
    }
  }

  /** Runs queued callbacks while they share the current context. */
  private _runGroup(): void {
    const q = this._ready;
    const ctx = this._curCtx;
    const debug = this._debug;
    // Counters live in locals for the hot loop (no callback reads them) and are written back on
    // every way out.
    let n = this._iterLeft;
    let budget = CLOCK_EVERY - this._sinceClock;
    const timersFirst = this._timersFirst;
    let fn: Function | null = null;
    let mode = 0;
    let arg: unknown = undefined;
    let seq = 0;
    for (;;) {
      try {
        while (n > 0 && budget > 0) {
          if (q.headCtx !== ctx) break;
          if (timersFirst && this._timers.size > 0 && this._timerDue()) break;
          const c = q.hc;
          const i = q.hi;
          fn = c.fns[i] as Function | null;
          mode = c.modes[i]!;
          arg = mode === 0 ? undefined : c.args![i];
          seq = q.headSeq;
          q.shift();
          n--;
          if (!fn) continue;
          budget--;
          if (debug) this._runDebug(fn, mode, arg, seq);
          else if (mode === 1) fn(arg);
          else if (mode === 0) fn();
          else fn(...(arg as unknown[]));
          if (this._suspended) break;
        }
        this._iterLeft = n;
        this._sinceClock = CLOCK_EVERY - budget;
        return;
      } catch (exc) {
        this._iterLeft = n;
        this._sinceClock = CLOCK_EVERY - budget;
        this._reportCallbackError(fn!, mode, arg, seq, exc);
        if (this._suspended) return;
      }
    }
  }

  /** @internal */
  _reportCallbackError(fn: Function, mode: number, arg: unknown, seq: number, exc: unknown): void {
    let handle: Handle;
    let text: string;
    if (fn === runTimerHandle) {
      const h = arg as TimerEntry;
      handle = h instanceof Handle ? h : new Handle(h._callback, this, -1);
      // A callback that cancelled its own handle before it raised: asyncio's cancel() has let go
      // of the callback and its arguments by the time the message is made.
      text = h._cancelled ? "None()" : callRepr(h._callback, argsOf(h._arg));
    } else {
      // Not the object callSoon returned (the queue keeps none), but one whose repr shows the
      // callback and its arguments as that Handle's would.
      handle = new ArgsHandle(fn, this, -1, entryArgs(mode, arg));
      if (seq >= 0 && seq === this._cancelledSeq) {
        handle._cancelled = true;
        // In debug mode asyncio's cancelled handle still shows its callback (see cancelledReprs).
        if (this._debug) cancelledReprs.set(handle, handle._debugRepr());
        text = "None()";
      } else {
        text = describeCall(fn, mode, arg);
      }
    }
    const context: ExceptionContext = { message: `Exception in callback ${text}`, exception: exc, handle };
    if (this._sources !== null) {
      // Left in place by _runDebug for a callback that threw.
      const key = fn === runTimerHandle ? (arg as TimerEntry) : seq;
      const source = this._sources.get(key);
      if (source !== undefined) {
        context.sourceTraceback = source;
        this._sources.delete(key);
      }
    }
    const runCtx = this._runCtx;
    if (runCtx !== null) runCtx.runInAsyncScope(this.callExceptionHandler, this, context);
    else this.callExceptionHandler(context);
  }

  private _runDebug(fn: Function, mode: number, arg: unknown, seq: number): void {
    const t0 = performance.now();
    const key = fn === runTimerHandle ? (arg as TimerEntry) : seq;
    const source = this._sources?.get(key);
    this._handleSource = source;
    try {
      if (mode === 1) fn(arg);
      else if (mode === 0) fn();
      else fn(...(arg as unknown[]));
      this._sources?.delete(key);
    } catch (exc) {
      // Reported before the slow-callback check, as asyncio's Handle._run reports it (the
      // context's sourceTraceback is taken from _sources there).
      this._reportCallbackError(fn, mode, arg, seq, exc);
    }
    if (this._suspended) {
      // It woke an async function, whose step goes on in microtasks: timed when the step's
      // window closes (_resume), so a slow async step is reported as a slow generator step is.
      this._slowStep = { fn, mode, arg, seq, t0, source };
    } else {
      this._handleSource = undefined;
      this._checkSlow(fn, mode, arg, seq, t0, source);
    }
  }

  /** Debug mode: report a callback (or task step) that ran for slowCallbackDuration or longer. */
  private _checkSlow(fn: Function, mode: number, arg: unknown, seq: number, t0: number, source: string | undefined): void {
    const dt = (performance.now() - t0) / 1000;
    if (dt < this.slowCallbackDuration) return;
    // Described after the call, as asyncio formats the handle then: a task as it is after its
    // step, a handle that cancelled itself as cancelled (with its callback: debug mode keeps it).
    const what =
      seq >= 0 && seq === this._cancelledSeq ? `<Handle cancelled ${describeCall(fn, mode, arg)}>` : describeEntry(fn, mode, arg);
    let msg = `Executing ${what} took ${dt.toFixed(3)} seconds`;
    if (source !== undefined) msg += `\nHandle created at:\n${source}`;
    console.warn(msg);
  }

  /**
   * Suspend the batch, let Node drain the microtask queue completely, then run `fn` (which may
   * open an async window) and resume. Used before an async-function step when callbacks of this
   * batch resolved plain promises: their continuations must not run inside the step's window.
   * @internal
   */
  _drainThen(fn: () => void): void {
    this._suspended = true;
    setImmediate(() => {
      fn();
      this._hops = 0;
      microtask(this._resumeBound);
    });
  }

  _suspendForAsync(): void {
    if (this._suspended) {
      this._hops = 0;
      return;
    }
    this._suspended = true;
    this._hops = 0;
    microtask(this._resumeBound);
  }

  private _resume(): void {
    if (rt.asyncTask !== null) {
      if (++this._hops < MAX_ASYNC_HOPS) {
        microtask(this._resumeBound);
        return;
      }
      if (this._hops === MAX_ASYNC_HOPS) {
        // A long chain of microtasks (deeply nested async functions) or a foreign await: wait
        // until the microtask queue has drained completely before anything else runs.
        setImmediate(this._resumeBound);
        return;
      }
    }
    rt.asyncTask = null;
    this._suspended = false;
    if (this._slowStep !== null) {
      const w = this._slowStep;
      this._slowStep = null;
      this._handleSource = undefined;
      this._checkSlow(w.fn, w.mode, w.arg, w.seq, w.t0, w.source);
    }
    this._batch(false);
  }

  private _finishRun(err: unknown): void {
    this._disarm();
    this._running = false;
    this._runCtx = null;
    if (rt.runningLoop === this) rt.runningLoop = null;
    if (!this._debug && this._sources !== null) this._pruneSources();
    const ambient = rt.ambientLoop;
    if (ambient !== null && ambient !== this) ambient._resumeAmbient();
    const resolve = this._runResolve;
    const reject = this._runReject;
    this._runResolve = this._runReject = null;
    if (err !== undefined) reject?.(err);
    else resolve?.();
  }

  // ------------------------------------------------------------------ errors and debug

  /** Set the loop's exception handler; `null` (or no argument, or undefined) restores the default. */
  setExceptionHandler(handler?: ExceptionHandler | null): void {
    if (handler !== null && handler !== undefined && typeof handler !== "function") {
      throw new TypeError(`A callable object or null is expected, got ${describeValue(handler)}`);
    }
    this._exceptionHandler = handler ?? null;
  }

  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /** Print the context to stderr (asyncio's default handler logs it). */
  defaultExceptionHandler(context: ExceptionContext): void {
    let message = context.message || "Unhandled exception in event loop";
    const exc = context.exception;
    const lines: string[] = [message];
    // As asyncio's: in debug mode, a context without a creation traceback, passed while an entry
    // scheduled in debug mode runs, gets where that entry was scheduled (the context is mutated).
    if (this._handleSource !== undefined && !("sourceTraceback" in context)) {
      context.handleTraceback = this._handleSource;
    }
    for (const key of Object.keys(context).sort()) {
      if (key === "message" || key === "exception") continue;
      let value = context[key];
      if (key === "sourceTraceback" || key === "handleTraceback") {
        const what = key === "sourceTraceback" ? "Object" : "Handle";
        lines.push(`${key}: ${what} created at (most recent call last):\n${String(value)}`);
        continue;
      }
      lines.push(`${key}: ${contextValueRepr(value, [])}`);
    }
    if (exc !== undefined) {
      lines.push(exc instanceof Error && exc.stack ? exc.stack : safeString(exc));
    }
    message = lines.join("\n");
    console.error(message);
  }

  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch (err) {
        console.error("Exception in default exception handler", err);
      }
      return;
    }
    try {
      handler(this, context);
    } catch (exc) {
      try {
        this.defaultExceptionHandler({
          message: "Unhandled error in exception handler",
          exception: exc,
          context,
        });
      } catch (err) {
        console.error("Exception in default exception handler while handling an unexpected error in custom exception handler", err);
      }
    }
  }

  getDebug(): boolean {
    return this._debug;
  }

  setDebug(enabled: boolean): void {
    this._debug = Boolean(enabled);
    this._plain = !this._debug && !this._closed;
    // Switched off, the sources of what is still pending are kept (asyncio's handles keep theirs);
    // switched on between runs, those of callbacks that ran meanwhile (outside _runDebug, which
    // drops them) go. (Not inside a run: the running callback's own entry would go with them.)
    if (this._debug) {
      if (this._sources === null) this._sources = new Map();
      else if (!this.isRunning()) this._pruneSources();
    }
  }

  /**
   * Drop the sources of callbacks that ran (or were cancelled) outside debug mode, where nothing
   * removes them, and the map itself once it is empty outside debug mode. Called when a run ends
   * outside debug mode and when debug mode is switched back on between runs (rare, and the map
   * holds only entries made while it was on).
   */
  private _pruneSources(): void {
    const sources = this._sources!;
    const head = this._ready.headSeq;
    for (const key of sources.keys()) {
      const pending = typeof key === "number" ? key >= head : !key._cancelled && (key._id >= 0 || key._seq >= 0);
      if (!pending) sources.delete(key);
    }
    if (!this._debug && sources.size === 0) this._sources = null;
  }

  /** asyncio's repr: `<EventLoop running=True closed=False debug=False>` (the class's name, Python's booleans). */
  toString(): string {
    const b = (x: boolean) => (x ? "True" : "False");
    return `<${this.constructor.name} running=${b(this.isRunning())} closed=${b(this._closed)} debug=${b(this._debug)}>`;
  }

  /** console.log() and util.inspect() show the repr (so does a callback's argument in a handle's). */
  [INSPECT](): string {
    return this.toString();
  }
}

/** Most handles one advance of the timer core yields (and so one DueTimers batch holds). */
const DUE_BATCH = 1024;
/** DueTimers batches a loop keeps for reuse. */
const DUE_POOL = 4;

/** Timers that came due together, queued as one ready-queue entry (see the file comment). */
class DueTimers {
  readonly handles: (TimerEntry | undefined)[] = new Array(DUE_BATCH).fill(undefined);
  n = 0;
  constructor(readonly loop: EventLoop) {}
}

/** The ready-queue callback of a DueTimers batch. */
function runDueTimers(b: DueTimers): void {
  b.loop._runDue(b, 0);
}

/** The ready-queue entry of a fired timer: runs the timer entry's callback. */
function runTimerHandle(h: TimerEntry): void {
  const arg = h._arg;
  if (h._seq >= 0) h._seq = -1;
  if (arg === NO_ARGS) h._callback();
  else if (arg instanceof ArgList) h._callback(...arg.list);
  else h._callback(arg);
  // The arguments stay until cancel(), as asyncio's TimerHandle keeps them: its repr shows them.
}

/**
 * Copy arguments[from..] into an array. Reading `arguments` by index only (never passing it
 * along) lets V8 avoid materializing it on the common 0- and 1-argument paths.
 */
function restArgs(args: IArguments, from: number): unknown[] {
  const out: unknown[] = [];
  for (let i = from; i < args.length; i++) out.push(args[i]);
  return out;
}

/** Internal callbacks (task steps, wake-ups) describe their entry for debug reports. */
export const DESCRIBE = Symbol("aionode.describe");

/** What a ready-queue entry runs, for debug reports: `<Handle name(args)>`, `<TimerHandle ...>`, `<Task ...>`. */
function describeEntry(fn: Function, mode: number, arg: unknown): string {
  if (fn === runTimerHandle) {
    const h = arg as TimerEntry;
    return h instanceof TimerHandle ? h.toString() : `<TimerHandle ${callRepr(h._callback, argsOf(h._arg))}>`;
  }
  const d = (fn as unknown as Record<symbol, ((arg: unknown) => string) | undefined>)[DESCRIBE];
  if (d !== undefined) return d(arg);
  return `<Handle ${describeCall(fn, mode, arg)}>`;
}

/** The argument list of a ready-queue entry. */
function entryArgs(mode: number, arg: unknown): readonly unknown[] {
  return mode === ARG_MODE.NO_ARG ? [] : mode === ARG_MODE.ONE_ARG ? [arg] : (arg as unknown[]);
}

/** `name(arg1, arg2)` for messages. */
function describeCall(fn: Function, mode: number, arg: unknown): string {
  return callRepr(fn, entryArgs(mode, arg));
}

function runUntilCompleteCb(fut: Future<unknown>): void {
  fut.getLoop().stop();
}
nameCallback(runUntilCompleteCb, "_run_until_complete_cb");

const GeneratorFunctionCtor = Object.getPrototypeOf(function* () {}).constructor as Function;
const AsyncFunctionCtor = Object.getPrototypeOf(async function () {}).constructor as Function;

/**
 * Debug mode (as asyncio's _check_callback): coroutine functions and coroutine objects are not
 * callbacks (checked before the callback is required to be a function, as asyncio's message for
 * a coroutine object is this one).
 */
export function checkNotCoroutine(fn: unknown, method: string): void {
  if (isCoroutineLike(fn)) throw new TypeError(`coroutines cannot be used with ${method}()`);
}

/** What checkNotCoroutine refuses: a coroutine object or a coroutine function of any kind. */
export function isCoroutineLike(fn: unknown): boolean {
  return (
    hooks.isCoroutine!(fn) ||
    fn instanceof GeneratorFunctionCtor ||
    fn instanceof AsyncFunctionCtor ||
    // null and undefined have no properties: they reach the clear "a function was expected" error
    (fn != null && (fn as Record<symbol, unknown>)[Symbol.for("aionode.coroutineFunction")] === true)
  );
}

/** The stack where something was scheduled or created, for debug-mode reports (asyncio's source_traceback). @internal */
export function captureSource(): string {
  const stack = new Error().stack ?? "";
  return stack.split("\n").slice(3).join("\n");
}

/** A short description of a value for error messages. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "function") return `function ${v.name || "<anonymous>"}`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "object") {
    const ctor = (v as object).constructor;
    if (!ctor || !ctor.name) return "an object";
    return `${/^[AEIOU]/.test(ctor.name) ? "an" : "a"} ${ctor.name} object`;
  }
  return `${typeof v} ${String(v)}`;
}

/**
 * A context value as asyncio's default handler logs it (`repr(value)`): strings quoted, numbers,
 * arrays and errors as Python's repr shows them, aionode objects by their repr, and a plain
 * object (the `context` of "Unhandled error in exception handler") as a dict.
 */
function contextValueRepr(v: unknown, seen: object[]): string {
  try {
    if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      if (seen.includes(v)) return "{...}";
      seen.push(v);
      const o = v as Record<string, unknown>;
      const s = `{${Object.keys(o).map((k) => `${pyStrRepr(k)}: ${contextValueRepr(o[k], seen)}`).join(", ")}}`;
      seen.pop();
      return s;
    }
    return pyRepr(v);
  } catch {
    return safeString(v);
  }
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Late-bound constructors from futures.ts and tasks.ts (which import this module): set once at
 * load by index.ts's imports, so loop.ts needs no circular import at evaluation time.
 * @internal
 */
export const hooks: {
  Future: (new <T>(loop: EventLoop) => Future<T>) | null;
  createTask: ((coro: unknown, loop: EventLoop, options?: { name?: string }) => Future<unknown>) | null;
  ensureFuture: ((aw: unknown, loop: EventLoop) => Future<unknown>) | null;
  /** The default loop (getEventLoop()). */
  defaultLoop: (() => EventLoop) | null;
  /** events.ts queryLoop: currentLoop() without entering ambient mode. */
  queryLoop: (() => EventLoop) | null;
  /** The running loop, else the default loop in ambient mode. */
  currentLoop: (() => EventLoop) | null;
  enterAmbient: ((loop: EventLoop) => void) | null;
  inlineTask: ((coro: unknown, owner: unknown) => Future<unknown>) | null;
  /** Drop a closed loop's pending tasks from the task registry (they can never run again). */
  forgetTasks: ((loop: EventLoop) => void) | null;
  /** coroutines.ts's isCoroutine (a coroutine object, for debug mode's callback check). */
  isCoroutine: ((x: unknown) => boolean) | null;
} = {
  Future: null,
  createTask: null,
  ensureFuture: null,
  defaultLoop: null,
  queryLoop: null,
  currentLoop: null,
  enterAmbient: null,
  inlineTask: null,
  forgetTasks: null,
  isCoroutine: null,
};

function newCallbackResource(): AsyncResource {
  return new AsyncResource("aionode.Callback");
}
