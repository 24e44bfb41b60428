/**
 * Task: asyncio.tasks.Task, stepping generator coroutines exactly as CPython steps coroutines,
 * and adopting async functions.
 *
 * A task is always in one of three states (asyncio's invariant):
 *   1. waiting on _futWaiter, with a wake-up registered as its done callback;
 *   2. a step scheduled with callSoon (at most one);
 *   3. running its step.
 *
 * Generator step (asyncio's __step): throw a pending cancellation (or the awaited future's
 * exception) into the generator, or send it the awaited value; then look at what it yielded:
 *   a Future (through `yield* fut`, which yields it once) → wait on it;
 *   `yield` with no value                                  → relinquish for one iteration;
 *   `yield fut` / `yield promise` (bare)                   → wait on it, send back its result;
 *   anything else                                           → TypeError thrown in on the next step.
 *
 * Async functions: the first step calls the function inside the task. Its `await` on an aionode
 * awaitable calls Future.then(), which registers the task as waiting on that future (state 1), so
 * cancel() cancels it and the await throws CancelledError. When the future completes, the task's
 * wake-up settles the await and the loop lets the function run (microtasks) before the next
 * callback: the async analogue of a step. A cancel() that finds no attributed await sets
 * _must_cancel, delivered at the function's next attributed await or when it settles. After an
 * await on a foreign promise the function's later awaits are no longer attributed (the window
 * closed), unless trackAsyncTasks(true) identifies the task through AsyncLocalStorage: see the
 * README, "Async functions".
 *
 * Inline tasks: a coroutine awaited across kinds (an async body awaited with yield*, a generator
 * awaited with await) runs in an inline task: not registered, started at once, and reporting its
 * owner as currentTask(): it is part of the owner, as in Python where `await coro` runs the
 * coroutine inside the awaiting task.
 */
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import { CancelledError, InvalidStateError, RuntimeError } from "./errors.js";
import { CANCELLED, FINISHED, F_RELINQUISH, F_SYNC_CALLBACKS, Future, PENDING, Reaction, settleReaction, wrapFuture } from "./futures.js";
import { COROUTINE_KIND, Coroutine, isGenerator } from "./coroutines.js";
import { DESCRIBE, EventLoop, describeValue, hooks } from "./loop.js";
import { ARG_MODE } from "./handles.js";
import { nameCallback, pyStr, pyStrRepr } from "./internal/repr.js";
import { rt, trackedTask } from "./internal/state.js";

const T_MUST_CANCEL = 1;
const T_SEND_RESULT = 2;
const T_STARTED = 4;
/** The task is relinquishing one iteration inside sleep(0) (see SLEEP0_ITERATOR). */
const T_SLEEP0 = 8;
/**
 * An inline task whose body returned (or raised) while a cancellation was pending on it: the
 * cancellation belongs to the task that awaits it, which gets the result and then the request.
 */
const T_HAND_BACK = 16;
/** A cancellation handed back by an inline task: pending from the step the wake-up starts on. */
const T_DEFER_CANCEL = 32;
const T_STEP_SHIFT = 6;
const T_STEP_MASK = 3 << T_STEP_SHIFT;
/** cancelling()'s count lives in the bits from here up (a field less per task). */
const T_COUNT_SHIFT = 8;
const T_COUNT_ONE = 1 << T_COUNT_SHIFT;
/** The count saturates here (2^22 requests without an uncancel()): _tflags stays a small integer. */
const T_COUNT_MAX = (1 << 22) - 1;
const STEP_NONE = 0;
const STEP_THROW = 1;
const STEP_SEND = 2;

const NO_ARGS: unknown[] = [];
const futureCancel = Future.prototype.cancel;
const futureSetResult = Future.prototype.setResult;
const futureSetException = Future.prototype._setException;

/**
 * Pending (not done) tasks, walked only by allTasks(): an array with each task's index stored in
 * the task (O(1) add and swap-remove, no hashing).
 */
const pendingTasks: Task<unknown>[] = [];

function registerTask(t: Task<unknown>): void {
  t._regIndex = pendingTasks.length;
  pendingTasks.push(t);
}

