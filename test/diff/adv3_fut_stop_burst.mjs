import * as aio from "aionode";
import { performance } from "node:perf_hooks";
import { print } from "./pyfmt.mjs";

// A burst of 3000 due timers that each keep the CPU busy for a few microseconds (so a loop that
// yields to its host between slices must do so in the middle of the burst); one of them calls
// stop() early, others cancel later timers of the same burst, schedule call_soon callbacks and
// past-deadline timers, and a Handle queued with call_soon before the run is cancelled by a timer
// although it runs earlier in the same iteration. Everything due when the iteration began still runs
// in it; what the burst schedules runs on the next run_forever().
const loop = aio.newEventLoop();
const out = [];
const push = (x) => out.push(x);
const N = 3000;
const T = [];
function busy() {
  const end = performance.now() + 4e-3;
  while (performance.now() < end);
}
function tcb(i) {
  busy();
  out.push(i);
  if (i === 100) loop.stop();
  if (i % 7 === 0 && i + 1000 < N) T[i + 1000].cancel();
  if (i % 500 === 3) loop.callSoon(push, `soon${i}`);
  if (i % 600 === 5) loop.callAt(-9.0 + i * 1e-6, push, `past${i}`);
  if (i === 2999) S.late.cancel();
}
const S = {};
S.early = loop.callSoon(push, "early");
for (let i = 0; i < N; i++) T.push(loop.callAt(-5.0 + i * 1e-5, tcb, i));
S.late = loop.callSoon(push, "late-runs-before-its-canceller");
loop.callSoon(() => S.late.cancel());
await loop.runForever();
const nums = out.filter((x) => typeof x === "number");
const sorted = [...nums].sort((x, y) => x - y);
print("run 1:", out.length, out.slice(0, 3), out.filter((x) => typeof x === "string"), "ints", nums.length, nums.reduce((s, x) => s + x, 0), nums.every((x, k) => x === sorted[k]));
print("cancelled flags", T[1000].cancelled(), T[1001].cancelled(), T[1007].cancelled(), T[2995].cancelled());
out.length = 0;
loop.callSoon(() => loop.stop());
await loop.runForever();
print("run 2:", out);
out.length = 0;
loop.callSoon(() => loop.stop());
await loop.runForever();
print("run 3:", out);
loop.close();
