import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// What run()'s shutdown reports through the handler set inside main(): tasks left pending that
// raise when cancelled ('unhandled exception during asyncio.run() shutdown', keys
// exception/message/task, once each: the shutdown retrieved them), one that raises an empty
// exception, one that turns the cancellation into a normal return (nothing), one that swallows
// it and then fails later; failing callbacks scheduled during the shutdown; a failing done
// callback on a pending task; a task spawned during the shutdown that fails (never retrieved);
// a task that failed before main returned (never retrieved). Reports are sorted.
const reports = [];
// a cut task repr ends in the source location of its coroutine (in asyncio): keep its head only
const stable = (s) => s.replace(/\(<Task (\w+)\.\.\..*\)$/, "(<Task $1...>)");

function handler(loop, ctx) {
  const exc = ctx.exception;
  const t = ctx.task ?? ctx.future;
  reports.push(tuple(stable(ctx.message), Object.keys(ctx).sort(), exc.name, exc.message, t instanceof aio.Task ? t.getName() : ctx.handle.constructor.name));
}

const AppError = errorClass("AppError");
const fails = aio.coroutine(function* fails(msg) {
  yield* aio.sleep(0);
  throw new AppError(msg);
});
function boom(tag) {
  throw new AppError("callback " + tag);
}
const raisesOnCancel = aio.coroutine(function* raises_on_cancel(msg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) throw new AppError(msg);
    throw e;
  }
});
const returnsOnCancel = aio.coroutine(function* returns_on_cancel() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) return "returned";
    throw e;
  }
});
const swallowsThenFails = aio.coroutine(function* swallows_then_fails() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
  }
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  throw new AppError("failed after swallowing");
});
const schedulesOnCancel = aio.coroutine(function* schedules_on_cancel() {
  const lp = aio.getRunningLoop();
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      lp.callSoon(boom, "soon during shutdown");
      lp.callLater(0, boom, "later during shutdown");
      lp.createTask(fails("spawned during shutdown"), { name: "spawned" });
    }
    throw e;
  }
});
function done_boom(t) {
  throw new AppError("done callback of " + t.getName());
}

// a few loop iterations, independent of the machine's speed
const settle = aio.coroutine(function* settle(n = 12) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const main = aio.coroutine(function* main() {
  const lp = aio.getRunningLoop();
  lp.setExceptionHandler(handler);
  lp.createTask(fails("failed early"), { name: "early" });
  lp.createTask(raisesOnCancel("raised on cancel"), { name: "roc" });
  lp.createTask(raisesOnCancel(""), { name: "roc-empty" });
  lp.createTask(returnsOnCancel(), { name: "ret" });
  lp.createTask(swallowsThenFails(), { name: "swallow" });
  lp.createTask(schedulesOnCancel(), { name: "sched" });
  const t = lp.createTask(aio.sleep(10), { name: "with-cb" });
  t.addDoneCallback(done_boom);
  yield* settle();
  print("main returns");
  return "main result";
});

print("run ->", await aio.run(main));
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