/** A closed loop's pending tasks leave the registry (EventLoop.close). */
hooks.forgetTasks = (loop: EventLoop): void => {
  for (let i = pendingTasks.length - 1; i >= 0; i--) {
    const t = pendingTasks[i]!;
    if (t._loop === loop) unregisterTask(t);
  }
};

function unregisterTask(t: Task<unknown>): void {
  const i = t._regIndex;
  if (i < 0) return;
  t._regIndex = -1;
  const last = pendingTasks.pop()!;
  if (last !== t) {
    pendingTasks[i] = last;
    last._regIndex = i;
  }
}

export class Task<T = unknown> extends Future<T> {
  /** @internal */ _coro: unknown;
  /** @internal */ _gen: Iterator<unknown, unknown, unknown> | null;
  /** The name, or the number N of the default name Task-N (the string is built on first use). */
  private _name: string | number;
  /** Index in the pending-task registry, -1 when not registered. @internal */
  _regIndex = -1;
  /** Task flags: must-cancel, send-result, started, and the step mode (2 bits). @internal */
  _tflags = 0;
  /** @internal */ _futWaiter: Future<unknown> | null = null;
  /** @internal */ _ctx: AsyncResource;
  /** The task reported by currentTask() while this one steps (itself, or the owner of an inline task). @internal */
  _owner: Task<unknown>;
  private _stepValue: unknown = undefined;
  /** The pending await of an async-function task. @internal */
  _awaitReaction: Reaction | null = null;

  /** @internal Use createTask(). */
  constructor(coro: unknown, loop: EventLoop, name?: string, owner?: Task<unknown> | null) {
    super(loop);
    let gen: Iterator<unknown, unknown, unknown> | null = null;
    if (coro instanceof Coroutine) {
      if (coro._used) throw new RuntimeError("cannot reuse already awaited coroutine");
      coro._used = true;
      if (coro._kind === COROUTINE_KIND.GEN) {
        gen = coro._start() as Iterator<unknown, unknown, unknown>;
        if (gen === null || typeof gen !== "object" || typeof gen.next !== "function") {
          throw new TypeError(`${coro.name} did not return a generator`);
        }
        coro._args = NO_ARGS;
      }
    } else if (isGenerator(coro)) {
      gen = coro;
    } else if (coro instanceof Future || isThenable(coro)) {
      // A plain Promise (already running) or another awaitable: the task waits for it.
      gen = awaitThenable(coro);
    } else {
      throw new TypeError(`a coroutine was expected, got ${describeValue(coro)}`);
    }
    this._coro = coro;
    this._gen = gen;
    this._name = name !== undefined && name !== null ? pyStr(name) : ++rt.taskCounter;
    // A fresh AsyncResource per task (~20-40 ns): it captures the AsyncLocalStorage stores of the
    // code creating the task, also inside an als.run() within a running callback.
    this._ctx = rt.tracking !== null ? rt.tracking.run(this, newTaskResource) : new AsyncResource("aionode.Task");
    if (owner !== undefined && owner !== null) {
      // Inline: part of its owner, started at once, its outcome handed over at once.
      this._owner = owner;
      this._flags |= F_SYNC_CALLBACKS;
      this._ctx.runInAsyncScope(stepTask, null, this);
    } else {
      this._owner = this;
      registerTask(this);
      loop._callSoon1(stepTask, this, this._ctx);
    }
  }

