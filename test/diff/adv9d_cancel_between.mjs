import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Tasks cancelled while their loop is stopped, at every point a run can leave them: not started;
// waiting on a future (also one completed between runs, so the wake-up is already queued:
// the cancellation then lands in place of the value); sleeping (the timer is dropped when the
// task resumes); relinquishing in sleep(0) (the step queued); done. A second cancel() between
// runs (its message wins only when the first one could not cancel the awaited future), uncancel()
// between runs, cancel() and then the awaited future completed between runs; the reprs, the
// cancelling() counts and the messages the coroutines see, and the tasks that catch the
// cancellation and go on awaiting in the next run. Each run is one run_until_complete of a gather.
const loop = aio.newEventLoop();

function log(...args) {
  print("  ", ...args);
}
const isCancel = (e) => e instanceof aio.CancelledError;
const waits_on = aio.coroutine(function* waits_on(fut, tag, resist = false) {
  log(tag, "waits");
  try {
    const v = yield* fut;
    log(tag, "got", v);
    return v;
  } catch (e) {
    if (!isCancel(e)) throw e;
    log(tag, "cancelled with", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    if (!resist) throw e;
  }
  log(tag, "resists and sleeps(0)");
  yield* aio.sleep(0);
  log(tag, "after the resisting sleep, cancelling", aio.currentTask().cancelling());
  return tag + " resisted";
});
const sleeper = aio.coroutine(function* sleeper(tag, d) {
  log(tag, "sleeps", d);
  try {
    yield* aio.sleep(d);
  } catch (e) {
    if (!isCancel(e)) throw e;
    log(tag, "sleep cancelled with", repr(str(e)));
    throw e;
  }
  return tag;
});
const yielder = aio.coroutine(function* yielder(tag) {
  log(tag, "sleep(0) 1");
  yield* aio.sleep(0);
  log(tag, "sleep(0) 2");
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    log(tag, "cancelled in sleep(0) with", repr(str(e)));
    throw e;
  }
  return tag;
});
function outcome(t) {
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return "failed " + repr(t.exception());
  return "result " + repr(t.result());
}
function stop_soon() {
  loop.callSoon(() => loop.stop());
}
async function run(label, ...tasks) {
  print("run:", label);
  await loop.runForever();
  for (const t of tasks) print("  ", t.getName(), t.done() ? "done" : "pending", String(t));
}

const fa = loop.createFuture();
const fb = loop.createFuture();
const fc = loop.createFuture();
const fd = loop.createFuture();
const T = {
  fresh: loop.createTask(waits_on(fa, "fresh"), { name: "fresh" }),
  on_fb: loop.createTask(waits_on(fb, "on_fb"), { name: "on_fb" }),
  woken: loop.createTask(waits_on(fc, "woken"), { name: "woken" }),
  twice: loop.createTask(waits_on(fd, "twice", true), { name: "twice" }),
  sleeper: loop.createTask(sleeper("sleeper", 30), { name: "sleeper" }),
  yielder: loop.createTask(yielder("yielder"), { name: "yielder" }),
};
print("-- first run: every task reaches its first await");
T.fresh.cancel("fresh before start");
loop.callSoon(stop_soon);
await run("first", ...Object.values(T));

print("-- between runs");
print("fresh: cancel again ->", T.fresh.cancel("too late"));
print("on_fb: cancel ->", T.on_fb.cancel("on_fb msg"), "cancelling", T.on_fb.cancelling());
fc.setResult("fc value");
print("woken: fc set, then cancel ->", T.woken.cancel("woken msg"), "cancelling", T.woken.cancelling());
print("twice: cancel ->", T.twice.cancel("first msg"), T.twice.cancel("second msg"), "cancelling", T.twice.cancelling());
print("twice: uncancel ->", T.twice.uncancel(), "cancelling", T.twice.cancelling());
print("sleeper: cancel ->", T.sleeper.cancel("wake up"), "cancelling", T.sleeper.cancelling());
print("yielder: cancel ->", T.yielder.cancel("in sleep(0)"), "cancelling", T.yielder.cancelling());
for (const [k, t] of Object.entries(T)) print("  ", k, String(t));
try {
  fb.setResult("fb value after cancel");
} catch (e) {
  if (!(e instanceof aio.InvalidStateError)) throw e;
  print("fb.set_result raised InvalidStateError; fb", String(fb));
}
loop.callSoon(stop_soon);
await run("second", ...Object.values(T));

print("-- the rest");
const res = await loop.runUntilComplete(aio.gather(...Object.values(T), { returnExceptions: true }));
print("gather:", res.map((r) => (r instanceof Error ? r.name + " " + str(r) : r)));
for (const [k, t] of Object.entries(T)) print("  ", k, outcome(t), "cancelling", t.cancelling());
print("cancel a done task ->", T.twice.cancel("after"), T.fresh.cancel());
loop.close();
