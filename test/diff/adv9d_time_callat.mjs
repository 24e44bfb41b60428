import * as aio from "aionode";
import { print, pyFloat } from "./pyfmt.mjs";

// loop.time() arithmetic with call_at across runs: deadlines computed from one reading t0 before
// any run (their when() is exactly the value given, call_later's lies between the readings taken
// around the call), fired in deadline order whatever the scheduling order, each seeing
// loop.time() >= its when(); a run stopped by a call_at timer leaves the later deadlines for the
// next run; a fixed-rate timer rescheduling itself at when() + 0.3; deadlines that passed during a
// blocking wait between runs fire in the next run's first iteration, in deadline order, behind
// the callbacks queued before it; call_at of another handle's when() minus a little, and
// call_later with a delay computed from a deadline; tasks sleeping until absolute deadlines and
// timeout_at() from the same arithmetic. Deadlines are 300 ms apart or more.
const loop = aio.newEventLoop();

function log(...args) {
  print("  ", ...args);
}
function fired(tag, h) {
  log(tag, "fired; time >= when:", loop.time() >= h[0].when());
}
function blocking(seconds) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end);
}
// Python's "%s" % 0.3
const fmt = (x) => pyFloat(x);

const t0 = loop.time();
print("-- 1 deadlines from one reading, scheduled out of order");
const H = new Map();
for (const off of [0.9, 0.3, 1.5, 0.6]) {
  const box = [];
  box.push(loop.callAt(t0 + off, fired, `t0+${fmt(off)}`, box));
  H.set(off, box[0]);
}
print("when() exact:", [...H].every(([off, h]) => h.when() === t0 + off));
const before = loop.time();
const box = [];
box.push(loop.callLater(1.2, fired, "later(1.2)", box));
const after = loop.time();
H.set(1.2, box[0]);
print("call_later when() between the readings:", before + 1.2 <= H.get(1.2).when() && H.get(1.2).when() <= after + 1.2);
const stop = () => loop.stop();
const stop_h = loop.callAt(t0 + 1.05, stop);
print("sorted by when():", [...H].sort((a, b) => a[1].when() - b[1].when()).map(([off]) => off));
await loop.runForever();
print("after the first run: later ones pending:", [...H.keys()].sort((a, b) => a - b).filter((off) => H.get(off).when() > stop_h.when()));
print("time past the stop deadline:", loop.time() >= stop_h.when());
loop.callAt(t0 + 1.8, stop);
await loop.runForever();

print("-- 2 a fixed-rate timer");
let count = 0;
function rate(prev_when) {
  count += 1;
  const now = loop.time();
  log("rate", count, "late or on time:", now >= prev_when);
  if (count < 4) loop.callAt(prev_when + 0.3, rate, prev_when + 0.3);
  else loop.stop();
}
const start = loop.time() + 0.3;
loop.callAt(start, rate, start);
await loop.runForever();
print("four ticks took at least 0.9 s:", loop.time() - start >= 0.9);

print("-- 3 deadlines passing during a blocking wait between runs");
const t1 = loop.time();
loop.callAt(t1 + 0.3, log, "t1+0.3");
loop.callAt(t1 + 0.1, log, "t1+0.1");
loop.callLater(0.2, log, "later(0.2)");
loop.callAt(t1 + 5, log, "never: t1+5");
loop.callSoon(log, "queued before the wait");
blocking(0.5);
loop.callSoon(log, "queued after the wait");
print("all three overdue:", loop.time() > t1 + 0.3);
function first_iteration() {
  log("first iteration's callback queues the stop");
  loop.callSoon(stop);
}
loop.callSoon(first_iteration);
await loop.runForever();

print("-- 4 call_at from another handle's when()");
const t2 = loop.time();
const ref = loop.callAt(t2 + 0.6, log, "ref at t2+0.6");
loop.callAt(ref.when() - 0.3, log, "ref.when() - 0.3");
loop.callLater(ref.when() - loop.time() + 0.3, log, "later(ref.when() - time() + 0.3)");
loop.callAt(ref.when() + 0.6, stop);
await loop.runForever();
print("ref fired, time past it:", loop.time() > ref.when());

const until = aio.coroutine(function* until(when, tag) {
  yield* aio.sleep(when - loop.time());
  log(tag, "woke; time >= when:", loop.time() >= when);
  return tag;
});
const main = aio.coroutine(function* main() {
  const t3 = loop.time();
  const a = aio.createTask(until(t3 + 0.6, "a"));
  const b = aio.createTask(until(t3 + 0.3, "b"));
  try {
    yield* aio.timeoutAt(t3 + 0.9, function* body(cm) {
      log("timeout_at when() exact:", cm.when() === t3 + 0.9);
      yield* aio.sleep(5);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log("timed out; time >= deadline:", loop.time() >= t3 + 0.9);
  }
  return yield* aio.gather(a, b);
});

print("-- 5 tasks sleeping until deadlines, and timeout_at");
print(await loop.runUntilComplete(main()));
loop.close();
