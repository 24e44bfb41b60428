import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_runners.RunTests: test_asyncio_run_cancels_hanging_tasks,
// test_asyncio_run_reports_hanging_tasks_errors (the handler's context: message, keys, task,
// exception), test_asyncio_run_closes_gens_after_hanging_tasks_errors (main raising while a
// leftover fails on cancellation; the async generator part is left out: aionode has none),
// test_asyncio_run_without_uncancel (a main cancelled while waiting on an Event: run() raises
// CancelledError; here a callback cancels it instead of a KeyboardInterrupt), and the main
// cancelled by a subtask of test_interrupt_cancelled_task (without the signal).

const tasks = {};
const ZeroDivisionError = errorClass("ZeroDivisionError");
const FancyExit = errorClass("FancyExit");

function section(name) {
  print("==", name);
}

function handler(loop, ctx) {
  const t = ctx.task;
  print("  handler:", ctx.message, Object.keys(ctx).sort(), "task is leftover", t === tasks.lo,
    ctx.exception.name, ctx.exception.message);
}

const leftover = aio.coroutine(function* leftover() {
  yield* aio.sleep(0.5);
  print("  leftover never finishes its sleep");
});

const mainLeavesTask = aio.coroutine(function* main_leaves_task() {
  tasks.lo = aio.createTask(leftover());
  print("  main returns, leftover done", tasks.lo.done());
  return 123;
});

const leftoverFailsOnCancel = aio.coroutine(function* leftover_fails_on_cancel() {
  try {
    yield* aio.sleep(0.5);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  leftover cancelled, dividing by zero");
    throw new ZeroDivisionError("division by zero");
  }
});

const mainLeavesFailingTask = aio.coroutine(function* main_leaves_failing_task() {
  aio.getRunningLoop().setExceptionHandler(handler);
  tasks.lo = aio.createTask(leftoverFailsOnCancel());
  return 123;
});

const mainRaisesFancy = aio.coroutine(function* main_raises_fancy() {
  aio.getRunningLoop().setExceptionHandler(handler);
  tasks.lo = aio.createTask(leftoverFailsOnCancel());
  yield* aio.sleep(0);
  throw new FancyExit("fancy");
});

const mainWaitsEvent = aio.coroutine(function* main_waits_event() {
  const me = aio.currentTask();
  aio.getRunningLoop().callSoon(() => me.cancel());
  try {
    yield* new aio.Event().wait();
  } finally {
    print("  main finally, cancelling", me.cancelling());
  }
});

const subtask = aio.coroutine(function* subtask(task) {
  yield* aio.sleep(0);
  print("  subtask cancels main:", task.cancel());
});

const mainCancelledBySubtask = aio.coroutine(function* main_cancelled_by_subtask() {
  aio.createTask(subtask(aio.currentTask()));
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  main sees", e.name, repr(e.message));
    throw e;
  }
});

async function run(main) {
  try {
    print("  run ->", repr(await aio.run(main)));
  } catch (e) {
    print("  run raised", e.name, repr(e.message));
  }
}

async function main() {
  section("test_asyncio_run_cancels_hanging_tasks");
  await run(mainLeavesTask);
  let lo = tasks.lo;
  print("  leftover done", lo.done(), "cancelled", lo.cancelled());

  section("test_asyncio_run_reports_hanging_tasks_errors");
  await run(mainLeavesFailingTask);
  lo = tasks.lo;
  print("  leftover done", lo.done(), "cancelled", lo.cancelled(), lo.exception().name);

  section("test_asyncio_run_closes_gens_after_hanging_tasks_errors");
  await run(mainRaisesFancy);
  lo = tasks.lo;
  print("  leftover done", lo.done(), "cancelled", lo.cancelled());

  section("test_asyncio_run_without_uncancel");
  await run(mainWaitsEvent);

  section("test_interrupt_cancelled_task");
  await run(mainCancelledBySubtask);
}

await main();
