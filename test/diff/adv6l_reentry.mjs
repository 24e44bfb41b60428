import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Re-entrant and cross-loop runs refused from every place code runs in a loop: a callback, a
// timer, a future's done callback, a task step (before and after an await), the exception
// handler; run_forever, run_until_complete (of a future, a coroutine, a task: the refused
// coroutine is never wrapped, so no task name is used up), close(), and the same on another loop
// (which stays usable and runs later). The loop goes on after each refusal, and what the refused
// calls were given is untouched.
const loop = aio.newEventLoop();
const other = aio.newEventLoop();
const seen = [];
const s = (x) => String(x);
class ValueError extends Error {
  name = "ValueError";
}

function attempt(where, label, fn) {
  try {
    fn();
    print("  ", where, label, "ok?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  ", where, label, "->", e.name, e.message);
  }
}

const never = aio.coroutine(function* never() {
  seen.push("never: a refused coroutine ran");
});

function probe(where) {
  attempt(where, "run_forever", () => loop.runForever());
  const f = loop.createFuture();
  attempt(where, "ruc(future)", () => loop.runUntilComplete(f));
  attempt(where, "ruc(coroutine)", () => loop.runUntilComplete(never()));
  attempt(where, "close", () => loop.close());
  attempt(where, "other.run_forever", () => other.runForever());
  attempt(where, "other.ruc(coroutine)", () => other.runUntilComplete(never()));
  print("  ", where, "f:", s(f), "| loop running:", loop.isRunning(), "closed:", loop.isClosed(), "| other running:", other.isRunning(), "closed:", other.isClosed());
}

loop.setExceptionHandler(() => probe("handler"));
function boom() {
  throw new ValueError("boom");
}

const taskBody = aio.coroutine(function* task_body() {
  probe("task step 1");
  yield* aio.sleep(0);
  probe("task step 2");
  const t = aio.currentTask();
  attempt("task step 2", "ruc(itself)", () => loop.runUntilComplete(t));
  return "task result";
});

print("-- callbacks");
loop.callSoon(probe, "callback");
loop.callAt(-1.0, probe, "timer");
const fut = loop.createFuture();
fut.addDoneCallback(() => probe("done callback"));
loop.callSoon((v) => fut.setResult(v), 1);
loop.callSoon(boom);
loop.callLater(0.2, () => loop.stop());
await loop.runForever();
print("-- a task");
print("result", await loop.runUntilComplete(taskBody()));
const t = loop.createTask(taskBody());
print("next task name:", t.getName());
t.cancel();
try {
  await loop.runUntilComplete(t);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("cancelled before it started:", s(t));
}
print("-- the other loop still works");
other.callSoon(print, "   other runs");
other.callSoon(() => other.stop());
await other.runForever();
print("seen:", seen);

const aTaskOnOther = aio.coroutine(function* a_task_on_other() {
  probe("task of the other loop");
  return aio.getRunningLoop() === other;
});
print("other result:", await other.runUntilComplete(aTaskOnOther()));
other.close();
loop.close();
print("closed:", loop.isClosed(), other.isClosed());
