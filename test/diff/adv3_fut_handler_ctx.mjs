import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// What the exception handler sees for failing done callbacks (the future as the argument, in
// the message, shortened as reprlib shortens it), failing call_soon / call_at callbacks with
// long arguments; a handler that stops the loop, schedules more work, cancels the failing
// timer's handle; the timer's state afterwards.
const loop = aio.newEventLoop();
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
function boom(...a) {
  throw new ValueError(`boom ${a.length}`);
}
const stop = () => loop.stop();
const seen = [];
function handler(lp, ctx) {
  print("handler:", ctx.message, "|", Object.keys(ctx).sort(), "|", ctx.exception.name, str(ctx.exception));
  seen.push(ctx);
}
loop.setExceptionHandler(handler);

print("-- 1 failing done callbacks");
const f1 = loop.createFuture();
f1.addDoneCallback(boom);
f1.setResult(7);
const f2 = loop.createFuture();
f2.addDoneCallback(boom);
f2.setResult("long result string");
const f3 = loop.createFuture();
f3.addDoneCallback(boom);
f3.setException(new ValueError("x"));
const f4 = loop.createFuture();
f4.addDoneCallback(boom);
f4.cancel("why");
const f5 = loop.createFuture();
f5.addDoneCallback(boom);
f5.setResult(1.5);
loop.callSoon(stop);
await loop.runForever();
f3.exception();

print("-- 2 failing call_soon callbacks with arguments");
loop.callSoon(boom, "a".repeat(40), 1.5);
loop.callSoon(boom, "short", -3);
loop.callSoon(boom);
loop.callSoon(stop);
await loop.runForever();

print("-- 3 a failing timer; the handler cancels its handle and stops the loop");
const T = {};
function handler2(lp, ctx) {
  const h = ctx.handle;
  print("handler2:", ctx.message, "| is the timer", h === T.t, "| cancelled", h.cancelled());
  h.cancel();
  print("  after cancel", String(h), h.when());
  loop.stop();
  loop.callSoon(print, "  scheduled by handler2");
}
loop.setExceptionHandler(handler2);
T.t = loop.callAt(-1.25, boom, "t", 2);
loop.callAt(-1.0, print, "  timer after the failing one (same iteration)");
loop.callSoon(print, "  soon before the timers");
await loop.runForever();
print("stopped; timer cancelled", T.t.cancelled());
loop.setExceptionHandler(handler);
loop.callSoon(stop);
await loop.runForever();
loop.close();
