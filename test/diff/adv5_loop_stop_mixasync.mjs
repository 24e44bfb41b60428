import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// stop() from tasks and from every other place, with run_forever() and run_until_complete()
// alternating: a task that stops the loop and goes on to its next await (its next step waits for
// the next run), stops and then raises (the run returns and run_until_complete raises the
// task's error), stops and awaits a done future (no suspension: it runs on in the same step);
// stop() from a task's done callback, from the exception handler called by a task, from the
// exception handler called outside the loop (the next run stops after one iteration), twice
// before a run, and from a callback queued after the one that completes the awaited future.
const loop = aio.newEventLoop();
const ValueError = errorClass("ValueError");
function log(...args) {
  print("  ", ...args);
}
async function run(label) {
  print("run_forever", label);
  await loop.runForever();
  print("  returned");
}
async function ruc(label, aw) {
  print("run_until_complete", label);
  try {
    print("  ->", repr(await loop.runUntilComplete(aw)));
  } catch (e) {
    print("  raised", e.name, repr(str(e)));
  }
}
function chain(tag, n) {
  log(tag, n);
  if (n > 0) loop.callSoon(chain, tag, n - 1);
}
const stop = () => loop.stop();

const stop_then_await = aio.coroutine(async function stop_then_await() {
  log("A: stop()");
  aio.getRunningLoop().stop();
  log("A: still in the same step");
  await aio.sleep(0);
  log("A: next step");
  await aio.sleep(0);
  log("A: last step");
  return "A done";
});
loop.callSoon(chain, "x", 3);
const a = loop.createTask(stop_then_await(), { name: "A" });
await run("1 (A stops it)");
await ruc("2 (A)", a);
loop.callSoon(stop);
await run("3");

const stop_then_raise = aio.coroutine(async function stop_then_raise() {
  log("B: stop() and raise");
  aio.getRunningLoop().stop();
  throw new ValueError("B failed");
});
await ruc("4 (B)", stop_then_raise());

const done = loop.createFuture();
done.setResult("ready");
const stop_then_done_future = aio.coroutine(async function stop_then_done_future() {
  log("C: stop()");
  aio.getRunningLoop().stop();
  const v = await done;
  log("C: awaited a done future without suspending:", v);
  await aio.sleep(0);
  log("C: after sleep(0)");
  return "C done";
});
await ruc("5 (C)", stop_then_done_future());
const c = [...aio.allTasks(loop)][0];
await ruc("6 (C again)", c);

const short = aio.coroutine(async function short(tag) {
  log(tag, "runs");
  return tag;
});
const d = loop.createTask(short("D"), { name: "D" });
d.addDoneCallback(() => {
  log("D's done callback stops the loop");
  loop.stop();
});
loop.callSoon(chain, "y", 3);
await run("7 (D's done callback)");

function handler(lp, ctx) {
  log("handler:", ctx.message, "-> stop()");
  lp.stop();
}
loop.setExceptionHandler(handler);
const reporter = aio.coroutine(async function reporter() {
  log("E: reports");
  aio.getRunningLoop().callExceptionHandler({ message: "from E" });
  log("E: after the report");
  await aio.sleep(0);
  log("E: next step");
});
const e = loop.createTask(reporter(), { name: "E" });
await run("8 (the handler, called by E)");
loop.callExceptionHandler({ message: "from outside the loop" });
loop.callSoon(chain, "z", 2);
await run("9 (stop() left by the handler)");
await ruc("10 (E)", e);

loop.stop();
loop.stop();
loop.callSoon(chain, "w", 2);
await run("11 (two stop() before the run)");
loop.callSoon(stop);
await run("12");

const f = loop.createFuture();
loop.callSoon((v) => f.setResult(v), "F");
loop.callSoon(stop);
loop.callSoon(log, "same iteration, after the stop");
await ruc("13 (completed and stopped in one iteration)", f);
loop.callSoon(chain, "v", 3);
await run("14 (the leftover done callback stops it)");
loop.callSoon(stop);
await run("15");
loop.close();
print("closed");