  /** A cancellation is pending (asyncio's _must_cancel). @internal */
  get _mustCancel(): boolean {
    return (this._tflags & T_MUST_CANCEL) !== 0;
  }
  set _mustCancel(v: boolean) {
    this._tflags = v ? this._tflags | T_MUST_CANCEL : this._tflags & ~T_MUST_CANCEL;
  }
  /** The awaited future was yielded bare (`yield fut`): send its result back. @internal */
  get _sendResult(): boolean {
    return (this._tflags & T_SEND_RESULT) !== 0;
  }
  set _sendResult(v: boolean) {
    this._tflags = v ? this._tflags | T_SEND_RESULT : this._tflags & ~T_SEND_RESULT;
  }
  private get _started(): boolean {
    return (this._tflags & T_STARTED) !== 0;
  }
  private set _started(v: boolean) {
    this._tflags = v ? this._tflags | T_STARTED : this._tflags & ~T_STARTED;
  }
  /** What the next step delivers: nothing, an exception to throw in, or a value to send. */
  private get _stepMode(): number {
    return (this._tflags & T_STEP_MASK) >> T_STEP_SHIFT;
  }
  private set _stepMode(v: number) {
    this._tflags = (this._tflags & ~T_STEP_MASK) | (v << T_STEP_SHIFT);
  }
  /** Pending cancellation requests (asyncio's _num_cancels_requested). */
  private get _numCancelsRequested(): number {
    return this._tflags >> T_COUNT_SHIFT;
  }
  private get _abort(): AbortController | null {
    return this._x === null ? null : this._x.abort;
  }
  private set _abort(v: AbortController | null) {
    this._extras().abort = v;
  }

  /** @internal */
  override _kindName(): string {
    return "Task";
  }

  getName(): string {
    const name = this._name;
    if (typeof name === "number") return (this._name = `Task-${name}`);
    return name;
  }

  /** As asyncio's set_name(): the name is str(name) (Python's str(): `setName(null)` names it 'None'). */
  setName(name: unknown): void {
    this._name = pyStr(name);
  }

  /** The coroutine this task runs. */
  getCoro(): unknown {
    return this._coro;
  }

  /** Tasks are finished by their coroutine only. */
  override setResult(_result: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** Tasks are finished by their coroutine only. */
  override setException(_exception: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /** An AbortSignal that aborts when the task is cancelled (created on first use). */
  get signal(): AbortSignal {
    if (this._abort === null) {
      this._abort = new AbortController();
      if (this._state === CANCELLED || (this._numCancelsRequested > 0 && this._state === PENDING)) {
        // The CancelledError the task ended with, as a signal read earlier got it (its message
        // included); a new one once result() has taken it.
        this._abort.abort(this._cancelledExc ?? new CancelledError(this._cancelMessage ?? ""));
      }
    }
    return this._abort.signal;
  }

  /** Request cancellation: CancelledError is thrown into the coroutine at its current await. */
  override cancel(msg?: string): boolean {
    if (this._logTraceback) this._retrieveException();
    if (this._state !== PENDING) return false;
    if (this._numCancelsRequested < T_COUNT_MAX) this._tflags += T_COUNT_ONE;
    if (this._abort !== null && !this._abort.signal.aborted) {
      this._abort.abort(new CancelledError(msg ?? ""));
    }
    const waiter = this._futWaiter;
    if (waiter !== null && waiter.cancel(msg)) {
      // Keep _futWaiter: it may be a task that ignores the cancellation.
      return true;
    }
    // The step is already scheduled (or the async function awaits something foreign).
    this._mustCancel = true;
    this._cancelMessage = msg;
    // An inline task is part of its owner's coroutine chain: in asyncio this request lands on
    // the owner itself, whose later CancelledErrors (gather's, for one) carry the message.
    if (this._owner !== this) this._owner._cancelMessage = msg;
    return true;
  }

  /** How many cancellation requests are pending. */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Withdraw one cancellation request; returns how many remain. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._tflags -= T_COUNT_ONE;
      // No request is left (timeout() or a TaskGroup took its own back): the task goes on, so
      // its next `signal` is a fresh one, as if read now for the first time; the aborted one
      // stays aborted for those who hold it. A task must not be left with a dead signal.
      // (A request not delivered yet stays, as in 3.11, where 3.13 drops it here; its signal then
      // stays aborted too.)
      if (this._numCancelsRequested === 0 && !this._mustCancel) this._freshSignal();
    }
    return this._numCancelsRequested;
  }

  /** An aborted signal of a task that goes on is replaced by a fresh one at its next read. */
  private _freshSignal(): void {
    if (this._abort !== null && this._abort.signal.aborted && this._state === PENDING) this._abort = null;
  }

