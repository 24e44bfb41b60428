import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// stop() before run_forever(): the loop runs exactly one iteration, then returns.
const loop = aio.newEventLoop();
function cb(name) {
  print("cb", name);
  loop.callSoon(cb2, name);
}
function cb2(name) {
  print("cb2", name);
}
loop.callSoon(cb, "a");
loop.callSoon(cb, "b");
loop.callLater(-1, print, "due timer");
loop.callLater(0.3, print, "timer 300ms");
loop.stop();
print("stop() before running; running:", loop.isRunning());
await loop.runForever();
print("returned after one iteration");

// the stop queued behind cb2 ends the second run after one iteration; the timer stays pending
loop.callSoon(() => loop.stop());
await loop.runForever();
print("second run returned");
loop.stop();
await loop.runForever();
print("third run returned (nothing ready)");

// the stop flag is consumed by a run: the next run keeps going until stopped again
function laterStop() {
  print("later stop");
  loop.stop();
}
loop.callLater(0.5, laterStop);
await loop.runForever();
print("fourth run returned");
loop.close();
