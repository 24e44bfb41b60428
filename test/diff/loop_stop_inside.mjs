import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// stop() from a callback: the rest of the current iteration still runs; what it schedules stays
// pending and runs on the next run_forever().
const loop = aio.newEventLoop();
function child(name) {
  print("child", name);
}
function stopper() {
  print("stopper calls stop(), running:", loop.isRunning());
  loop.stop();
  print("still running inside the callback:", loop.isRunning());
  loop.callSoon(child, "scheduled by stopper");
}
function before() {
  print("before");
  loop.callSoon(child, "scheduled by before");
}
function after() {
  print("after stop, same iteration");
  loop.callSoon(child, "scheduled by after");
}
loop.callSoon(before);
loop.callSoon(stopper);
loop.callSoon(after);
loop.callLater(0.1, child, "timer");
print("run 1");
await loop.runForever();
print("run 1 returned, running:", loop.isRunning());

// stop() called twice in one iteration is still one stop
function doubleStop() {
  print("double stop");
  loop.stop();
  loop.stop();
}
function run2Last() {
  print("run 2 last");
}
// one deadline for both (see the Python program)
const t2 = loop.time() + 0.3;
loop.callAt(t2, doubleStop);
loop.callAt(t2, run2Last);
print("run 2");
await loop.runForever();
print("run 2 returned");

// a callback that stops the loop from a timer while other timers are pending
function tstop() {
  print("timer stop");
  loop.stop();
}
loop.callLater(0.1, tstop);
loop.callLater(0.5, child, "pending timer");
print("run 3");
await loop.runForever();
print("run 3 returned");
loop.callLater(0.1, () => loop.stop());
print("run 4");
await loop.runForever();
print("run 4 returned");
loop.close();
