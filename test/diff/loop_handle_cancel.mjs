import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
function cb(name) {
  print("run", name);
}

const h1 = loop.callSoon(cb, "h1");
const h2 = loop.callSoon(cb, "h2");
loop.callSoon(cb, "h3");
h2.cancel();
print("h2 cancelled", h2.cancelled(), "h1 cancelled", h1.cancelled());
h2.cancel(); // idempotent
print("h2 cancelled twice", h2.cancelled());

const t1 = loop.callLater(0.05, cb, "t1");
const t2 = loop.callLater(0.1, cb, "t2");
loop.callLater(0.15, cb, "t3");
t2.cancel();
print("t2 cancelled", t2.cancelled(), "t1 cancelled", t1.cancelled());

// cancelling a handle from an earlier callback of the same iteration: it never runs
const late = [];
function canceller() {
  print("run canceller");
  late[0].cancel();
  print("victim cancelled", late[0].cancelled());
}
loop.callSoon(canceller);
late.push(loop.callSoon(cb, "victim"));
loop.callSoon(cb, "after victim");

// a due timer moved to the ready queue can still be cancelled by a callback before it
const timerBox = [];
function timerCanceller() {
  print("run timer_canceller");
  for (const t of timerBox) t.cancel();
  print("due timers cancelled", timerBox.map((t) => t.cancelled()));
}
function stage2() {
  print("stage2");
  loop.callSoon(timerCanceller);
  timerBox.push(loop.callLater(-1, cb, "due timer A"));
  timerBox.push(loop.callAt(loop.time() - 2, cb, "due timer B"));
}
loop.callLater(0.2, stage2);

// a self-cancelling timer callback; cancel() after the callback ran
const after = [];
function selfCancel() {
  print("run self_cancel, cancelled before:", after[0].cancelled());
  after[0].cancel();
  print("cancelled after cancel() inside its own callback:", after[0].cancelled());
}
after.push(loop.callLater(0.25, selfCancel));
loop.callLater(0.35, () => loop.stop());
await loop.runForever();
print("h1 after run: cancelled", h1.cancelled());
h1.cancel();
print("h1 cancel() after it ran: cancelled", h1.cancelled());
t1.cancel();
print("t1 cancel() after it ran: cancelled", t1.cancelled());
// a cancelled timer does not keep the loop busy nor fire on the next run
const ht = loop.callLater(0.05, cb, "never");
ht.cancel();
loop.callLater(0.15, () => loop.stop());
await loop.runForever();
print("done");
loop.close();
