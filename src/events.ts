/**
 * Loop selection (asyncio.events): getEventLoop, setEventLoop, newEventLoop, getRunningLoop,
 * and the ambient default loop, plus run() (asyncio.run).
 */
import { RuntimeError } from "./errors.js";
import { EventLoop, describeValue, hooks, type EventLoopOptions } from "./loop.js";
import { rt } from "./internal/state.js";

let defaultLoop: EventLoop | null = null;

/** The running loop if one runs; else the thread's default loop (created when missing or closed). */
export function getEventLoop(): EventLoop {
  if (rt.runningLoop !== null) return rt.runningLoop;
  if (defaultLoop === null || defaultLoop.isClosed()) defaultLoop = new EventLoop();
  return defaultLoop;
}

/** Make `loop` the default loop (null: forget it; getEventLoop() then creates a new one). */
export function setEventLoop(loop: EventLoop | null): void {
  if (loop !== null && !(loop instanceof EventLoop)) {
    throw new TypeError(`setEventLoop(): an EventLoop or null was expected, got ${describeValue(loop)}`);
  }
  defaultLoop = loop;
}

export function newEventLoop(options?: EventLoopOptions): EventLoop {
  return new EventLoop(options);
}

/** The running loop; throws RuntimeError when none runs (the ambient default loop counts as running). */
export function getRunningLoop(): EventLoop {
  const loop = rt.runningLoop ?? rt.ambientLoop;
  if (loop === null) throw new RuntimeError("no running event loop");
  return loop;
}

/** The running loop, else the running task's (if open), else null. */
function activeLoop(): EventLoop | null {
  if (rt.runningLoop !== null) return rt.runningLoop;
  const task = rt.asyncTask ?? rt.currentTask;
  return task !== null && !task._loop.isClosed() ? task._loop : null;
}

/**
 * The loop that module-level functions use: the running loop, else the default loop, which then
 * runs in ambient mode (beside Node's loop while it has work).
 */
export function currentLoop(): EventLoop {
  const active = activeLoop();
  if (active !== null) return active;
  const loop = getEventLoop();
  loop._enterAmbient();
  return loop;
}

/** The loop currentLoop() would give, for a query: the default loop is not put into ambient mode. */
export function queryLoop(): EventLoop {
  return activeLoop() ?? getEventLoop();
}

hooks.defaultLoop = getEventLoop;
hooks.queryLoop = queryLoop;
hooks.currentLoop = currentLoop;
hooks.enterAmbient = (loop: EventLoop) => {
  if (loop === defaultLoop) loop._enterAmbient();
};
