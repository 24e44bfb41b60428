import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// loop.time() against call_at / call_later deadlines: a timer never runs before its when(), the
// clock never goes back across callbacks, timers and task steps; timers scheduled out of order
// fire in deadline order; what a timer schedules for its own when(), for loop.time() and with
// call_later(0) runs in the next iteration, in deadline (= scheduling) order, behind call_soon
// callbacks; a deadline that passed during a blocking callback fires after the callbacks queued
// before the next iteration; when() of call_later lies between the clock readings around it;
// sleeps in tasks end no earlier than asked. Deadlines are 50 ms apart or more.
const loop = aio.newEventLoop();
const readings = [];
const out = [];
const push = (x) => out.push(x);
const monotonic = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
function now() {
  const t = loop.time();
  readings.push(t);
  return t;
}
function check_when(name, h) {
  const t = now();
  out.push(`${name} on time: ${t >= h.when() ? "True" : "False"}`);
}
const H = {};
function timer(name) {
  check_when(name, H[name]);
  if (name === "t100") {
    const h = H[name];
    loop.callAt(h.when(), push, "t100 -> at own when()");
    loop.callAt(now(), push, "t100 -> at loop.time()");
    loop.callLater(0, push, "t100 -> later(0)");
    loop.callSoon(push, "t100 -> soon");
  }
  if (name === "t400") loop.stop();
}
const t0 = now();
for (const ms of [400, 200, 300, 100]) H[`t${ms}`] = loop.callAt(t0 + ms / 1000, timer, `t${ms}`);
const b = now();
H.l150 = loop.callLater(0.15, timer, "l150");
const a = now();
print("call_later's when() between the readings:", b + 0.15 <= H.l150.when() && H.l150.when() <= a + 0.15);
await loop.runForever();
for (const line of out) print(" ", line);
print("clock never went back:", monotonic(readings), readings.length > 8);

print("-- a deadline that passes during a blocking callback");
out.length = 0;
function blocker() {
  const w = now() + 0.03;
  H.overdue = loop.callAt(w, push, "overdue timer");
  loop.callSoon(push, "queued by blocker");
  const end = performance.now() + 60;
  while (performance.now() < end);
  out.push(`blocker done, deadline passed: ${now() > w ? "True" : "False"}`);
  loop.callSoon(push, "queued after the deadline passed");
}
loop.callSoon(blocker);
loop.callSoon(push, "queued before the run");
loop.callLater(0.1, () => loop.stop());
await loop.runForever();
for (const line of out) print(" ", line);
print("overdue timer ran late, not early:", readings[readings.length - 1] >= H.overdue.when());

print("-- task sleeps");
const sleeper = aio.coroutine(async function sleeper(tag, d) {
  const t = now();
  await aio.sleep(d);
  const u = now();
  print(`  ${tag} slept at least ${d}: ${u - t >= d ? "True" : "False"}`);
  return u;
});
const main = aio.coroutine(async function main() {
  const r = await aio.gather(sleeper("a", 0.06), sleeper("b", 0.03), sleeper("c", 0));
  print("  wake-ups in deadline order:", r[2] <= r[1] && r[1] <= r[0]);
  const h = aio.getRunningLoop().callLater(0.03, push, "x");
  const t = now();
  await aio.sleep(0.03);
  print("  a sleep as long as a timer scheduled just before it ends after it:", out.includes("x"), now() >= h.when() && h.when() >= t);
});
await loop.runUntilComplete(main());
print("clock never went back:", monotonic(readings));
loop.close();
