import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// TimerHandle.when() and reprs for extreme deadlines (absolute ones whose place relative to the
// clock is the same on any machine: huge, infinite, negative), and the firing order of past
// deadlines scheduled in different iterations and in shuffled order.
const INF = Infinity;
const loop = aio.newEventLoop();
const out = [];
const log = (v) => out.push(v);
Object.defineProperty(log, "name", { value: "list.append" });
const hr = (h) => String(h);
// repr() of a Python float
function fr(x) {
  if (x === INF) return "inf";
  if (x === -INF) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [m, e] = Math.abs(x).toExponential().split("e");
  const exp = Number(e);
  const digits = m.replace(".", "");
  if (exp < -4 || exp >= 16) return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${int}.${frac === "" ? "0" : frac}`;
}

print("-- when() and repr of far deadlines (never due)");
const far = [INF, 1e300, 2 ** 60, 1e16, 4503599627370495.5, 123456789012345.67, 1e15 + 0.25, 3e12 + 0.0625];
const hs = [];
for (const w of far) {
  const h = loop.callAt(w, print, "far");
  hs.push(h);
  print(fr(h.when()), h.when() === w, hr(h));
}
for (let i = 0; i < hs.length; i += 2) hs[i].cancel();
print(hs.slice(0, 3).map(hr));
print("call_later(inf).when()", fr(loop.callLater(INF, print).when()));
print("call_later(1e300).when()", fr(loop.callLater(1e300, print).when()));
for (const [d, dl] of [[-1e300, "-1e+300"], [-INF, "-inf"]]) {
  const h = loop.callLater(d, log, "L");
  h.cancel(); // (deadlines this far in the past are not ordered among themselves by aionode)
  print(`call_later(${dl}).when()`, fr(h.when()), hr(h));
}
{
  const h = loop.callLater(INF, print, 1, "two", [3]);
  h.cancel();
  print("cancelled later(inf)", hr(h));
}

print("-- reprs of past deadlines (due at once)");
const hp = [[-INF, "A-inf"], [-4e6, "B-4e6"], [-1e5, "C-1e5"], [-12.5, "D-12.5"], [-0.001, "E-0.001"],
  [-5e-324, "F-5e-324"], [-0, "G-0.0"]].map(([w, name]) => loop.callAt(w, log, name));
for (const h of hp) print(hr(h));

function stopSoon() {
  loop.callLater(0.005, () => loop.stop());
}
loop.callSoon(stopSoon);
await loop.runForever();
print(out);
print("after running", hp.slice(0, 2).map(hr), hp[0].cancelled());

print("-- past deadlines in shuffled order: deadline order within one iteration");
out.length = 0;
const names = [[-12.5, "d-12.5"], [-4e6, "b-4e6"], [-0.001, "e-0.001"], [-1e5, "c-1e5"], [-0.5, "x-0.5"], [-3e6, "a-3e6"]];
for (const [w, name] of names) loop.callAt(w, log, name);
loop.callSoon(log, "soon");
loop.callLater(0, log, "later0");
loop.callLater(-1e-3, log, "later-1e-3");
loop.callSoon(stopSoon);
await loop.runForever();
print(out);

print("-- past deadlines scheduled in successive iterations: iteration order beats deadline order");
out.length = 0;
function step(i) {
  // each iteration schedules a deadline further in the past than the previous one
  loop.callAt(loop.time() - 10.0 * (i + 1), log, `at-${10 * (i + 1)}`);
  loop.callLater(0, log, `later0-${i}`);
  loop.callLater(-100.0 * (i + 1), log, `later-${100 * (i + 1)}`);
  loop.callSoon(log, `soon-${i}`);
  if (i < 3) loop.callSoon(step, i + 1);
  else loop.callSoon(stopSoon);
}
loop.callSoon(step, 0);
await loop.runForever();
for (let i = 0; i < out.length; i += 6) print(" ", out.slice(i, i + 6));

print("-- a timer due in the iteration it was cancelled in (by an earlier callback)");
out.length = 0;
const hVictim = [];
function killer() {
  log("killer");
  hVictim[0].cancel();
  log("victim cancelled " + (hVictim[0].cancelled() ? "True" : "False"));
}
loop.callAt(-5.0, killer);
hVictim.push(loop.callAt(-1.0, log, "victim"));
loop.callAt(-0.5, log, "after");
loop.callSoon(stopSoon);
await loop.runForever();
print(out);
for (const h of hs) h.cancel();
loop.close();
