/**
 * aionode: Python's asyncio model for Node.js. Public exports only.
 */
import { hooks } from "./loop.js";
import { Future } from "./futures.js";
import { Task, createTaskOn, inlineTask } from "./tasks.js";
import { ensureFuture } from "./compose.js";
import { isCoroutine, type Coroutine } from "./coroutines.js";

hooks.Future = Future as never;
hooks.createTask = (coro, loop, options) => createTaskOn(coro, loop, options);
hooks.ensureFuture = (aw, loop) => ensureFuture(aw, loop);
hooks.isCoroutine = isCoroutine;
hooks.inlineTask = (coro, owner) => inlineTask(coro as Coroutine<unknown>, owner as Task<unknown> | null);

export { EventLoop, type EventLoopOptions, type ExceptionContext, type ExceptionHandler } from "./loop.js";
export { Handle, TimerHandle } from "./handles.js";
export { Future, isFuture, wrapFuture, type FutureThen } from "./futures.js";
export { Task, currentTask, allTasks, trackAsyncTasks } from "./tasks.js";
export { Coroutine, coroutine, isCoroutine, isCoroutineFunction, type CoroutineFunction } from "./coroutines.js";
export { getEventLoop, setEventLoop, newEventLoop, getRunningLoop } from "./events.js";
export { run, type RunOptions } from "./runners.js";
export {
  sleep,
  gather,
  wait,
  waitFor,
  shield,
  asCompleted,
  ensureFuture,
  createTask,
  GatheringFuture,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  type ReturnWhen,
  type Awaitable,
  type AwaitedOf,
  type AsCompleted,
  type GatherOptions,
  type WaitOptions,
  type SignalOption,
} from "./compose.js";
export { timeout, timeoutAt, Timeout, type TimeoutBody } from "./timeouts.js";
export { taskGroup, TaskGroup, type TaskGroupBody } from "./taskgroups.js";
export { Queue, LifoQueue, PriorityQueue, type QueueOptions, type PriorityQueueOptions } from "./queues.js";
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, type LockBody } from "./locks.js";
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  BrokenBarrierError,
  IncompleteReadError,
  LimitOverrunError,
  ExceptionGroup,
  RuntimeError,
} from "./errors.js";
export { backend, backendReason } from "./backend/index.js";
export { openThreadsafe, connectLoop, ThreadsafeHandle, RemoteLoop, type ThreadsafeCallbacks, type ThreadsafeOptions, type LoopDescriptor, type WorkerConnection } from "./threads.js";