  /**
   * Drop a cancellation request that was never delivered (timeout() took its own back: see
   * Timeout._exit): an async body detached on a foreign promise can end without the request
   * reaching an aionode await, where asyncio's always arrives inside the block. @internal
   */
  _dropUndelivered(): void {
    if (!this._mustCancel) return;
    this._mustCancel = false;
    if (this._numCancelsRequested === 0) this._freshSignal();
  }

  /** @internal */
  _step(): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`_step(): already done: ${this.toString()}`);
    }
    const mode = this._stepMode;
    let hasExc = mode === STEP_THROW;
    let exc = hasExc ? this._stepValue : undefined;
    const send = mode === STEP_SEND ? this._stepValue : undefined;
    if (mode !== STEP_NONE) {
      this._stepMode = STEP_NONE;
      this._stepValue = undefined;
    }
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) {
        exc = this._makeCancelledError();
        hasExc = true;
      }
      this._mustCancel = false;
    }
    if ((this._tflags & T_DEFER_CANCEL) !== 0) {
      // Delivered at the coroutine's next suspension, as asyncio does: it is one step with the
      // body of the inline task that handed it back (see _takeHandBack).
      this._tflags = (this._tflags & ~T_DEFER_CANCEL) | T_MUST_CANCEL;
    }
    this._futWaiter = null;
    if (this._gen === null) {
      this._startAsync(exc, hasExc);
      return;
    }
    const prevTask = rt.currentTask;
    const prevAsync = rt.asyncTask;
    const prevStepping = rt.steppingTask;
    rt.currentTask = this._owner;
    rt.steppingTask = this;
    rt.asyncTask = null;
    let r: IteratorResult<unknown, unknown>;
    const gen = this._gen!;
    try {
      r = hasExc ? throwInto(gen, exc) : gen.next(send);
    } catch (e) {
      rt.steppingTask = prevStepping;
      rt.currentTask = prevTask;
      if (rt.asyncTask === null) rt.asyncTask = prevAsync;
      this._finishWithError(e);
      return;
    }
    rt.steppingTask = prevStepping;
    rt.currentTask = prevTask;
    // Keep a window an inline async task opened during the step (its body's first await must be
    // attributed to it); otherwise restore the caller's.
    if (rt.asyncTask === null) rt.asyncTask = prevAsync;
    if (r.done) {
      this._finishWithResult(r.value as T);
      return;
    }
    this._handleYield(r.value);
  }

  private _finishWithResult(value: T): void {
    unregisterTask(this);
    if (this._mustCancel) {
      this._mustCancel = false;
      if (this._owner !== this) {
        // An inline task is part of its awaiter's step: in asyncio the awaited coroutine returns
        // its value and the request stays with the task, for its next suspension.
        this._tflags |= T_HAND_BACK;
        futureSetResult.call(this, value);
        return;
      }
      // Cancelled right before the coroutine returned.
      futureCancel.call(this, this._cancelMessage);
    } else {
      futureSetResult.call(this, value);
    }
  }

  private _finishWithError(e: unknown): void {
    unregisterTask(this);
    if (this._mustCancel && this._owner !== this) {
      // The request was never delivered: whatever the body raised (a CancelledError of its own,
      // from a task it awaited, included), the request stays with the owner (see _finishWithResult).
      this._mustCancel = false;
      this._tflags |= T_HAND_BACK;
    }
    if (e instanceof CancelledError) {
      this._cancelledExc = e;
      // A handed-back request keeps its message for the owner (_takeHandBack reads it).
      futureCancel.call(this, (this._tflags & T_HAND_BACK) !== 0 ? this._cancelMessage : undefined);
      if (this._abort !== null && !this._abort.signal.aborted) this._abort.abort(e);
    } else {
      futureSetException.call(this, e);
    }
  }

  private _scheduleStep(exc?: unknown): void {
    if (exc !== undefined) {
      this._stepMode = STEP_THROW;
      this._stepValue = exc;
    }
    this._loop._callSoon1(stepTask, this, this._ctx);
  }

  private _handleYield(value: unknown): void {
    if (value === undefined) {
      // Bare `yield`: relinquish control for one iteration.
      this._scheduleStep();
      return;
    }
    let fut: Future<unknown>;
    let bare: boolean;
    if (value instanceof Future) {
      fut = value;
      bare = !fut._blocking;
    } else if (value instanceof Coroutine) {
      if (value._used) {
        // A used coroutine yielded bare: thrown in on the next step, as asyncio throws its
        // bad-yield RuntimeError (the Task constructor would throw it out of this step, leaving
        // the task waiting on nothing).
        this._scheduleStep(new RuntimeError("cannot reuse already awaited coroutine"));
        return;
      }
      fut = new Task(value, this._loop, undefined, this._owner);
      bare = true;
    } else if (isThenable(value)) {
      fut = wrapFuture(value as PromiseLike<unknown>, this._loop);
      bare = true;
    } else {
      this._scheduleStep(
        new TypeError(
          `Task ${this._owner.getName()} got bad yield: ${describeValue(value)}; yield* a Future, Task or coroutine (or yield a Promise)`,
        ),
      );
      return;
    }
    // The errors name the task itself: an inline task is part of its owner (one task in asyncio).
    if (fut._loop !== this._loop) {
      this._scheduleStep(new RuntimeError(`Task ${this._owner.toString()} got Future ${fut.toString()} attached to a different loop`));
      return;
    }
    if (fut === this || fut === this._owner) {
      this._scheduleStep(new RuntimeError(`Task cannot await on itself: ${this._owner.toString()}`));
      return;
    }
    // Only a future the task accepts is unmarked: as asyncio's __step, the two refusals above
    // leave it marked, so awaiting it again while it is pending fails (see Future.next()).
    fut._blocking = false;
    this._sendResult = bare;
    addWakeup(fut, this);
    this._futWaiter = fut;
    if (this._mustCancel) {
      if (fut.cancel(this._cancelMessage)) this._mustCancel = false;
    }
  }

  /** @internal Called when the future this task waits on is done. */
  _wakeup(): void {
    // (null: an async task that ended while an await attributed to it was still pending: see
    // _asyncSettled; the wake-up settles that await.)
    const fut = this._futWaiter ?? this._awaitReaction!.fut!;
    if (fut instanceof Task && (fut._tflags & T_HAND_BACK) !== 0) this._takeHandBack(fut);
    if (this._gen === null) {
      this._wakeAsync(fut);
      return;
    }
    if (fut._state === FINISHED && !fut._failed) {
      if (this._sendResult) {
        this._stepMode = STEP_SEND;
        this._stepValue = fut._result;
      }
      // yield* re-reads the result through the future's iterator (marking it retrieved).
    } else {
      let err: unknown;
      try {
        fut.result();
      } catch (e) {
        err = e;
      }
      this._stepMode = STEP_THROW;
      this._stepValue = err;
    }
    this._step();
  }

  // ------------------------------------------------------------------ async functions

  private _startAsync(exc: unknown, hasExc: boolean): void {
    if (this._started) {
      // A scheduled step of a started async task only carries a cancellation: deliver it at the
      // function's next aionode await (or when it settles).
      if (hasExc && exc instanceof CancelledError) {
        this._mustCancel = true;
        this._cancelledExc = null;
      }
      return;
    }
    if (hasExc) {
      // Cancelled before its first step: the body never runs.
      this._started = true;
      this._finishWithError(exc);
      return;
    }
    if (rt.foreignResolved && this._loop._curCtx !== null) {
      // Plain code's continuations first (see EventLoop._drainThen).
      rt.foreignResolved = false;
      this._loop._drainThen(() => {
        if (this._state !== PENDING || this._started) return;
        if (this._mustCancel) {
          this._mustCancel = false;
          this._started = true;
          this._finishWithError(this._makeCancelledError());
          return;
        }
        this._startAsync(undefined, false);
      });
      return;
    }
    this._started = true;
    const coro = this._coro as Coroutine<T>;
    const prevTask = rt.currentTask;
    const prevAsync = rt.asyncTask;
    rt.currentTask = this._owner;
    rt.asyncTask = this;
    let p: unknown;
    try {
      p = coro._start();
    } catch (e) {
      rt.currentTask = prevTask;
      rt.asyncTask = prevAsync;
      this._finishWithError(e);
      return;
    }
    rt.currentTask = prevTask;
    if (isThenable(p)) {
      (p as PromiseLike<T>).then(
        (v) => this._asyncSettled(v, false),
        (e) => this._asyncSettled(e, true),
      );
      // Let the function run to its first aionode await before the loop goes on.
      if (rt.asyncTask === this) this._openWindow();
    } else {
      rt.asyncTask = prevAsync;
      this._finishWithResult(p as T);
    }
  }

  private _openWindow(): void {
    rt.asyncTask = this;
    this._loop._suspendForAsync();
  }

  /** @internal Future.then() called by this task's async function while it runs: it awaits `fut`. */
  _awaitFuture(fut: Future<unknown>, reaction: Reaction): void {
    if (rt.asyncTask === this) rt.asyncTask = null;
    if (this._state !== PENDING || this._futWaiter !== null || this._awaitReaction !== null) {
      fut._addCallback(settleReaction, reaction, this._ctx);
      return;
    }
    this._awaitReaction = reaction;
    this._futWaiter = fut;
    addWakeup(fut, this);
    if (this._mustCancel) {
      if (fut.cancel(this._cancelMessage)) this._mustCancel = false;
    }
  }

  private _wakeAsync(fut: Future<unknown>): void {
    if (rt.foreignResolved && this._loop._curCtx !== null) {
      // Plain code's continuations first (see EventLoop._drainThen).
      rt.foreignResolved = false;
      this._loop._drainThen(() => this._wakeAsync(fut));
      return;
    }
    this._futWaiter = null;
    const reaction = this._awaitReaction!;
    this._awaitReaction = null;
    if (this._state !== PENDING) {
      reaction.settle(fut);
      return;
    }
    // Settle first, then open the window: the function's continuation is queued ahead of the
    // loop's first resume hop, so the step usually ends one hop sooner.
    if (this._mustCancel) {
      this._mustCancel = false;
      // As asyncio's __step: a CancelledError the future ends with (cancelled, or failed with
      // one, as gather does with a cancelled child's) is thrown in as it is.
      if (fut._state === CANCELLED || (fut._failed && fut._result instanceof CancelledError)) reaction.settle(fut);
      else {
        const err = this._makeCancelledError();
        if (fut._state === FINISHED && fut._failed) fut._retrieveException();
        reaction.fail(err);
      }
    } else {
      reaction.settle(fut);
    }
    if ((this._tflags & T_DEFER_CANCEL) !== 0) {
      // Handed back by the inline task just awaited: pending from now on (see _takeHandBack).
      this._tflags = (this._tflags & ~T_DEFER_CANCEL) | T_MUST_CANCEL;
    }
    this._openWindow();
  }

  /** Take over the cancellation request an inline task handed back (see T_HAND_BACK). */
  private _takeHandBack(inline: Task<unknown>): void {
    inline._tflags &= ~T_HAND_BACK;
    this._tflags |= T_DEFER_CANCEL;
    this._cancelMessage = inline._cancelMessage;
  }

  private _asyncSettled(value: unknown, failed: boolean): void {
    if (rt.asyncTask === this) rt.asyncTask = null;
    if (this._state !== PENDING) return;
    // An await attributed to this task may still be pending: one of a plain async function its
    // step started and did not await (fire and forget). The task is done, but that await's
    // wake-up stays registered and must still settle it (see _wakeAsync): its reaction keeps
    // the future.
    if (this._awaitReaction !== null && this._futWaiter !== null) this._awaitReaction.fut = this._futWaiter;
    this._futWaiter = null;
    try {
      if (failed) this._finishWithError(value);
      else this._finishWithResult(value as T);
    } catch (e) {
      // A detached function that ends after its loop was closed: the task is done, the error
      // about its done callbacks (they could never run) has no caller to go to.
      if (this._loop._closed) return;
      // Completing the task threw (debug mode: a coroutine function among its done callbacks).
      // A generator task's step would throw it into the loop, which reports it; this one ends
      // in a promise reaction, so it is reported here, as that step's error.
      this._loop._reportCallbackError(stepTask, ARG_MODE.ONE_ARG, this, -1, e);
    }
  }

  /** As asyncio's repr: `<Task pending name='Task-1' coro=<main()>>`, `... result=42>`. @internal */
  override _repr(): string {
    // As asyncio's _task_repr_info: the state ('cancelling' while a cancellation is requested),
    // the name, the coroutine, the future it waits for, then the result and the callbacks.
    const info = this._reprInfo();
    if (this._numCancelsRequested > 0 && this._state === PENDING) info[0] = "cancelling";
    const extra = [`name=${pyStrRepr(this.getName())}`];
    const coro = this._coro;
    if (coro instanceof Coroutine) extra.push(`coro=<${coro.name}()>`);
    let waiter = this._futWaiter;
    // The body of an inline task is part of this task's coroutine: show what it waits for.
    while (waiter instanceof Task && waiter._owner === this && waiter !== this) waiter = waiter._futWaiter;
    if (waiter !== null && (waiter._flags & F_RELINQUISH) === 0) extra.push(`wait_for=${waiter.toString()}`);
    info.splice(1, 0, ...extra);
    return `<Task ${info.join(" ")}>`;
  }
}
// As Future's (futures.ts): the name the bundle's class expression would otherwise carry is "_Task".
Object.defineProperty(Task, "name", { value: "Task" });

