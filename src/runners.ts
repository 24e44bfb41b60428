/** run(): asyncio.run. */
import { RuntimeError } from "./errors.js";
import { genCoroutine, isCoroutine, lazyCall, type Coroutine } from "./coroutines.js";
import { setEventLoop } from "./events.js";
import { gather, type Awaitable, type AwaitedOf } from "./compose.js";
import { EventLoop, describeValue } from "./loop.js";
import { allTasks, type Task } from "./tasks.js";
import { rt } from "./internal/state.js";

/** The two coroutines asyncio.run's shutdown runs (named as asyncio's, for task reprs). */
function* shutdownAsyncgens(): Generator<never, void, unknown> {}
function* shutdownDefaultExecutor(): Generator<never, void, unknown> {}
Object.defineProperty(shutdownAsyncgens, "name", { value: "BaseEventLoop.shutdown_asyncgens" });
Object.defineProperty(shutdownDefaultExecutor, "name", { value: "BaseEventLoop.shutdown_default_executor" });

export interface RunOptions {
  debug?: boolean;
}

/**
 * Run `main` on a new event loop until it completes, then cancel what is left and close the
 * loop. `main` may be a coroutine object, a coroutine function (generator or async function,
 * called with no arguments inside the new loop) or any awaitable.
 */
export function run<T>(main: () => Generator<unknown, T, any> | PromiseLike<T> | T, options?: RunOptions): Promise<T>;
export function run<A extends Awaitable<unknown>>(main: A, options?: RunOptions): Promise<AwaitedOf<A>>;
export function run<T>(main: unknown, options?: RunOptions): Promise<T>;
export function run<T>(main: unknown, options: RunOptions = {}): Promise<T> {
  // Refusals are thrown at the call, as asyncio.run raises them (and as runUntilComplete and
  // runForever throw theirs), not delivered as a rejection.
  if (rt.runningLoop !== null || (rt.ambientLoop !== null && rt.ambientLoop._inStep())) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  let coro: unknown = main;
  if (typeof main === "function") coro = lazyCall(main, []);
  else if (!isCoroutine(main) && !(main !== null && typeof main === "object" && typeof (main as { then?: unknown }).then === "function")) {
    throw new TypeError(`run(): a coroutine, coroutine function or awaitable was expected, got ${describeValue(main)}`);
  }
  return runChecked<T>(coro, options);
}

async function runChecked<T>(coro: unknown, options: RunOptions): Promise<T> {
  const loop = new EventLoop({ debug: options.debug === true });
  setEventLoop(loop);
  try {
    const task = loop.createTask(coro as Coroutine<T>);
    return await loop.runUntilComplete<T>(task as unknown);
  } finally {
    try {
      await cancelAllTasks(loop);
      // asyncio.run's shutdown then runs two more coroutines to completion, each as a task
      // (async generators, default executor; aionode has neither, so they return at once). As in
      // asyncio, they take the next two Task-N names, and what is still pending (tasks created
      // while the others were cancelled, their callbacks) gets the iterations those runs take.
      await loop.runUntilComplete(genCoroutine(shutdownAsyncgens, []));
      await loop.runUntilComplete(genCoroutine(shutdownDefaultExecutor, []));
    } finally {
      setEventLoop(null);
      loop.close();
    }
  }
}

async function cancelAllTasks(loop: EventLoop): Promise<void> {
  // Plain code (a Node handler, no task) awaiting a future of this loop is cancelled as well, as
  // its asyncio twin, a task, would be: its await throws CancelledError once the loop runs the
  // future's callbacks (below, or in the shutdown runs after this).
  for (const r of [...loop._plainAwaits]) r.fut!.cancel();
  const toCancel = allTasks(loop);
  if (toCancel.size === 0) return;
  for (const t of toCancel) t.cancel();
  await loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
  for (const t of toCancel as Set<Task<unknown>>) {
    if (t.cancelled()) continue;
    if (t._failed) {
      const exc = t._retrieveException();
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception: exc,
        task: t,
      });
    }
  }
}
