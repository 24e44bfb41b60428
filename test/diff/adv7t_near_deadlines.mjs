import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Near-equal deadlines (10 to 100 microseconds apart, far enough apart to be told apart by
// aionode's microsecond clock) scheduled in shuffled order fire in deadline order, past ones
// (due at once) as well as future ones made due together by a blocking callback; a lone pair of
// equal deadlines fires in scheduling order; timers that timers schedule (at their own when(), just
// before a sibling still pending in the batch, call_later(0), a future deadline between pending
// ones) wait for the next iteration or their own deadline.
const loop = aio.newEventLoop();
const out = [];
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
function rec(name) {
  out.push(name);
}
// "%g" of the magnitudes used below
const g = (x) => ({ [-3e6]: "-3e+06", [-1e5]: "-100000", [-2.5]: "-2.5", [-0.001]: "-0.001" })[x];
async function run(label, extra = 0.0) {
  loop.callSoon(() => loop.callLater(0.02 + extra, () => loop.stop()));
  await loop.runForever();
  print(label);
  for (let i = 0; i < out.length; i += 8) print("  ", out.slice(i, i + 8));
  out.length = 0;
}

print("-- past deadlines 100 us apart, shuffled");
const order = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4];
for (const k of order) loop.callAt(-50.0 + k * 1e-4, rec, `p${k}`);
await run("p");

print("-- past deadlines 10 us apart, shuffled, at several magnitudes");
for (const mag of [-3e6, -1e5, -2.5, -0.001]) {
  for (const k of order) loop.callAt(mag + k * 1e-5, rec, `${g(mag)}:${k}`);
}
await run("mags");

print("-- a lone pair of equal deadlines (asyncio keeps the order of two; more is a heap's whim)");
loop.callAt(-10.0, rec, "e-first");
loop.callAt(-10.0, rec, "e-second");
await run("equal");

print("-- future deadlines 10 us apart, made due together by blocking");
let base = loop.time() + 0.3;
for (const k of order) loop.callAt(base + k * 1e-5, rec, `f${k}`);
loop.callAt(base + 0.3, rec, "f-last");
loop.callSoon(block, 0.9);
await run("future");

print("-- timers scheduled by timers of one batch");
const H = {};
function spawner(name) {
  rec(name);
  const h = H[name];
  loop.callAt(h.when(), rec, name + ">own-when");
  loop.callAt(H.s3.when() - 1e-4, rec, name + ">before-s3");
  loop.callLater(0, rec, name + ">later0");
  loop.callSoon(rec, name + ">soon");
}
H.s1 = loop.callAt(-30.0, spawner, "s1");
H.s2 = loop.callAt(-20.0, spawner, "s2");
H.s3 = loop.callAt(-10.0, rec, "s3");
await run("spawn");

print("-- a future timer scheduled by a timer lands between pending ones");
base = loop.time();
function mid() {
  rec("m1");
  loop.callAt(base + 0.9, rec, "m-inserted-0.9");
  loop.callAt(base + 0.45, rec, "m-inserted-0.45");
}
loop.callAt(base + 0.15, mid);
loop.callAt(base + 0.6, rec, "m-0.6");
loop.callAt(base + 1.2, rec, "m-1.2");
await run("insert", 1.3);

print("-- the clock read inside a batch never goes back; every timer sees time() >= when()");
const seen = [];
base = loop.time() + 0.3;
function check(k) {
  const h = H[`c${k}`];
  const pair = [k, loop.time() >= h.when()];
  pair.__tuple = true;
  seen.push(pair);
}
for (const k of order) H[`c${k}`] = loop.callAt(base + k * 3e-5, check, k);
loop.callSoon(block, 0.6);
await run("clock");
print(seen, seen.every(([, ok]) => ok));
loop.close();