const SLEEP0_DONE: IteratorResult<unknown, undefined> = Object.freeze({ value: undefined, done: true }) as never;
const SLEEP0_YIELD: IteratorResult<unknown, undefined> = Object.freeze({ value: undefined, done: false }) as never;

/**
 * The iterator of `yield* sleep(0)` inside a task: one shared object whose only state (has it
 * relinquished yet?) is a flag of the task being stepped, so a task suspended in sleep(0) retains
 * no per-sleep object. @internal
 */
export const SLEEP0_ITERATOR: Iterator<unknown, undefined, unknown> = {
  next(): IteratorResult<unknown, undefined> {
    const t = rt.steppingTask!;
    if ((t._tflags & T_SLEEP0) !== 0) {
      t._tflags &= ~T_SLEEP0;
      return SLEEP0_DONE;
    }
    t._tflags |= T_SLEEP0;
    return SLEEP0_YIELD;
  },
  throw(err?: unknown): IteratorResult<unknown, undefined> {
    const t = rt.steppingTask;
    if (t !== null) t._tflags &= ~T_SLEEP0;
    throw err;
  },
  return(value?: unknown): IteratorResult<unknown, undefined> {
    const t = rt.steppingTask;
    if (t !== null) t._tflags &= ~T_SLEEP0;
    return { value: value as undefined, done: true };
  },
};

