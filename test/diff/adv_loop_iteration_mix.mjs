import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// call_soon / call_later / call_at mixed within iterations: due timers join the ready queue at
// the start of an iteration, behind the callbacks queued before it, in deadline order; a
// callback can cancel a timer that came due in the same iteration.
const loop = aio.newEventLoop();
const H = {};
let n = 0;
function log(name) {
  print(" ", name);
}
function marker() {
  n += 1;
  print("-- iteration", n);
  if (n < 4) loop.callSoon(marker);
}
function s1() {
  log("s1");
  loop.callSoon(log, "s1.child");
  loop.callLater(0, log, "s1.timer0");
  H.n20.cancel();
  print("  s1 cancelled n20 (due in this iteration):", H.n20.cancelled());
}
function p80() {
  log("p80");
  loop.callSoon(log, "p80.child");
  loop.callAt(loop.time() - 0.05, log, "p80.past");
}
function p50() {
  log("p50");
  H.z0.cancel();
  print("  p50 cancelled z0 (same batch, later):", H.z0.cancelled());
}
function base() {
  print("base timer");
  const t = loop.time();
  loop.callSoon(s1);
  H.p50 = loop.callAt(t - 0.05, p50);
  H.p80 = loop.callAt(t - 0.08, p80);
  H.now = loop.callAt(t, log, "now");
  H.z0 = loop.callLater(0, log, "z0");
  H.n20 = loop.callLater(-0.02, log, "n20");
  loop.callSoon(log, "s2");
  loop.callLater(0.6, phase2);
  loop.callLater(0.3, log, "l50");
  loop.callSoon(marker);
}
function phase2() {
  print("phase2 timer");
  n = 0;
  const t = loop.time();
  H.a = loop.callLater(0.01, log, "a (+0.01)");
  loop.callSoon(log, "queued before the wait");
  while (loop.time() < t + 0.03) {
    // busy
  }
  // A is due now; B and C are in the past too, one earlier and one later than A
  loop.callAt(t + 0.005, log, "b (+0.005)");
  loop.callAt(t + 0.02, log, "c (+0.02)");
  loop.callSoon(log, "d (call_soon)");
  loop.callSoon(marker);
  loop.callLater(0.4, () => loop.stop());
}
loop.callLater(0.1, base);
await loop.runForever();
print("stopped");
loop.close();
