import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
print("default handler", loop.getExceptionHandler());

function handler(lp, ctx) {
  const exc = ctx.exception;
  print("handler: loop ok", lp === loop, "|", ctx.message, "|", exc.name, str(exc), "|", Object.keys(ctx).sort());
  if ("handle" in ctx) {
    const h = ctx.handle;
    const timer = h instanceof aio.TimerHandle;
    print("  handle", h.constructor.name, !timer || handles.includes(h) ? "is the scheduled one" : "is another");
  }
}
loop.setExceptionHandler(handler);
print("custom handler installed", loop.getExceptionHandler() === handler);

class AppError extends Error {
  name = "AppError";
}
function boom() {
  throw new AppError("boom!");
}
function boom_args(a, b) {
  const e = new Error(`bad args ${a} ${b}`);
  e.name = "ValueError";
  throw e;
}
function fine(name) {
  print("fine", name);
}

const handles = [];
handles.push(loop.callSoon(fine, 1));
handles.push(loop.callSoon(boom));
handles.push(loop.callSoon(fine, 2)); // the rest of the iteration still runs
handles.push(loop.callLater(0.05, boom));
handles.push(loop.callSoon(boom_args, 1, "x"));

// an exception in a future's done callback
const fut = loop.createFuture();
function doneCb(f) {
  const e = new Error(`done callback failed, result ${f.result()}`);
  e.name = "RuntimeError";
  throw e;
}
function doneHandler(lp, ctx) {
  print("done_handler:", ctx.message.startsWith("Exception in callback "), ctx.exception.name, str(ctx.exception));
}
fut.addDoneCallback(doneCb);
function stage2() {
  loop.setExceptionHandler(doneHandler);
  fut.setResult(7);
  // Each stage schedules the next: on a loaded machine two stages never share an iteration.
  loop.callLater(0.05, stage3);
}
loop.callLater(0.1, stage2);

// a handler that raises: asyncio logs that (stderr) and the loop goes on
function badHandler(lp, ctx) {
  print("bad_handler called with", ctx.message);
  const e = new Error("handler failed");
  e.name = "ZeroDivisionError";
  throw e;
}
function stage3() {
  loop.setExceptionHandler(badHandler);
  loop.callSoon(boom);
  loop.callSoon(fine, "after failing handler");
  loop.callLater(0.05, stage4);
}

// back to the default handler (it logs to stderr, not stdout)
function stage4() {
  loop.setExceptionHandler(null);
  print("handler reset", loop.getExceptionHandler());
  loop.callSoon(boom);
  loop.callSoon(fine, "after default handler");
  loop.callLater(0.05, () => loop.stop());
}
await loop.runForever();

try {
  loop.setExceptionHandler(42);
} catch (e) {
  print("set_exception_handler(42):", e.name);
}
loop.close();
