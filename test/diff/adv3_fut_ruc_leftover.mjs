import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// run_until_complete() corners: the future completes in the iteration that also stops the loop,
// so its _run_until_complete_cb stays queued and stops the NEXT run after one iteration; an
// already-done future; a stop() pending before the run; a future cancelled with a message by a
// callback; done callbacks registered before and after the run's own.
const loop = aio.newEventLoop();
class LookupError extends Error {
  constructor(m) {
    super(m);
    this.name = "LookupError";
  }
}
const say = (...a) => print(" ", ...a);
function chain(n, tag) {
  say(tag, n);
  if (n > 0) loop.callSoon(chain, n - 1, tag);
}
const stop = () => loop.stop();

print("-- 1 stop() and set_result in one iteration");
const f = loop.createFuture();
loop.callSoon(say, "A");
loop.callSoon(stop);
loop.callSoon((v) => f.setResult(v), "r1");
loop.callSoon(say, "B");
print("result", await loop.runUntilComplete(f));
print("-- next run_forever (the leftover done callback stops it)");
loop.callSoon(chain, 3, "c");
// (this run ends at once; its stop timer is cancelled, so that no later run meets it)
const earlyStop = loop.callLater(0.3, stop);
await loop.runForever();
earlyStop.cancel();
print("-- drain");
loop.callLater(0.3, stop);
await loop.runForever();

print("-- 2 already done future, with queued callbacks");
const g = loop.createFuture();
g.setResult("r2");
loop.callSoon(chain, 2, "d");
g.addDoneCallback((fut) => say("g cb before run"));
print("result", await loop.runUntilComplete(g));
loop.callLater(0.3, stop);
await loop.runForever();

print("-- 3 stop() pending before run_until_complete");
const h = loop.createFuture();
loop.stop();
loop.callSoon(chain, 2, "e");
try {
  await loop.runUntilComplete(h);
} catch (e) {
  print("raised", e.name, str(e));
}
print("h done", h.done(), "callbacks left", (String(h).match(/cb=\[/) ? 1 : 0));
loop.callSoon((v) => h.setResult(v), "late");
loop.callLater(0.3, stop);
await loop.runForever();
print("h", h.result());

print("-- 4 cancelled by a callback with a message");
const k = loop.createFuture();
k.addDoneCallback((fut) => say("k cb 1, cancelled", fut.cancelled()));
loop.callSoon((m) => k.cancel(m), "stop it");
loop.callSoon(() => k.addDoneCallback((fut) => say("k cb added after cancel")));
try {
  await loop.runUntilComplete(k);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("raised CancelledError", repr(str(e)));
}
loop.callLater(0.3, stop);
await loop.runForever();

print("-- 5 failing future, exception retrieved by the run");
const m = loop.createFuture();
loop.callLater(0.01, (e) => m.setException(e), new LookupError("kk"));
try {
  await loop.runUntilComplete(m);
} catch (e) {
  print("raised", e.name, str(e));
}

print("-- 6 run_until_complete of a future that a done callback of another completes");
const p = loop.createFuture();
const q = loop.createFuture();
p.addDoneCallback((fut) => q.setResult(fut.result() + "+q"));
q.addDoneCallback((fut) => say("q cb sees", fut.result()));
loop.callLater(0.01, (v) => p.setResult(v), "p");
print("result", await loop.runUntilComplete(q));
loop.callLater(0.3, stop);
await loop.runForever();
loop.close();
print("closed");
