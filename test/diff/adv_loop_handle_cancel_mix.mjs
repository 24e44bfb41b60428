import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Handle.cancel() corners: cancelling callbacks of the same iteration (also across many queued
// entries), of the next iteration, itself, after it ran; timers cancelled after they came due,
// by a callback, by an earlier timer of the same batch, by the exception handler.
const loop = aio.newEventLoop();
const ran = [];
const H = {};
function rec(tag) {
  ran.push(tag);
}
function show(label) {
  const sum = ran.filter((x) => /^\d+$/.test(x.slice(1))).reduce((a, x) => a + Number(x.slice(1)), 0);
  print(label, ran.length, ran.slice(0, 6), ran.length > 6 ? ran.slice(-3) : [], sum);
  ran.length = 0;
}

// 1. from outside the loop: 3000 callbacks; the first one cancels every other one after it,
// itself, and a callback queued after loop.stop's
const hs = [];
function canceller() {
  rec("c");
  hs.forEach((h, i) => {
    if (i % 2 === 1) h.cancel();
  });
  H.self.cancel();
  print("canceller cancelled itself:", H.self.cancelled());
  H.last.cancel();
}
H.self = loop.callSoon(canceller);
for (let i = 0; i < 3000; i++) hs.push(loop.callSoon(rec, `h${i}`, i));
loop.callSoon(() => loop.stop());
H.last = loop.callSoon(rec, "never (same iteration, after stop)");
loop.callSoon(rec, "runs (same iteration, after stop)");
await loop.runForever();
show("phase 1");
{
  const flags = ["cancelled flags", hs[0].cancelled(), hs[1].cancelled(), hs[2999].cancelled(), "after run, cancel h0:"];
  hs[0].cancel();
  print(...flags, hs[0].cancelled());
}

// 2. inside the loop: a callback cancels the next iteration's callbacks and some of its own
function inside() {
  rec("inside");
  const mine = [];
  for (let i = 0; i < 5; i++) mine.push(loop.callSoon(rec, `n${i}`));
  function laterCanceller() {
    rec("lc");
    mine[3].cancel();
    mine[4].cancel();
  }
  loop.callSoon(rec, "x");
  mine[0].cancel();
  loop.callSoon(laterCanceller);
  const more = [];
  for (let i = 0; i < 3; i++) more.push(loop.callSoon(rec, `m${i}`));
  more[2].cancel();
  loop.callSoon(() => loop.stop());
}
loop.callSoon(inside);
await loop.runForever();
loop.callSoon(() => loop.stop());
await loop.runForever();
show("phase 2");

// 3. due timers: 1500 of them come due in one iteration
function phase3() {
  const base = loop.time();
  const timers = [];
  function firstTimer() {
    rec("t0");
    for (let i = 1; i < 1500; i++) if (i % 3 === 1) timers[i].cancel();
    print("first timer: t1 cancelled", timers[1].cancelled(), "t2 cancelled", timers[2].cancelled());
  }
  function pre() {
    rec("pre");
    for (let i = 1; i < 1500; i++) if (i % 3 === 2 && i % 5 === 0) timers[i].cancel();
  }
  loop.callSoon(pre);
  for (let i = 0; i < 1500; i++) {
    if (i === 0) timers.push(loop.callAt(base - 0.05, firstTimer));
    else timers.push(loop.callAt(base - 0.05 + i * 1e-5, rec, `t${i}`));
  }
  loop.callLater(0.05, () => loop.stop());
}
loop.callLater(0.1, phase3);
await loop.runForever();
show("phase 3");

// 4. the exception handler cancels a due timer that comes after the failing one
function handler(lp, ctx) {
  print("handler:", ctx.message.split(" at ")[0], "| cancels the victim timer");
  H.victim.cancel();
}
function boom() {
  rec("boom");
  const e = new Error("boom");
  e.name = "ValueError";
  throw e;
}
function phase4() {
  const t = loop.time();
  loop.setExceptionHandler(handler);
  loop.callAt(t - 0.02, boom);
  H.victim = loop.callAt(t - 0.01, rec, "victim");
  loop.callAt(t - 0.005, rec, "after-victim");
  loop.callLater(0.05, () => loop.stop());
}
loop.callLater(0.1, phase4);
await loop.runForever();
show("phase 4");
print("victim cancelled", H.victim.cancelled());
loop.close();
