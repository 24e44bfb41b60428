import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Timers due in one iteration cancelling each other: a timer cancelling a sibling already run in
// the batch (cancelled() turns True, the repr says so), one not yet run (it never runs), a
// not-yet-due timer, a call_soon handle an earlier sibling scheduled, and replacing a cancelled
// sibling with a new timer at the same when() (it runs in the next iteration). Past deadlines
// (due at once) and future ones made due together by a blocking callback (300 ms apart).
const loop = aio.newEventLoop();
const out = [];
const H = {};
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const py = (b) => (b ? "True" : "False");
function r(h) {
  return String(h).replace(/when=[-0-9.e+inf]+/, "when=W");
}
function rec(name) {
  out.push(name);
}
function cancel(name, target) {
  const h = H[target];
  const before = h.cancelled();
  const res = h.cancel();
  out.push(`${name} cancels ${target}: was ${py(before)} ret ${repr(res)} now ${py(h.cancelled())}`);
}
function soon_from(name) {
  out.push(name);
  H["soon-" + name] = loop.callSoon(rec, "soon-of-" + name);
}
function replace(name, target) {
  const h = H[target];
  h.cancel();
  H[target + "'"] = loop.callAt(h.when(), rec, target + "-replacement");
  out.push(`${name} replaced ${target} at same when: ${py(h.when() === H[target + "'"].when())}`);
}
function stopLater() {
  loop.callLater(0.02, () => loop.stop());
}

print("-- past deadlines, one batch");
H.a = loop.callAt(-9.0, rec, "a");
H.b = loop.callAt(-8.0, soon_from, "b");
H.c = loop.callAt(-7.0, cancel, "c", "a");
H.d = loop.callAt(-6.0, cancel, "d", "soon-b");
H.e = loop.callAt(-5.0, cancel, "e", "f");
H.f = loop.callAt(-4.0, rec, "f");
H.g = loop.callAt(-3.0, replace, "g", "h");
H.h = loop.callAt(-2.0, rec, "h");
H.i = loop.callAt(-1.0, cancel, "i", "far");
H.far = loop.callAt(1e12, rec, "far");
H.j = loop.callAt(-0.5, cancel, "j", "j");
for (const k of "abcdefghij") print(k, r(H[k]), H[k].cancelled());
loop.callSoon(stopLater);
await loop.runForever();
for (const line of out) print(" ", line);
for (const k of ["a", "b", "e", "f", "h", "h'", "far", "j", "soon-b"]) print(k, r(H[k]), H[k].cancelled());

print("-- future deadlines made due together by a blocking callback");
out.length = 0;
for (const k of Object.keys(H)) delete H[k];
function blocker() {
  out.push("blocker");
  block(0.9);
}
function chain(name, depth) {
  out.push(`${name} depth ${depth}`);
  if (depth) H[`chain${depth}`] = loop.callAt(-1.0, chain, name, depth - 1);
}
const base = loop.time();
H.x1 = loop.callAt(base + 0.3, rec, "x1");
H.x2 = loop.callAt(base + 0.6, cancel, "x2", "x3");
H.x3 = loop.callAt(base + 0.7, rec, "x3");
H.x4 = loop.callAt(base + 0.75, cancel, "x4", "x1");
H.x5 = loop.callAt(base + 0.8, chain, "x5", 2);
H.x6 = loop.callAt(base + 3.0, rec, "x6-late");
H.x7 = loop.callAt(base + 0.85, cancel, "x7", "x6");
H.x8 = loop.callAt(base + 5.0, rec, "x8-last");
loop.callSoon(blocker);
H.x9 = loop.callAt(base + 0.87, () => { out.push("x9 stops"); loop.callLater(0.05, () => loop.stop()); });
await loop.runForever();
for (const line of out) print(" ", line);
for (const k of ["x1", "x3", "x6", "x8"]) print(k, r(H[k]), H[k].cancelled());
H.x8.cancel();
print("x8", r(H.x8), H.x8.cancelled());

print("-- a batch in which every later sibling is cancelled by the first");
out.length = 0;
for (const k of Object.keys(H)) delete H[k];
const names = [0, 1, 2, 3, 4, 5].map((i) => `k${i}`);
function killall() {
  out.push("killall");
  for (const n of names) H[n].cancel();
  loop.callSoon(rec, "soon-after-killall");
}
H.killer = loop.callAt(-20.0, killall);
names.forEach((n, i) => { H[n] = loop.callAt(-10.0 + i, rec, n); });
loop.callSoon(rec, "soon-before");
loop.callSoon(stopLater);
await loop.runForever();
print(out, names.map((n) => H[n].cancelled()));
loop.close();
print("closed", r(H.killer), H.killer.cancelled());
