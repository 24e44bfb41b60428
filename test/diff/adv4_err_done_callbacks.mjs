import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Failing done callbacks of futures, tasks, gather() and shield() outers: the handler's context
// (keys, the message with the shortened repr of the future or task, the exception), a callback
// added twice, a callback added after completion, one raising CancelledError, one failing on the
// main task (runUntilComplete returns, the callback still runs and is reported), a callback
// removed before completion, and the handler called from inside the loop in task order.
const loop = aio.newEventLoop();

function handler(lp, ctx) {
  const exc = ctx.exception;
  const h = ctx.handle;
  print("H |", ctx.message, "|", Object.keys(ctx).sort(), "|", exc.name, repr(exc.message), "|", h.constructor.name, h.cancelled());
}
loop.setExceptionHandler(handler);

const AppError = errorClass("AppError");
const ValueError = errorClass("ValueError");
function boom(fut) {
  throw new AppError(`cb saw done=${fut.done() ? "True" : "False"}`);
}
function boom_result(fut) {
  return fut.result();
}
function boom_cancel(fut) {
  throw new aio.CancelledError("from a done callback");
}
function fine(fut) {
  print("fine callback, cancelled", fut.cancelled());
}
const work = aio.coroutine(function* work(v, ticks = 1) {
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  return v;
});
const fails = aio.coroutine(function* fails(msg, ticks = 1) {
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  throw new ValueError(msg);
});

const main = aio.coroutine(function* main() {
  print("-- futures");
  const f1 = loop.createFuture();
  f1.addDoneCallback(boom);
  f1.addDoneCallback(fine);
  f1.addDoneCallback(boom);
  f1.setResult("a result that is quite long");
  yield* aio.sleep(0);
  const f2 = loop.createFuture();
  f2.setException(new AppError("stored"));
  f2.addDoneCallback(boom_result);
  f2.addDoneCallback(boom_cancel);
  yield* aio.sleep(0);
  const f3 = loop.createFuture();
  f3.addDoneCallback(boom);
  f3.addDoneCallback(fine);
  print("removed", f3.removeDoneCallback(boom));
  f3.cancel("msg");
  yield* aio.sleep(0);
  print("-- tasks");
  const t1 = aio.createTask(work("task result string long"), { name: "t1" });
  t1.addDoneCallback(boom);
  const t2 = aio.createTask(fails("task failed with long text"), { name: "t2" });
  t2.addDoneCallback(boom_result);
  yield* aio.sleep(0);
  print("before completion");
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("t2 exception", repr(t2.exception()));
  print("-- gather and shield outers");
  const g = aio.gather(work(1), work("two", 2));
  g.addDoneCallback(boom);
  print("gather ->", yield* g);
  const inner = aio.createTask(work("shielded value, long enough"));
  const s = aio.shield(inner);
  s.addDoneCallback(boom_result);
  s.addDoneCallback(boom);
  print("shield ->", yield* s);
  yield* aio.sleep(0);
  print("-- the main task");
  aio.currentTask().addDoneCallback(boom);
  return "main result value, long text";
});

print("run_until_complete ->", await loop.runUntilComplete(main()));
print("after run_until_complete");
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
print("closed");