function newTaskResource(): AsyncResource {
  return new AsyncResource("aionode.Task");
}

/**
 * Exact task identity for async functions, also after they await foreign promises (off by
 * default). When on, every task's context carries the task in an AsyncLocalStorage, so
 * currentTask() and cancellation are exact after any await; the price is Node's promise hook,
 * which makes every promise in the process somewhat slower. Affects tasks created afterwards.
 */
export function trackAsyncTasks(enabled: boolean): void {
  if (enabled) rt.tracking ??= new AsyncLocalStorage<Task<unknown>>();
  else rt.tracking = null;
}

function stepTask(task: Task<unknown>): void {
  // A generator task is finished by its own steps only: one already done here was finished
  // behind its back (Future.prototype.setResult.call(task)), and _step() throws asyncio's
  // InvalidStateError, which the loop reports. An async function's task settles when its
  // promise does, outside the loop, so a step queued before that has nothing left to do.
  if (task._state !== PENDING && task._gen === null) return;
  task._step();
}

function wakeupTask(task: Task<unknown>): void {
  task._wakeup();
}
nameCallback(wakeupTask, "Task.task_wakeup");

const futureAddDoneCallback = Future.prototype.addDoneCallback;

/**
 * Register a task's wake-up on the future it awaits. A future whose class overrides
 * addDoneCallback() gets it through that method, as asyncio's C Task does for a Future subclass
 * (it takes the fast path for the exact Future and Task types only): a closure per await, on
 * that path only.
 */
