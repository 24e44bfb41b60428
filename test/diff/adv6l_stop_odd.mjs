import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// stop() at odd moments around run_until_complete() and run_forever(): stop() before a
// run_until_complete whose future gets its result in that one iteration (the future is done, so
// the run returns its result, though _run_until_complete_cb never ran; the user's done callback
// of that future runs in the next run); stop() before it with the future still pending (the
// error, and the future finishing in a later run without stopping it); stop() from the future's
// own done callback registered before the run; stop() twice and from a closed-over other loop's
// callback (the flag waits for the next run of this loop); stop() from a timer in a batch of due
// timers (the rest of the batch still runs); stop() then run_until_complete of an already done
// future; stop() inside a task step that then finishes in the same step; stop() on a closed loop.
const loop = aio.newEventLoop();
const other = aio.newEventLoop();
class LookupError extends Error {
  name = "LookupError";
}
const log = (...args) => print("  ", ...args);

async function ruc(label, aw) {
  print("run_until_complete:", label);
  try {
    print("   ->", repr(await loop.runUntilComplete(aw)));
  } catch (e) {
    print("   raised", e.name, repr(e.message));
  }
}
async function run(label) {
  print("run_forever:", label);
  await loop.runForever();
  print("   returned");
}
function chain(tag, n) {
  log(tag, n);
  if (n > 0) loop.callSoon(chain, tag, n - 1);
}
const stop = () => loop.stop();

print("-- 1 stop() before, the future done in the one iteration");
const f = loop.createFuture();
f.addDoneCallback((fut) => log("user done callback of f:", fut.result()));
loop.callSoon((v) => f.setResult(v), "f result");
loop.callSoon(chain, "a", 2);
loop.stop();
await ruc("f", f);
print("   f done:", f.done());
loop.callSoon(stop);
await run("next run");

print("-- 2 stop() before, the future still pending");
const g = loop.createFuture();
g.addDoneCallback((fut) => log("user done callback of g:", fut.result()));
loop.callSoon(chain, "b", 2);
loop.stop();
await ruc("g", g);
loop.callSoon((v) => g.setResult(v), "g later");
loop.callLater(0.1, log, "timer: the run went on after g finished");
loop.callLater(0.2, stop);
await run("g finishes; its done callback no longer stops the loop");

print("-- 3 stop() from the future's own done callback");
const h = loop.createFuture();
h.addDoneCallback(() => {
  log("h's callback stops the loop");
  loop.stop();
});
loop.callSoon(chain, "c", 3);
loop.callSoon((v) => h.setResult(v), "h result");
await ruc("h", h);
loop.callSoon(stop);
await run("drain");

print("-- 4 stop() twice, and from another loop's callback");
loop.stop();
loop.stop();
loop.callSoon(chain, "d", 2);
await run("one iteration");
other.callSoon(stop);
other.callSoon(() => other.stop());
await other.runForever();
print("   other ran; loop running:", loop.isRunning());
await run("stopped by the other loop's callback: one iteration");
loop.callSoon(stop);
await run("drain");

print("-- 5 stop() from a timer inside a batch of due timers");
const now = loop.time();
loop.callAt(now - 0.3, log, "timer -0.3");
loop.callAt(now - 0.2, () => {
  log("timer -0.2 stops");
  loop.stop();
});
loop.callAt(now - 0.1, log, "timer -0.1");
loop.callSoon(chain, "e", 2);
loop.callLater(10, log, "never: far timer");
await run("batch");
loop.callSoon(stop);
await run("drain");

print("-- 6 stop() then run_until_complete of a done future / a failed one");
const done = loop.createFuture();
done.setResult("was done");
loop.stop();
await ruc("done", done);
const bad = loop.createFuture();
bad.setException(new LookupError("was failed"));
loop.stop();
await ruc("failed", bad);
loop.stop();
const cancelled = loop.createFuture();
cancelled.cancel("was cancelled");
await ruc("cancelled", cancelled);

const stopAndFinish = aio.coroutine(function* stop_and_finish(n) {
  log("task stops the loop and returns without awaiting");
  aio.getRunningLoop().stop();
  return n * 2;
});
const stopAndAwait = aio.coroutine(function* stop_and_await(n) {
  log("task stops the loop and awaits sleep(0)");
  aio.getRunningLoop().stop();
  yield* aio.sleep(0);
  log("task resumed in the next run");
  return n * 3;
});

print("-- 7 stop() inside a task step");
await ruc("stop_and_finish", stopAndFinish(21));
const t = loop.createTask(stopAndAwait(5));
await ruc("stop_and_await", t);
print("   task done:", t.done());
await ruc("stop_and_await again", t);

print("-- 8 stop() on a closed loop");
loop.close();
loop.stop();
print("   stop() on a closed loop is fine; running:", loop.isRunning(), "closed:", loop.isClosed());
try {
  await loop.runForever();
} catch (e) {
  print("   run_forever:", e.name, e.message);
}
other.close();
