import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
print("new loop: running", loop.isRunning(), "closed", loop.isClosed());

function inside() {
  print("inside: running", loop.isRunning(), "closed", loop.isClosed());
  try {
    loop.close();
  } catch (e) {
    print("close() while running:", e.name, str(e));
  }
  print("still open", loop.isClosed());
}
loop.callSoon(inside);
loop.callSoon(() => loop.stop());
await loop.runForever();
print("after run: running", loop.isRunning(), "closed", loop.isClosed());

// callbacks and timers pending at close() are dropped without being cancelled
const pendingSoon = loop.callSoon(print, "never runs (soon)");
const pendingTimer = loop.callLater(0.01, print, "never runs (timer)");
const fut = loop.createFuture();
loop.close();
print("closed", loop.isClosed(), "running", loop.isRunning());
print("pending handles cancelled()", pendingSoon.cancelled(), pendingTimer.cancelled());
loop.close();
print("close() twice is fine", loop.isClosed());

// attempt() catches a synchronous throw as well as a rejected Promise
async function attempt(name, fn) {
  try {
    await fn();
    print(name, "ok");
  } catch (e) {
    print(name, e.name, str(e));
  }
}
function attemptSync(name, fn) {
  try {
    fn();
    print(name, "ok");
  } catch (e) {
    print(name, e.name, str(e));
  }
}
attemptSync("call_soon", () => loop.callSoon(print, "x"));
attemptSync("call_later", () => loop.callLater(0.01, print, "x"));
attemptSync("call_at", () => loop.callAt(loop.time() + 1, print, "x"));
attemptSync("call_soon_threadsafe", () => loop.callSoonThreadsafe(print, "x"));
await attempt("run_forever", () => loop.runForever());
await attempt("run_until_complete", () => loop.runUntilComplete(fut));
attemptSync("stop", () => loop.stop());
attemptSync("time", () => loop.time() > 0);
print("fut still pending", fut.done());
print("pending handles still not cancelled", pendingSoon.cancelled(), pendingTimer.cancelled());
pendingTimer.cancel();
print("cancel() after close", pendingTimer.cancelled());

// a fresh loop is independent
const loop2 = aio.newEventLoop();
loop2.callSoon(print, "loop2 runs");
loop2.callSoon(() => loop2.stop());
await loop2.runForever();
loop2.close();
print("loop2 closed", loop2.isClosed());
