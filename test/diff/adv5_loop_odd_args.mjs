import * as aio from "aionode";
import { print, pyFloat, tuple } from "./pyfmt.mjs";

// call_soon / call_later / call_at with odd deadlines and arguments: -inf, -1e308, -0.0, 5e-324,
// 1e308 and delays that round to "now" (their when() and reprs, and the firing order: deadline
// order, then the callbacks' scheduling order); callbacks with no, one and a dozen arguments,
// special floats, nested and long values (the handle's repr before and after the run, and after
// a cancel() that comes too late); a list argument mutated between scheduling and running (the
// callback and the repr see the change); the same function scheduled three times with the middle
// handle cancelled; callbacks whose return values (a coroutine, a future) are ignored.
const loop = aio.newEventLoop();
const out = [];
function rec(...args) {
  out.push(tuple(...args));
}
const show = (h) => String(h);
/** repr() of a Python float */
const pyf = (x) => (x === Infinity ? "inf" : x === -Infinity ? "-inf" : Object.is(x, -0) ? "-0.0" : pyFloat(x));

print("-- odd deadlines");
const H = {};
H.ninf = loop.callLater(-Infinity, rec, "ninf");
H.nhuge = loop.callAt(-1e308, rec, "nhuge");
H.m5 = loop.callAt(-5.0, rec, "m5");
H.negzero = loop.callAt(-0, rec, "negzero");
H.denorm = loop.callAt(5e-324, rec, "denorm");
H.huge = loop.callLater(1e308, rec, "never");
H.hugeat = loop.callAt(1.7976931348623157e308, rec, "never");
const t = loop.time();
H.tinyneg = loop.callLater(-1e-300, rec, "tinyneg");
H.tinypos = loop.callLater(5e-324, rec, "tinypos");
H.zero = loop.callLater(-0, rec, "zero");
const u = loop.time();
loop.callSoon(rec, "soon");
for (const k of ["ninf", "nhuge", "m5", "negzero", "denorm", "huge", "hugeat"]) print(k, pyf(H[k].when()), show(H[k]));
for (const k of ["tinyneg", "tinypos", "zero"]) print(k, "when() within the clock readings around it:", t <= H[k].when() && H[k].when() <= u);
loop.callLater(0.02, () => loop.stop());
await loop.runForever();
print(out.map((a) => a[0]));
H.huge.cancel();
H.hugeat.cancel();
print(show(H.huge), show(H.hugeat), pyf(H.huge.when()));

print("-- arguments");
out.length = 0;
function many(...args) {
  out.push(args.length);
}
const lst = [1, 2];
const h_none = loop.callSoon(rec);
const h_one = loop.callSoon(rec, "one");
const h_many = loop.callSoon(many, ...Array.from({ length: 12 }, (_, i) => i));
const h_floats = loop.callSoon(many, -0, 1e16, 1e-5, 0.1 + 0.2, NaN, -Infinity, 2 ** 60);
const h_nested = loop.callSoon(rec, [[1, [2, [3, [4, [5, [6, [7]]]]]]]], ["x".repeat(31), 'q"uote', "it's"]);
const h_list = loop.callSoon(rec, lst);
lst.push("added after scheduling");
lst[0] = "changed";
for (const h of [h_none, h_one, h_many, h_floats, h_nested, h_list]) print(show(h));
print("-- the same function three times, the middle one cancelled");
const hs = [0, 1, 2].map((i) => loop.callSoon(rec, "same", i));
hs[1].cancel();
print(hs.map(show));

const coro = aio.coroutine(function* coro() {
  out.push("never: a coroutine returned by a callback is not run");
});
function returns_coroutine() {
  out.push("returns_coroutine");
  return coro();
}
function returns_future() {
  out.push("returns_future");
  return loop.createFuture();
}
loop.callSoon(returns_coroutine);
loop.callSoon(returns_future);
loop.callSoon(() => loop.stop());
await loop.runForever();
for (const x of out) print(" ", x);
print("after the run");
for (const h of [h_none, h_one, h_many, h_floats, h_nested, h_list]) print(show(h), h.cancelled());
for (const h of [h_one, h_list]) {
  h.cancel();
  print("cancelled after it ran:", show(h), h.cancelled());
}
loop.close();
