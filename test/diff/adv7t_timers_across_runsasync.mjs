import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Timers across run_until_complete() / run_forever() runs of one loop: a timer scheduled in one
// run and due after it ended fires in a later run (or its wake-up runs there); a timer cancelled
// while the loop is stopped; callbacks a timer queued in the iteration the run stopped in run
// first in the next run; a sleep started in one run and completed in the next; stop() from a
// timer lets the rest of its batch run; loop.time() keeps going up between runs; timers
// scheduled on a stopped loop; a timer stopping run_until_complete() before its future is done
// (the sleep goes on in the next run); reprs and when() of them all. Deadlines 300 ms apart or more.
const loop = aio.newEventLoop();
const out = [];
const H = {};
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const r = (h) => String(h).replace(/when=[-0-9.e+inf]+/, "when=W");
function rec(name) {
  out.push(name);
}
function flush(label) {
  print(label, out);
  out.length = 0;
}

const t0 = loop.time();
print("-- timers scheduled before any run");
H.early = loop.callLater(0.3, rec, "early");
H["cancelled-before"] = loop.callLater(0.0, rec, "cancelled-before");
H["cancelled-before"].cancel();
H.past = loop.callAt(-1.0, rec, "past");
print(["early", "cancelled-before", "past"].map((k) => r(H[k])));
print("early when - t0 in [0.3, 0.5]", 0.3 <= H.early.when() - t0 && H.early.when() - t0 < 0.5);

print("-- run 1: completes at once; the due 'past' timer runs, 'early' does not");
const quick = aio.coroutine(async function quick() {
  rec("quick");
  return "q";
});
print(await loop.runUntilComplete(quick()));
flush("run1");
print("early", r(H.early), "time went up", loop.time() >= t0);

print("-- run 2: a sleep long enough that 'early' fires");
const slow = aio.coroutine(async function slow() {
  rec("slow start");
  const r_ = await aio.sleep(0.6, "slow");
  rec("slow end");
  return r_;
});
print(await loop.runUntilComplete(slow()));
flush("run2");
print("early after", r(H.early), H.early.cancelled());

print("-- cancelled while stopped");
H.mid = loop.callLater(0.3, rec, "mid");
H.keep = loop.callLater(0.6, rec, "keep");
H.mid.cancel();
print(r(H.mid), r(H.keep));
print(await loop.runUntilComplete(aio.sleep(0.9, "r3")));
flush("run3");

print("-- a task sleeping across runs");
const longSleeper = aio.coroutine(async function long_sleeper() {
  rec("ls start");
  const v = await aio.sleep(0.6, "ls-res");
  rec("ls woke " + v);
  await aio.sleep(0);
  rec("ls end");
  return v;
});
const t = loop.createTask(longSleeper());
print(await loop.runUntilComplete(aio.sleep(0, "short")));
flush("run4");
print("task done", t.done());
block(0.9); // the sleep's deadline passes while no run is going
print("after block, task done", t.done());
print(await loop.runUntilComplete(t));
flush("run5");

print("-- stop() from a timer: the rest of its batch runs, what they queue runs in the next run");
function stopper() {
  rec("stopper");
  loop.stop();
  loop.callSoon(rec, "soon-from-stopper");
}
const base = loop.time();
loop.callAt(base + 0.3, rec, "b1");
loop.callAt(base + 0.6, stopper);
loop.callAt(base + 0.9, rec, "b3");
loop.callAt(base + 1.2, () => { rec("b4"); loop.callSoon(rec, "soon-from-b4"); });
H.b5 = loop.callAt(base + 30.0, rec, "b5");
loop.callSoon(block, 1.5);
await loop.runForever();
flush("run6");
print("b5 pending", r(H.b5));
print(await loop.runUntilComplete(quick()));
flush("run7");

print("-- stop() before run_forever: one iteration, due timers included");
loop.callAt(-1.0, rec, "past-timer");
loop.callSoon(rec, "soon");
H.later = loop.callLater(0.3, rec, "later");
loop.stop();
await loop.runForever();
flush("run8");
block(0.6);
loop.stop();
await loop.runForever();
flush("run9");
H.b5.cancel();

print("-- a timer stops the loop before the future completed; the sleep ends in a later run");
loop.callLater(0.3, () => loop.stop());
const t2 = loop.createTask(aio.sleep(0.6, "late"));
try {
  await loop.runUntilComplete(t2);
} catch (e) {
  print(repr(e), t2.done());
}
print(await loop.runUntilComplete(t2));
loop.callLater(0.3, () => loop.stop());
try {
  await loop.runUntilComplete(aio.sleep(0.6, "c"));
} catch (e) {
  print(repr(e));
}
const left = [...aio.allTasks(loop)];
print(left.map((x) => r(x).split(" coro=")[0]));
print(await loop.runUntilComplete(aio.gather(...left)));

print("-- time() monotonic across runs");
const readings = [loop.time()];
for (let i = 0; i < 3; i++) {
  await loop.runUntilComplete(aio.sleep(0.01));
  readings.push(loop.time());
}
print("non-decreasing", readings.every((a, i) => i === 0 || readings[i - 1] <= a));
loop.close();
print("closed; reprs", r(H.b5), r(H.later));
try {
  loop.callLater(1, rec, "x");
} catch (e) {
  print("call_later on closed:", repr(e));
}
try {
  loop.callAt(1, rec, "x");
} catch (e) {
  print("call_at on closed:", repr(e));
}
print(loop.time() >= readings[readings.length - 1]);
