import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Work scheduled on a stopped loop between runs, in every way, runs at the next run in one
// order: call_soon and call_soon_threadsafe (same queue, FIFO together), done callbacks of a
// future completed between runs (queued at set_result, or at add_done_callback when it is
// already done), a task's first step (queued at create_task), a task's wake-up (a future it
// waits on completed between runs), then the timers already due (call_later(0), call_at in the
// past, in deadline order) after everything queued before the run; handles cancelled between
// runs are skipped, a timer cancelled and rescheduled takes its new place; what the stopping
// iteration queued comes before what was queued between runs; call_soon_threadsafe from another
// loop's callback and from a task of that loop; the handles' reprs and cancelled() flags.
const loop = aio.newEventLoop();
const other = aio.newEventLoop();

function log(...args) {
  print("  ", ...args);
}
async function run(label) {
  print("run:", label);
  loop.callSoon(() => loop.stop());
  await loop.runForever();
}

print("-- 1 the plain queue");
const hs = [];
hs.push(loop.callSoon(log, "soon 1"));
hs.push(loop.callSoonThreadsafe(log, "threadsafe 2"));
hs.push(loop.callSoon(log, "soon 3 (cancelled)"));
hs.push(loop.callSoonThreadsafe(log, "threadsafe 4 (cancelled)"));
hs.push(loop.callSoon(log, "soon 5"));
hs[2].cancel();
hs[3].cancel();
for (const h of hs) print(String(h), h.cancelled());
await run("plain");
for (const h of hs) print(String(h), h.cancelled());

print("-- 2 timers, futures and tasks between runs");
const now = loop.time();
loop.callLater(0, log, "later(0)");
loop.callAt(now - 0.5, log, "at -0.5");
const tc = loop.callAt(now - 0.7, log, "at -0.7 (cancelled, rescheduled at -0.1)");
tc.cancel();
loop.callAt(now - 0.1, log, "at -0.1 (rescheduled)");
loop.callSoon(log, "soon a");
const f = loop.createFuture();
f.addDoneCallback((fut) => log("f done callback 1:", fut.result()));
loop.callSoon(log, "soon b");
f.setResult("F");
loop.callSoonThreadsafe(log, "threadsafe c");
f.addDoneCallback((fut) => log("f done callback 2 (added when done)"));
const gate = loop.createFuture();
const waiter = aio.coroutine(function* waiter() {
  log("waiter first step");
  const v = yield* gate;
  log("waiter woke:", v);
  return v;
});
const starter = aio.coroutine(function* starter() {
  log("starter first step");
  return "started";
});
const w = loop.createTask(waiter(), { name: "waiter" });
loop.callSoon(log, "soon d");
await run("first pass: the waiter blocks on gate");
gate.setResult("G");
loop.callSoon(log, "soon e (after gate.set_result)");
const t = loop.createTask(starter(), { name: "starter" });
loop.callSoonThreadsafe(log, "threadsafe f");
loop.callAt(now - 1, log, "at -1 (oldest deadline, queued last)");
await run("second pass");
print(String(w));
print(String(t));

print("-- 3 the stopping iteration's work comes first");
function stopper() {
  log("stopper stops and queues three");
  loop.stop();
  loop.callSoon(log, "queued by the stopper");
  loop.callSoonThreadsafe(log, "threadsafe by the stopper");
  loop.callAt(loop.time() - 5, log, "timer -5 by the stopper");
}
loop.callSoon(stopper);
await loop.runForever();
loop.callSoon(log, "queued between runs");
loop.callAt(loop.time() - 9, log, "timer -9 between runs");
await run("next");

print("-- 4 from another loop");
const other_task = aio.coroutine(function* other_task() {
  log("other's task queues on loop");
  loop.callSoonThreadsafe(log, "threadsafe from other's task");
  yield* aio.sleep(0);
  loop.callSoon(log, "soon from other's task, second step");
  return "other done";
});
other.callSoon((...a) => loop.callSoonThreadsafe(...a), log, "threadsafe from other's callback");
other.callSoon((...a) => loop.callSoon(...a), log, "soon from other's callback");
print("other:", await other.runUntilComplete(other_task()));
loop.callSoon(log, "soon from outside");
await run("loop gets other's work");

print("-- 5 closed");
loop.close();
for (const how of ["callSoon", "callSoonThreadsafe"]) {
  try {
    loop[how](log, "never");
  } catch (e) {
    print(how === "callSoon" ? "call_soon" : "call_soon_threadsafe", "raised", e.message);
  }
}
other.close();