function addWakeup(fut: Future<unknown>, task: Task<unknown>): void {
  if (fut.addDoneCallback === futureAddDoneCallback) {
    fut._addCallback(wakeupTask, task, task._ctx);
    return;
  }
  const wakeup = (_fut: unknown): void => {
    task._ctx.runInAsyncScope(wakeupTask, null, task);
  };
  (wakeup as unknown as Record<symbol, unknown>)[DESCRIBE] = () => describeTask(task);
  fut.addDoneCallback(nameCallback(wakeup, "Task.task_wakeup"));
}

function describeTask(task: Task<unknown>): string {
  // An inline task's step is a step of the task that owns it (one task in asyncio).
  return task._owner.toString();
}
(stepTask as unknown as Record<symbol, unknown>)[DESCRIBE] = describeTask;
(wakeupTask as unknown as Record<symbol, unknown>)[DESCRIBE] = describeTask;

function throwInto(gen: Iterator<unknown, unknown, unknown>, exc: unknown): IteratorResult<unknown, unknown> {
  if (typeof gen.throw !== "function") throw exc;
  return gen.throw(exc);
}

function isThenable(x: unknown): boolean {
  return (
    x !== null &&
    (typeof x === "object" || typeof x === "function") &&
    typeof (x as { then?: unknown }).then === "function"
  );
}

