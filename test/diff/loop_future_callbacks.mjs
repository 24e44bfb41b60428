import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
function say(...args) {
  print(...args);
}
function stopAfter(n) {
  // stop the loop n iterations from now (deterministic, unlike a timer)
  if (n === 0) loop.stop();
  else loop.callSoon(stopAfter, n - 1);
}
function makeCb(name) {
  return (f) => {
    const state = f.cancelled() ? "cancelled" : repr(f.result());
    print("done cb", name, state);
  };
}

// 1. done callbacks are scheduled with call_soon when the result is set, behind what is queued
const f1 = loop.createFuture();
for (const n of ["a", "b", "c"]) f1.addDoneCallback(makeCb("f1." + n));
loop.callSoon(say, "soon 1");
f1.setResult(1);
loop.callSoon(say, "soon 2");
print("f1 done before running", f1.done());

// 2. adding a callback to a done future schedules it at once
f1.addDoneCallback(makeCb("f1.late"));
loop.callSoon(say, "soon 3");

// 3. remove_done_callback removes every registration of that function
const f2 = loop.createFuture();
const cbX = makeCb("f2.x");
const cbY = makeCb("f2.y");
f2.addDoneCallback(cbX);
f2.addDoneCallback(cbY);
f2.addDoneCallback(cbX);
print("removed", f2.removeDoneCallback(cbX), "then", f2.removeDoneCallback(cbX));

// 4. set from inside a callback: the done callbacks run in the next iteration
function resolveF2() {
  print("resolve_f2");
  f2.setResult("two");
  loop.callSoon(say, "queued after set_result");
}
loop.callSoon(resolveF2);
loop.callSoon(say, "same iteration as resolve_f2");
stopAfter(4);
await loop.runForever();
print("-- phase 2");

// 5. cancel() also schedules the callbacks
const f3 = loop.createFuture();
f3.addDoneCallback(makeCb("f3"));
function cancelF3() {
  print("cancel_f3", f3.cancel());
  print("cancel again", f3.cancel());
}
loop.callSoon(cancelF3);
stopAfter(3);
await loop.runForever();
print("-- phase 3");

// 6. a chain: a done callback resolves another future
const f4 = loop.createFuture();
const f5 = loop.createFuture();
f4.addDoneCallback((f) => f5.setResult(f.result() + 1));
f5.addDoneCallback(makeCb("f5"));
function phase3() {
  f4.setResult(41);
  say("timer callback: f4.set_result done");
  stopAfter(3);
}
loop.callLater(0.01, phase3);
await loop.runForever();
loop.close();
