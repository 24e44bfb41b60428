/**
 * Process-wide (per-thread) runtime state shared by the loop, futures and tasks. Kept in one
 * object with fixed fields so every access is a monomorphic property load.
 */
import type { AsyncLocalStorage } from "node:async_hooks";
import type { EventLoop } from "../loop.js";
import type { Task } from "../tasks.js";

export interface RuntimeState {
  /** The loop inside runForever()/runUntilComplete() on this thread, if any. */
  runningLoop: EventLoop | null;
  /** The default loop's ambient driver is active (plain Node code used aionode with no loop running). */
  ambientLoop: EventLoop | null;
  /** The task whose generator step (or async first step) is executing right now (an inline task's owner). */
  currentTask: Task<unknown> | null;
  /** The task object actually being stepped (an inline task itself, not its owner). */
  steppingTask: Task<unknown> | null;
  /**
   * The async-function task that was just woken (or started) and whose continuation is running in
   * the microtask window that follows: Future.then() attributes the next await to it.
   */
  asyncTask: Task<unknown> | null;
  /** Counter for default task names: Task-1, Task-2, ... */
  taskCounter: number;
  /**
   * A loop callback settled a plain promise (a then() of plain code): its continuation is
   * pending in the microtask queue and must run before the next async-function window opens.
   */
  foreignResolved: boolean;
  /** Exact async-task tracking (trackAsyncTasks(true)): every task's context carries the task. */
  tracking: AsyncLocalStorage<Task<unknown>> | null;
}

export const rt: RuntimeState = {
  runningLoop: null,
  ambientLoop: null,
  currentTask: null,
  steppingTask: null,
  asyncTask: null,
  taskCounter: 0,
  foreignResolved: false,
  tracking: null,
};

/**
 * With trackAsyncTasks(true): the task the running code belongs to by its AsyncLocalStorage
 * context, or undefined. A loop callback runs in the context of the code that scheduled it (often
 * a task's) but belongs to no task, as asyncio's current_task() is None there: inside one
 * (outside any task step) this is undefined, and so it is once the task is done.
 */
export function trackedTask(): Task<unknown> | undefined {
  if (rt.currentTask === null) {
    const a = rt.runningLoop;
    const b = rt.ambientLoop;
    if ((a !== null && a._curCtx !== null) || (b !== null && b._curCtx !== null)) return undefined;
  }
  const t = rt.tracking!.getStore();
  // Async work a task started and left running keeps the task's context after the task is done;
  // it belongs to no task then (asyncio's current_task() is never a finished task), and its
  // awaits are plain ones instead of waits of a finished task.
  return t !== undefined && !t.done() ? t : undefined;
}
