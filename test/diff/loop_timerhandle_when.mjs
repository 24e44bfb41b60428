import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
const order = [];
const push = (v) => order.push(v);

const t1 = loop.time();
const h = loop.callLater(0.4, push, "later");
const hw = h.when();
const t2 = loop.time();
print("time is monotonic", t2 >= t1);
print("later.when within [t1+d, t2+d]", t1 + 0.4 <= h.when() && h.when() <= t2 + 0.4);
print("is TimerHandle", h instanceof aio.TimerHandle, h instanceof aio.Handle);

const when = loop.time() + 0.2;
const ha = loop.callAt(when, push, "at");
print("call_at.when() is the given time", ha.when() === when);
const hp = loop.callAt(loop.time() - 10, push, "past");
print("past when < now", hp.when() < loop.time());
const hn = loop.callLater(-5, push, "negative");
print("negative delay when < now", hn.when() < loop.time());
loop.callLater(0, push, "zero");
loop.callSoon(push, "soon");
const hc = loop.callAt(when + 1, push, "cancelled");
hc.cancel();
print("when() after cancel unchanged", hc.when() === when + 1, hc.cancelled());

// the past and negative timers are due now: they run in the first iteration, after the
// call_soon callback that was already ready, in deadline order (-10 s before -5 s before 0 s)
function stopWhenDone() {
  if (order.includes("later")) loop.stop();
  else loop.callLater(0.005, stopWhenDone);
}
loop.callSoon(stopWhenDone);
await loop.runForever();
print(order);
print("after running, when() unchanged", h.when() === hw, ha.when() === when);
loop.close();
