import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Life-cycle calls made from inside a running loop, from every kind of entry (a callback, a
// timer, a future's done callback, a task step, the exception handler called for a failing
// callback, a task's done callback): run_forever / run_until_complete of the running loop and of
// an idle one, close() of the running loop (refused) and of an idle one (allowed: its pending
// work never runs), asyncio.run() (refused, its coroutine never runs); the errors' types and
// messages, is_running() / is_closed() seen there, and the loop carrying on with the rest of the
// iteration and the next ones; then, once the run is over, close() succeeds, and a second close()
// is harmless.
const loop = aio.newEventLoop();
const idle = Array.from({ length: 6 }, () => aio.newEventLoop());
const ValueError = errorClass("ValueError");

function log(...args) {
  print("  ", ...args);
}
function attempt(tag, fn) {
  try {
    fn();
    log(tag, "-> ok");
  } catch (e) {
    if (e.name !== "RuntimeError") throw e;
    log(tag, "-> RuntimeError", e.message);
  }
}
const never = aio.coroutine(async function never(tag) {
  log("never runs:", tag);
});
function probe(where, k) {
  const other = idle[k];
  log(where, "| running", loop.isRunning(), "closed", loop.isClosed());
  attempt("run_forever", () => loop.runForever());
  let c = never("run_until_complete " + where);
  attempt("run_until_complete", () => loop.runUntilComplete(c));
  attempt("close", () => loop.close());
  c = never("asyncio.run " + where);
  attempt("asyncio.run", () => aio.run(c));
  attempt("idle.run_forever", () => other.runForever());
  other.callSoon(log, "never: queued on the idle loop");
  attempt("idle.close", () => other.close());
  log("idle closed", other.isClosed(), "| loop running", loop.isRunning(), "closed", loop.isClosed());
}
function handler(lp, ctx) {
  probe("exception handler", 4);
}
function failing() {
  log("failing callback raises");
  throw new ValueError("x");
}
const task_step = aio.coroutine(async function task_step() {
  probe("task step", 3);
  await aio.sleep(0);
  log("task goes on");
  return "task result";
});

print("-- from each kind of entry");
loop.setExceptionHandler(handler);
loop.callSoon(probe, "callback", 0);
loop.callAt(loop.time() - 1, probe, "timer", 1);
const f = loop.createFuture();
f.addDoneCallback((fut) => probe("done callback", 2));
loop.callSoon((v) => f.setResult(v), null);
const t = loop.createTask(task_step(), { name: "t" });
loop.callSoon(failing);
t.addDoneCallback((task) => probe("task done callback", 5));
loop.callSoon(log, "the iteration goes on");
print("result:", await loop.runUntilComplete(t));
loop.callSoon(log, "the next run works");
loop.callSoon(() => loop.stop());
await loop.runForever();
print("-- after the runs");
loop.close();
loop.close();
print("closed", loop.isClosed(), idle.map((lp) => lp.isClosed()));