function* awaitThenable(x: unknown): Generator<unknown, unknown, unknown> {
  const fut = x instanceof Future ? x : wrapFuture(x as PromiseLike<unknown>);
  return yield* fut;
}

/**
 * The running task: in generator steps, and in async functions (also after an aionode await).
 * `loop` null or undefined means the running loop, as asyncio's `current_task(None)`.
 */
export function currentTask(loop?: EventLoop | null): Task<unknown> | null {
  let t: Task<unknown> | null;
  if (rt.tracking !== null && rt.currentTask === null) {
    const s = trackedTask();
    t = s !== undefined ? s._owner : null;
  } else {
    t = rt.asyncTask !== null ? rt.asyncTask._owner : rt.currentTask;
  }
  if (t === null) return null;
  if (loop !== undefined && loop !== null && t._loop !== loop) return null;
  return t;
}

/**
 * Tasks of `loop` that are not done yet. By default: the loop module-level functions use, but a
 * query does not put the default loop into ambient mode (asyncio raises "no running event loop"
 * outside a loop).
 */
export function allTasks(loop?: EventLoop): Set<Task<unknown>> {
  const l = loop ?? hooks.queryLoop!();
  const out = new Set<Task<unknown>>();
  for (const t of pendingTasks) if (t._loop === l && t._state === PENDING) out.add(t);
  return out;
}

export function createTaskOn<T>(coro: unknown, loop: EventLoop, options?: { name?: string }): Task<T> {
  if (options === undefined) return new Task<T>(coro, loop);
  if (options === null || typeof options !== "object") {
    throw new TypeError(`createTask(): options must be an object, got ${describeValue(options)}`);
  }
  return new Task<T>(coro, loop, options.name);
}

/**
 * A task for `coro` on `loop`, as asyncio's module functions make one: through `loop.createTask()`
 * when a subclass or the instance overrides it (asyncio's create_task, ensure_future and
 * TaskGroup.create_task all call loop.create_task(), so an override acts as a task factory); the
 * prototype's own createTask goes straight to the Task constructor. @internal
 */
export function spawnTask<T>(coro: unknown, loop: EventLoop): Task<T> {
  if (loop.createTask === EventLoop.prototype.createTask) return new Task<T>(coro, loop);
  return loop.createTask(coro as Coroutine<T>) as Task<T>;
}

/** An inline task: part of `owner` (which may be null for plain code: then a regular task). @internal */
export function inlineTask(coro: Coroutine<unknown>, owner: Task<unknown> | null): Task<unknown> {
  const loop = owner !== null ? owner._loop : hooks.currentLoop!();
  if (owner === null) return new Task(coro, loop);
  // Inline tasks nest (an async body awaited inside another one's): each is part of the real task.
  const real = owner._owner;
  return new Task(coro, loop, `${real.getName()}:inline`, real);
}
