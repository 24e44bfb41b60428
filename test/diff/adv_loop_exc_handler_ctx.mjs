import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// The context of a throwing callback (keys, message text, handle kind), a custom handler that
// throws (the default handler gets 'Unhandled error in exception handler' with the original
// context), a default handler that throws, and call_exception_handler called directly.
const loop = aio.newEventLoop();
const keys = (o) => Object.keys(o).sort();

function printer(lp, ctx) {
  const exc = ctx.exception;
  const h = ctx.handle;
  print("handler |", ctx.message, "|", keys(ctx), "|", exc.name, repr(str(exc)), "|", h.constructor.name, h !== undefined ? h.cancelled() : null);
}
function defaultOverride(ctx) {
  const inner = ctx.context;
  print("default |", ctx.message, "|", keys(ctx), "|", ctx.exception.name, "| inner:", inner ? inner.message : null, inner ? keys(inner) : null);
}
loop.defaultExceptionHandler = defaultOverride;

const AppError = errorClass("AppError");
const ValueError = errorClass("ValueError");
const ZeroDivisionError = errorClass("ZeroDivisionError");
const RuntimeError = errorClass("RuntimeError");
function boom() {
  throw new AppError("plain");
}
function boom_args(a, b, c) {
  throw new ValueError(`args ${a} ${b} ${c}`);
}
function boom_quote(s) {
  throw new TypeError(s);
}
function fine(tag) {
  print("fine", tag);
}
const stop = () => loop.stop();

// 1. no custom handler: the default one (overridden on the instance) gets the context
loop.callSoon(boom);
loop.callSoon(fine, 1);
loop.callSoon(stop);
await loop.runForever();

// 2. custom handler: callbacks with arguments, a timer, call_at
loop.setExceptionHandler(printer);
loop.callSoon(boom_args, 1, -2, "x");
loop.callSoon(boom_quote, "it's");
loop.callSoon(fine, 2);
const t0 = loop.time();
loop.callAt(t0 - 0.01, boom_args, 3, 4, "later");
loop.callLater(0.02, boom);
loop.callLater(0.05, stop);
await loop.runForever();

// 3. a custom handler that throws: the default handler reports it, with the original context
function bad(lp, ctx) {
  print("bad handler |", ctx.message);
  throw new ZeroDivisionError("handler broke");
}
loop.setExceptionHandler(bad);
loop.callSoon(boom_args, 5, 6, "y");
loop.callSoon(fine, 3);
loop.callSoon(() => loop.callExceptionHandler({ message: "direct", extra: 42 }));
loop.callSoon(stop);
await loop.runForever();
loop.callExceptionHandler({ message: "direct, outside the loop" });

// 4. the default handler throws too: logged, and the loop goes on
function badDefault(ctx) {
  print("bad default |", ctx.message);
  throw new RuntimeError("default broke");
}
loop.defaultExceptionHandler = badDefault;
loop.callSoon(boom);
loop.callSoon(fine, 4);
loop.callSoon(stop);
await loop.runForever();
loop.setExceptionHandler(null);
loop.callSoon(boom);
loop.callSoon(fine, 5);
loop.callSoon(stop);
await loop.runForever();
loop.callExceptionHandler({ message: "direct to a broken default" });
print("still fine");

// 5. a handler that calls call_exception_handler itself (its own context goes through it again)
let depth = 0;
function reentrant(lp, ctx) {
  depth += 1;
  print("reentrant depth", depth, "|", ctx.message);
  if (depth === 1) lp.callExceptionHandler({ message: "nested from the handler" });
  depth -= 1;
}
loop.setExceptionHandler(reentrant);
loop.callSoon(boom);
loop.callSoon(stop);
await loop.runForever();
loop.close();
