/**
 * TaskGroup: asyncio.taskgroups (3.11). `taskGroup(body)` runs `body(tg)` (a generator function or
 * an async function), waits for every task created with tg.createTask(), and resolves to the
 * body's result. The first child that fails cancels the others and the body; all errors are
 * collected into an ExceptionGroup.
 */
import { CancelledError, ExceptionGroup, RuntimeError, isExactCancelledError } from "./errors.js";
import { genCoroutine, lazyCall, type Coroutine } from "./coroutines.js";
import { currentLoop } from "./events.js";
import type { Future } from "./futures.js";
import { describeValue, type EventLoop } from "./loop.js";
import { Task, currentTask, spawnTask } from "./tasks.js";
import { nameCallback } from "./internal/repr.js";

export class TaskGroup {
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: EventLoop | null = null;
  private _parentTask: Task<unknown> | null = null;
  private _parentCancelRequested = false;
  private _tasks = new Set<Task<unknown>>();
  private _errors: unknown[] = [];
  private _onCompletedFut: Future<boolean> | null = null;
  private readonly _onTaskDoneBound = nameCallback((t: Task<unknown>) => this._onTaskDone(t), "TaskGroup._on_task_done");

  /** @internal Use taskGroup(body). */
  constructor() {}

  toString(): string {
    let info = "";
    if (this._tasks.size > 0) info += ` tasks=${this._tasks.size}`;
    if (this._errors.length > 0) info += ` errors=${this._errors.length}`;
    if (this._aborting) info += " cancelling";
    else if (this._entered) info += " entered";
    return `<TaskGroup${info}>`;
  }

  /** @internal */
  _enter(loop: EventLoop): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this.toString()} has already been entered`);
    this._loop = loop;
    this._parentTask = currentTask(loop);
    if (this._parentTask === null) {
      throw new RuntimeError(`TaskGroup ${this.toString()} cannot determine the parent task`);
    }
    this._entered = true;
  }

  /** Create a task in this group. */
  createTask<T>(coro: Coroutine<T> | Generator<unknown, T, any> | PromiseLike<T>, options?: { name?: string }): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this.toString()} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this.toString()} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this.toString()} is shutting down`);
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError(`createTask(): options must be an object, got ${describeValue(options)}`);
    }
    // As 3.11's TaskGroup.create_task: created unnamed (taking a Task-N number), then renamed.
    const task = spawnTask<T>(coro, this._loop!);
    if (options !== undefined && options.name !== undefined && options.name !== null) task.setName(options.name);
    task.addDoneCallback(this._onTaskDoneBound);
    this._tasks.add(task as Task<unknown>);
    return task;
  }

  private _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  private _onTaskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0) {
      if (!this._onCompletedFut.done()) this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    if (!task._failed) return; // (not `exception() === null`: a child may throw null)
    const exc = task._retrieveException();
    this._errors.push(exc);
    const parent = this._parentTask!;
    if (parent.done()) {
      this._loop!.callExceptionHandler({
        message: `Task ${task.toString()} has errored out but its parent task ${parent.toString()} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }

  /** @internal asyncio's __aexit__: throws what the group raises, or returns to let `exc` propagate. */
  *_exit(failed: boolean, exc: unknown): Generator<unknown, void, unknown> {
    this._exiting = true;
    // As asyncio's `et is CancelledError`: the exact class. A subclass of CancelledError raised by
    // the body is not a cancellation to propagate but an error the group collects.
    const cancelled = failed && isExactCancelledError(exc);
    let propagateCancellation: unknown = cancelled ? exc : null;
    if (this._parentCancelRequested) {
      if (this._parentTask!.uncancel() === 0) propagateCancellation = null;
    }
    if (failed && !this._aborting) this._abort();
    while (this._tasks.size > 0) {
      if (this._onCompletedFut === null) this._onCompletedFut = this._loop!.createFuture<boolean>();
      try {
        yield* this._onCompletedFut;
      } catch (ex) {
        if (!(ex instanceof CancelledError)) throw ex;
        if (!this._aborting) {
          propagateCancellation = ex;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    if (propagateCancellation !== null && this._errors.length === 0) throw propagateCancellation;
    if (failed && !cancelled) this._errors.push(exc);
    if (this._errors.length > 0) {
      const errors = this._errors;
      this._errors = [];
      throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
  }
}

export type TaskGroupBody<T> = (tg: TaskGroup) => Generator<unknown, T, any> | PromiseLike<T> | T;

function* taskGroupGen<T>(body: TaskGroupBody<T>): Generator<unknown, T, unknown> {
  const tg = new TaskGroup();
  tg._enter(currentLoop());
  let result: T | undefined;
  let failed = false;
  let error: unknown;
  try {
    result = (yield* lazyCall<T>(body, [tg])) as T;
  } catch (e) {
    failed = true;
    error = e;
  }
  yield* tg._exit(failed, error);
  if (failed) throw error;
  return result as T;
}

/**
 * Run `body(tg)` as asyncio's `async with TaskGroup() as tg:` and resolve to its result once every
 * task of the group is done. A coroutine.
 */
export function taskGroup<T>(body: TaskGroupBody<T>): Coroutine<T> {
  if (typeof body !== "function") {
    throw new TypeError(`taskGroup(): the body must be a generator function or async function, got ${describeValue(body)}`);
  }
  return genCoroutine<T>(taskGroupGen, [body]);
}
