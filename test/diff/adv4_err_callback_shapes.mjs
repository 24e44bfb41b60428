import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Failing call_soon / call_later / call_at callbacks with many argument shapes: the handler's
// context keys, the "Exception in callback ..." text (reprlib-shortened arguments: strings with
// escapes, quotes, long strings, deep and long lists, floats, exceptions, futures), the handle's
// repr and state, and exceptions with empty and multi-line messages. Deadlines are stripped.
const loop = aio.newEventLoop();
const stable = (s) => s.replace(/when=[-\d.e+]+/g, "when=T");

function handler(lp, ctx) {
  const exc = ctx.exception;
  const h = ctx.handle;
  print("H |", stable(ctx.message));
  print("  ", Object.keys(ctx).sort(), "|", exc.name, exc.message.split("\n"), "|", h.constructor.name, stable(String(h)), h.cancelled());
}
loop.setExceptionHandler(handler);

const AppError = errorClass("AppError");
const ValueError = errorClass("ValueError");
function boom(...args) {
  throw new AppError(`boom ${args.length}`);
}
function boom_empty(...args) {
  throw new AppError();
}
function boom_lines(...args) {
  throw new ValueError("first line\nsecond line\n");
}
const stop = () => loop.stop();

const futPending = loop.createFuture();
const futResult = loop.createFuture();
futResult.setResult([1, 2]);
const futExc = loop.createFuture();
futExc.setException(new ValueError("x"));
futExc.exception();
const futCancelled = loop.createFuture();
futCancelled.cancel();

print("-- strings");
loop.callSoon(boom, "");
loop.callSoon(boom, "a\nb", "tab\there", "back\\slash");
loop.callSoon(boom, "it's", 'say "hi"', "both ' and \"");
loop.callSoon(boom, "\x00\x1f\x7f", "\u00e9\u00fc");
loop.callSoon(boom, "x".repeat(30), "y".repeat(31));
loop.callSoon(boom, "ab\n".repeat(20));
loop.callSoon(boom, "'".repeat(40));
loop.callSoon(stop);
await loop.runForever();

print("-- numbers and lists");
loop.callSoon(boom, 0, -7, 2.5, -0, 1e16, 1e-7, 123456789012345);
loop.callSoon(boom, Infinity, -Infinity, NaN);
loop.callSoon(boom, [], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7]);
loop.callSoon(boom, [1, [2, [3, [4, [5, [6, [7, [8]]]]]]]]);
loop.callSoon(boom, [[]], [[[[[[[]]]]]]], [[[[[[[[]]]]]]]]);
loop.callSoon(boom, ["a".repeat(40), "b"], [0.5, [1e100]]);
loop.callSoon(boom, 1, 2, 3, 4, 5, 6, 7, 8, 9);
loop.callSoon(stop);
await loop.runForever();

print("-- exceptions and futures as arguments");
loop.callSoon(boom, new ValueError("bad"), new ValueError(), new AppError("a much longer message than thirty"));
loop.callSoon(boom, futPending, futResult);
loop.callSoon(boom, futExc, futCancelled);
loop.callSoon(boom, [futPending]);
loop.callSoon(stop);
await loop.runForever();

print("-- exception messages");
loop.callSoon(boom_empty);
loop.callSoon(boom_lines, "z");
loop.callSoon(boom_empty, "q".repeat(50));
loop.callSoon(stop);
await loop.runForever();

print("-- timers");
const t0 = loop.time();
loop.callAt(t0 - 1, boom, "at", [1]);
loop.callLater(0, boom_lines, 1.5);
loop.callLater(0.001, boom_empty, "a\tb");
loop.callLater(0.001, boom);
loop.callLater(0.02, stop);
await loop.runForever();
loop.close();
print("done");
