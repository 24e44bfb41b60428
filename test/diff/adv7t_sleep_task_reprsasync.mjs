import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// A sleeping task seen from outside at every point: repr (pending, with and without wait_for,
// cancelling, done), done(), cancelling(); the sleep's future after its timer fired but before the
// task's wake-up ran (finished, with the sleep's result as its result); tasks woken by one batch
// of timers step in deadline order, and what each schedules with call_soon runs after all the
// wake-ups of that batch. Deadlines 300 ms apart, made due together by blocking.
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const r = (x) => String(x);
const tuple = (...a) => { a.__tuple = true; return a; };
const targs = (e) => (e.message === "" ? tuple() : tuple(e.message));

const out = [];
const append = Object.defineProperty((v) => out.push(v), "name", { value: "list.append" });
const sleeper = aio.coroutine(async function sleeper(d, res) {
  const v = await aio.sleep(d, res);
  out.push("woke " + repr(v));
  return v;
});
const waker = aio.coroutine(async function waker(name, d) {
  const loop = aio.getRunningLoop();
  const v = await aio.sleep(d, name);
  out.push("step " + v);
  loop.callSoon(append, "soon " + v);
  await aio.sleep(0);
  out.push("end " + v);
});

await aio.run(aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();

  print("-- reprs through a sleep(0)");
  let t = aio.createTask(sleeper(0, "zero"), { name: "z" });
  print(r(t), t.done(), t.cancelling());
  await aio.sleep(0);
  print(r(t));
  await aio.sleep(0);
  print(r(t), t.done(), repr(t.result()));

  print("-- reprs through a timed sleep, cancelled at the end");
  t = aio.createTask(sleeper(0.3, ["r", 1]), { name: "timed" });
  await aio.sleep(0);
  print(r(t));
  t.cancel("go");
  print(r(t), t.cancelling());
  await aio.sleep(0);
  print(r(t), t.cancelled());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("cancelled", targs(e));
  }

  print("-- the sleep's future finished, the wake-up not yet run");
  t = aio.createTask(sleeper(0.3, "done-not-woken"), { name: "w" });
  await aio.sleep(0);
  const base = loop.time();
  const snap = [];
  loop.callAt(base + 0.6, () => snap.push(tuple(r(t), t.done())));
  loop.callSoon(block, 0.9);
  await aio.sleep(0.01);
  await t;
  for (const s of snap) print(s);
  print(r(t));

  print("-- tasks woken in one batch: deadline order, their call_soon after all wake-ups");
  out.length = 0;
  const spec = [["c", 0.9], ["a", 0.3], ["d", 1.2], ["b", 0.6]];
  let ts = spec.map(([n, d]) => aio.createTask(waker(n, d), { name: n }));
  await aio.sleep(0);
  loop.callSoon(block, 1.5);
  await aio.sleep(0);
  print(ts.slice(0, 2).map(r));
  await aio.gather(...ts);
  for (let i = 0; i < out.length; i += 4) print("  ", out.slice(i, i + 4));
  print(ts.slice(0, 2).map(r));

  print("-- same delay from one step: scheduling order");
  out.length = 0;
  ts = [..."qpsr"].map((n) => aio.createTask(waker(n, 0.3), { name: n }));
  // Their deadlines differ by the microseconds between their first steps; blocking past all of
  // them makes one batch of them, whatever the machine's load.
  await aio.sleep(0);
  block(0.45);
  await aio.gather(...ts);
  for (let i = 0; i < out.length; i += 4) print("  ", out.slice(i, i + 4));
}));
