import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// call_later(0, cb) is due at the very next iteration: it runs in that iteration, after the
// callbacks that were already ready, and before anything those callbacks schedule.
const loop = aio.newEventLoop();
const out = [];
const ROUNDS = 2000;
const push = (v) => out.push(v);

function x(i) {
  loop.callLater(0, push, `t${i}`);
  loop.callSoon(y, i);
}
function y(i) {
  out.push(`y${i}`);
  loop.callSoon(z, i);
}
function z(i) {
  out.push(`z${i}`);
  if (i < ROUNDS - 1) loop.callSoon(x, i + 1);
  else loop.stop();
}

loop.callSoon(x, 0);
await loop.runForever();
print(out.slice(0, 9).join(" "));
let bad = 0;
for (let i = 0; i < ROUNDS; i++) if (out.slice(3 * i, 3 * i + 3).join() !== `y${i},t${i},z${i}`) bad++;
print("rounds", ROUNDS, "out of order", bad);

// same with call_at(loop.time()) and with a negative delay
out.length = 0;
function x2(i) {
  loop.callAt(loop.time(), push, `a${i}`);
  loop.callLater(-1, push, `n${i}`);
  loop.callSoon(y2, i);
}
function y2(i) {
  out.push(`y${i}`);
  loop.callSoon(z2, i);
}
function z2(i) {
  out.push(`z${i}`);
  if (i < ROUNDS - 1) loop.callSoon(x2, i + 1);
  else loop.stop();
}
loop.callSoon(x2, 0);
await loop.runForever();
print(out.slice(0, 8).join(" "));
bad = 0;
for (let i = 0; i < ROUNDS; i++) if (out.slice(4 * i, 4 * i + 4).join() !== `y${i},n${i},a${i},z${i}`) bad++;
print("rounds", ROUNDS, "out of order", bad);
loop.close();
