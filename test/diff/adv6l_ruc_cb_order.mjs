import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Where run_until_complete()'s own done callback (_run_until_complete_cb, which stops the loop)
// sits among the awaited future's done callbacks: after those added before the run, before
// those added during it (by a callback, by the task itself via current_task(), by another
// task); all of them run in the iteration that completes the future, also the ones after the
// stop; what they schedule runs only in the next run (before that run's own work); a done
// callback that raises in that iteration; a done callback added after the run returned is
// scheduled at once and runs at the start of the next run.
const loop = aio.newEventLoop();
class ValueError extends Error {
  name = "ValueError";
}
class LookupError extends Error {
  name = "LookupError";
}
const log = (...args) => print("  ", ...args);
loop.setExceptionHandler((lp, ctx) => log("handler:", ctx.exception.name, ctx.exception.message));

function cb(tag) {
  return function done(fut) {
    log("done callback", tag, "| running:", loop.isRunning());
    loop.callSoon(log, "scheduled by", tag);
  };
}
function bad(fut) {
  throw new ValueError("done callback failed");
}
async function ruc(label, aw) {
  print("run_until_complete:", label);
  try {
    print("   ->", repr(await loop.runUntilComplete(aw)));
  } catch (e) {
    print("   raised", e.name, repr(e.message));
  }
}
async function runForever() {
  print("run_forever");
  await loop.runForever();
}
const stop = () => loop.stop();

print("-- 1 a future");
const f = loop.createFuture();
f.addDoneCallback(cb("before-1"));
f.addDoneCallback(bad);
f.addDoneCallback(cb("before-2"));
loop.callSoon(function during() {
  f.addDoneCallback(cb("during"));
  loop.callSoon((v) => f.setResult(v), "F");
});
await ruc("f", f);
loop.callSoon(log, "queued between runs");
f.addDoneCallback(cb("after the run"));
loop.callSoon(stop);
await runForever();

const selfAware = aio.coroutine(function* self_aware(n) {
  const me = aio.currentTask();
  me.addDoneCallback(cb("added by the task itself"));
  yield* aio.sleep(0);
  log("task finishing");
  return n;
});
const adder = aio.coroutine(function* adder(t) {
  t.addDoneCallback(cb("added by another task"));
  log("adder added its callback");
});

print("-- 2 a coroutine");
const c = selfAware(7);
loop.callSoon(log, "first callback of the run");
await ruc("self_aware", c);
loop.callSoon(stop);
await runForever();

print("-- 3 a task with callbacks from everywhere");
const t = loop.createTask(selfAware(8));
t.addDoneCallback(cb("before the run"));
loop.createTask(adder(t));
await ruc("task", t);
loop.callSoon(stop);
await runForever();

print("-- 4 a failing task");
const failing = aio.coroutine(function* failing() {
  aio.currentTask().addDoneCallback(cb("failing's own"));
  yield* aio.sleep(0);
  throw new LookupError("task failed");
});
await ruc("failing", failing());
loop.callSoon(stop);
await runForever();
loop.close();
