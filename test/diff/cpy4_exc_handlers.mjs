import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (exception handlers):
// test_base_events.BaseEventLoopTests: test_default_exc_handler_callback, test_default_exc_handler_coro,
//   test_set_exc_handler_invalid, test_set_exc_handler_custom, test_set_exc_handler_broken,
//   test_default_exc_handler_broken;
// test_events.HandleTests: test_callback_with_exception.
// What the default handler is given is recorded by wrapping it (it then writes to stderr as usual);
// what the loop itself logs when the default handler fails is captured from its logger.
const s = (x) => String(x).replace(/when=[\d.e+-]+/g, "when=T");
const keys = (ctx) => Object.keys(ctx).sort();
const consoleError = console.error;
console.error = (...args) => {
  print("   LOG:", s(String(args[0]).split("\n")[0]));
  consoleError(...args);
};
class ZeroDivisionError extends Error {
  name = "ZeroDivisionError";
}
class ValueError extends Error {
  name = "ValueError";
}
class AttributeError extends Error {
  name = "AttributeError";
}
const tname = (e) => (e === undefined ? "NoneType" : e.name);

function zero_error(fut) {
  if (fut !== undefined) fut.setResult(true);
  throw new ZeroDivisionError("division by zero");
}
function wrapDefault(loop, label) {
  const orig = loop.defaultExceptionHandler.bind(loop);
  loop.defaultExceptionHandler = (ctx) => {
    print(`   default handler${label}:`, s(ctx.message), "|", tname(ctx.exception), "|", keys(ctx));
    orig(ctx);
  };
}
async function runOnce(loop) {
  loop.callSoon(() => loop.stop());
  await loop.runForever();
}

print("== test_default_exc_handler_callback");
let loop = aio.newEventLoop();
wrapDefault(loop, "");
let fut = loop.createFuture();
loop.callSoon(zero_error, fut);
fut.addDoneCallback((f) => loop.stop());
await loop.runForever();
print("   fut:", fut);
fut = loop.createFuture();
loop.callLater(0.1, zero_error, fut);
fut.addDoneCallback((f) => loop.stop());
await loop.runForever();
print("   fut:", fut);

print("== test_default_exc_handler_coro");
const zeroErrorCoro = aio.coroutine(function* zero_error_coro() {
  yield* aio.sleep(0.1);
  zero_error();
});
fut = aio.ensureFuture(zeroErrorCoro(), loop);
fut.addDoneCallback((f) => loop.stop());
await loop.runForever();
print("   task done:", fut.done());
fut = null;
loop.close();
print("   loop closed");

print("== test_set_exc_handler_invalid");
loop = aio.newEventLoop();
for (const bad of ["spam", 42]) {
  try {
    loop.setExceptionHandler(bad);
  } catch (e) {
    if (e instanceof TypeError) print(`   set_exception_handler(${repr(bad)}) raised TypeError`);
  }
}
print("   handler still:", loop.getExceptionHandler());

print("== test_set_exc_handler_custom");
loop.setDebug(true);
wrapDefault(loop, "");
print("   get_exception_handler():", loop.getExceptionHandler());
const seen = [];
function custom(lp, ctx) {
  seen.push(ctx);
  print("   custom handler: same loop", lp === loop, "|", s(ctx.message), "|", tname(ctx.exception), "|", keys(ctx));
  print("   handle:", s(ctx.handle), "cancelled:", ctx.handle.cancelled());
}
loop.setExceptionHandler(custom);
print("   get_exception_handler() is custom:", loop.getExceptionHandler() === custom);
loop.callSoon(zero_error);
await runOnce(loop);
loop.setExceptionHandler(null);
print("   after reset:", loop.getExceptionHandler());
loop.callSoon(zero_error);
await runOnce(loop);
print("   custom calls:", seen.length);

print("== test_set_exc_handler_broken");
loop.setDebug(false);
function broken(lp, ctx) {
  print("   broken handler got:", s(ctx.message));
  throw new AttributeError("spam");
}
loop.setExceptionHandler(broken);
const orig = Object.getPrototypeOf(loop).defaultExceptionHandler;
loop.defaultExceptionHandler = (ctx) => {
  const inner = ctx.context;
  print("   default handler:", ctx.message, "|", ctx.exception, "|", keys(ctx), "| inner:", s(inner.message), tname(inner.exception), keys(inner));
  orig.call(loop, ctx);
};
loop.callSoon(zero_error);
await runOnce(loop);
loop.close();

print("== test_default_exc_handler_broken");
loop = aio.newEventLoop();
const got = [];
loop.defaultExceptionHandler = (ctx) => {
  got.push(ctx);
  print("   default handler (raises):", s(ctx.message), "|", keys(ctx));
  throw new ValueError("spam");
};
loop.callSoon(zero_error);
await runOnce(loop);
function customHam(lp, ctx) {
  print("   custom handler (raises):", s(ctx.message));
  throw new ValueError("ham");
}
got.length = 0;
loop.setExceptionHandler(customHam);
loop.callSoon(zero_error);
await runOnce(loop);
const ctx = got.at(-1);
print("   default was given:", ctx.message, "|", ctx.exception, "| context:", s(ctx.context.message), tname(ctx.context.exception));
print("   loop still usable:", await loop.runUntilComplete(aio.sleep(0, "yes")));
loop.close();

print("== test_callback_with_exception");
loop = aio.newEventLoop();
loop.setExceptionHandler((lp, ctx) => {
  print("   handler:", s(ctx.message), "|", ctx.exception, "|", keys(ctx), "|", s(ctx.handle));
});
function raises() {
  throw new ValueError();
}
loop.callSoon(raises);
loop.callLater(-1, raises);
await runOnce(loop);
loop.close();
