import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Timeouts and wait_for() across stops of the loop (run_until_complete() called again and
// again): reschedule() between two runs (no running loop: it stores the deadline, cancels the
// pending expiry, then raises RuntimeError), an expiry queued when the loop stops, deadlines that
// pass while the loop is stopped (all fire in the first iteration of the next run, in deadline
// order), and misuse once the blocks have ended.
const INF = Infinity;
const fr = (x) => (x === null ? "None" : x === INF ? "inf" : x === -INF ? "-inf" : Number.isInteger(x) ? x.toFixed(1) : String(x));
function block(s) {
  if (s > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);
}
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const h = {};
const log = [];

const victim = aio.coroutine(async function (name, make) {
  const me = aio.currentTask();
  let cm = null;
  try {
    await make(async function (c) {
      cm = c;
      h[name] = c;
      log.push(name + " entered");
      await aio.sleep(INF);
    });
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      log.push(`${name} TimeoutError cancelling ${me.cancelling()}`);
      return name + " timed out";
    }
    if (e instanceof aio.CancelledError) log.push(`${name} CancelledError ${repr(e.message)} cancelling ${me.cancelling()} expired ${cm.expired() ? "True" : "False"}`);
    throw e;
  }
});

const waiter = aio.coroutine(async function (name, to) {
  const me = aio.currentTask();
  try {
    await aio.waitFor(aio.sleep(INF), to);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log.push(`${name} wait_for TimeoutError cancelling ${me.cancelling()}`);
    return name + " timed out";
  }
});

async function run(aw) {
  const r = await loop.runUntilComplete(aw);
  print("  log", log);
  log.length = 0;
  return r;
}

function tryReschedule(cm, w, showWhen = true) {
  const when = () => (showWhen ? `, when ${fr(cm.when())}` : "");
  try {
    cm.reschedule(w);
    print(`  reschedule(${fr(w)}) ok${when()}`);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(`  reschedule(${fr(w)}) RuntimeError ${repr(e.message)}${when()}`);
  }
}

const setPast = aio.coroutine(async function (cm) {
  cm.reschedule(-INF);
});

print("-- reschedule() between two runs");
let t = loop.createTask(victim("a", (b) => aio.timeout(100, b)));
await run(aio.sleep(0));
let cm = h.a;
for (const w of [null, 5.0, -INF, 2.5, null, -1.0]) {
  tryReschedule(cm, w);
  print("   ", repr(cm), "expired", cm.expired());
}
await run(aio.sleep(0.01));
print("  after a run: done", t.done(), "expired", cm.expired(), repr(cm));
await run(setPast(cm));
print("  after set_past: done", t.done(), "expired", cm.expired(), repr(cm), "cancelling", t.cancelling());
await run(aio.sleep(0));
print("  ->", t.result(), repr(cm));
tryReschedule(cm, null);

print("-- an external cancel requested between two runs, and a failed reschedule()");
t = loop.createTask(victim("b", (b) => aio.timeout(INF, b)));
await run(aio.sleep(0));
print("  cancel ->", t.cancel("between runs"), "cancelling", t.cancelling());
tryReschedule(h.b, -INF);
try {
  await run(t);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("  b cancelled", repr(e.message), "cancelling", t.cancelling(), repr(h.b));
}

print("-- deadlines that pass while the loop is stopped");
const now = loop.time();
const tc = loop.createTask(victim("c", (b) => aio.timeoutAt(now + 0.05, b)));
loop.callAt(now + 0.08, (m) => log.push(m), "plain timer");
const td = loop.createTask(waiter("d", 0.11));
const te = loop.createTask(victim("e", (b) => aio.timeoutAt(now + 0.14, b)));
loop.callAt(now + 0.17, (m) => log.push(m), "late timer");
await run(aio.sleep(0));
block(now + 0.25 - loop.time());
print("  stopped past all deadlines: done", tc.done(), td.done(), te.done());
await run(aio.sleep(0));
await run(aio.sleep(0));
print("  ->", tc.result(), "|", td.result(), "|", te.result(), "| expired", h.c.expired(), h.e.expired());

print("-- the block is over: misuse");
for (const k of ["a", "c", "e"]) {
  tryReschedule(h[k], 1.0, false);
  print("   ", repr(h[k]), h[k].when() !== null);
}

print("-- a timeout whose expiry is queued when run_until_complete() returns");
const armAndFinish = aio.coroutine(async function (cm) {
  cm.reschedule(-INF);
  return "armed";
});
t = loop.createTask(victim("f", (b) => aio.timeout(INF, b)));
await run(aio.sleep(0));
print("  ", await run(armAndFinish(h.f)), "done", t.done(), repr(h.f), "cancelling", t.cancelling());
tryReschedule(h.f, null);
print("  ", await run(t), repr(h.f));
loop.close();
print("closed");
