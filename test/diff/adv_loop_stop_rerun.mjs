import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// loop.stop() from different places (timer batch, done callback, exception handler, before the
// run), then run_forever / run_until_complete again: what runs in which run.
const loop = aio.newEventLoop();
function log(...args) {
  print(" ", ...args);
}
async function run(label) {
  print("run", label);
  await loop.runForever();
  print("run", label, "returned");
}
const stop = () => loop.stop();

// 1. stop() from a timer; a later timer due in the same iteration still runs; what it queues waits
function tStop() {
  log("t_stop calls stop()");
  loop.stop();
  loop.callSoon(log, "queued by t_stop");
}
function phase1() {
  const t = loop.time();
  loop.callAt(t - 0.03, tStop);
  loop.callAt(t - 0.02, log, "timer after t_stop, same iteration");
  loop.callAt(t - 0.01, () => loop.callSoon(log, "queued by the third timer"));
  loop.callLater(0.05, log, "pending timer (next run)");
  loop.callSoon(log, "queued by phase1 (runs before the due timers)");
}
loop.callLater(0.1, phase1);
await run("1");
loop.callLater(0.1, stop);
await run("1b");

// 2. stop() from a done callback; the other done callbacks of that future still run
const f = loop.createFuture();
f.addDoneCallback((fut) => log("cb1", fut.result()));
f.addDoneCallback(() => {
  log("cb2 stops");
  loop.stop();
});
f.addDoneCallback((fut) => log("cb3", fut.result()));
loop.callSoon((v) => f.setResult(v), "F");
loop.callSoon(log, "same iteration as set_result");
await run("2");
loop.callSoon(stop);
await run("2b");

// 3. stop() from the exception handler
function handler(lp, ctx) {
  log("handler:", ctx.exception.name, "-> stop()");
  lp.stop();
}
function boom() {
  const e = new Error("k");
  e.name = "KeyError";
  throw e;
}
loop.setExceptionHandler(handler);
loop.callSoon(boom);
loop.callSoon(log, "after boom, same iteration");
loop.callSoon(() => loop.callSoon(log, "next iteration (next run)"));
await run("3");
loop.callSoon(stop);
await run("3b");
loop.setExceptionHandler(null);

// 4. stop() before run_until_complete: the run stops after one iteration
const g = loop.createFuture();
loop.callLater(0.05, (v) => g.setResult(v), "G");
loop.stop();
loop.stop();
loop.callSoon(log, "runs in the single iteration");
try {
  await loop.runUntilComplete(g);
} catch (e) {
  print("run_until_complete raised", e.name, e.message, "| g done", g.done());
}
print("second run_until_complete ->", await loop.runUntilComplete(g));

// 5. run_until_complete on done futures: one iteration (its stop callback runs in it)
const d = loop.createFuture();
d.setResult("D");
loop.callSoon(log, "queued before");
loop.callSoon(() => {
  log("chainer");
  loop.callSoon(log, "queued by chainer (runs next time)");
});
print("done future ->", await loop.runUntilComplete(d));
loop.stop();
print("done future after stop() ->", await loop.runUntilComplete(d));
const x = loop.createFuture();
const ve = new Error("failed before the run");
ve.name = "ValueError";
x.setException(ve);
try {
  await loop.runUntilComplete(x);
} catch (e) {
  print("failed future raised", repr(e));
}
const c = loop.createFuture();
c.cancel("cancelled before the run");
try {
  await loop.runUntilComplete(c);
} catch (e) {
  print("cancelled future raised", repr(e));
}
loop.callSoon(stop);
await run("5");
print("closed", loop.isClosed(), "running", loop.isRunning());
loop.close();
