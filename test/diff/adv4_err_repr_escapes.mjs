import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// The "Exception in callback ..." message shows the callback's arguments with repr(): characters
// that Python does not consider printable are escaped (C1 controls, no-break and other special
// spaces, soft hyphen, line/paragraph separators, format characters, lone surrogates, private
// use and unassigned code points), printable non-ASCII is kept (accents, combining marks,
// emoji), also inside reprlib's shortening and inside a future's repr (result and exception).
const loop = aio.newEventLoop();

function handler(lp, ctx) {
  print("H |", ctx.message);
}
loop.setExceptionHandler(handler);

const AppError = errorClass("AppError");
function boom(...a) {
  throw new AppError("boom");
}

const cases = [
  ["C1", "\x85\x9f"],
  ["nbsp", "a\xa0b"],
  ["soft hyphen", "\xad"],
  ["separators", "\u2028\u2029"],
  ["zero width", "\u200b\u200d"],
  ["bom", "\ufeff"],
  ["lone surrogate", "\ud800"],
  ["tag char", "\u{e0001}"],
  ["ideographic space", "\u3000"],
  ["noncharacter", "\uffff"],
  ["private use", "\ue000"],
  ["printable", "\u00e9 a\u0301 \u4e2d \u{1f600}"],
  ["escape seq", "\x1b[31mred\x1b[0m"],
];
for (const [name, s] of cases) loop.callSoon(boom, name, s);
loop.callSoon(boom, "x\xa0".repeat(20));
loop.callSoon(boom, "\u{1f600}".repeat(40));
loop.callSoon(boom, ["\u2028", "\x85".repeat(40)]);
const f = loop.createFuture();
f.addDoneCallback(boom);
f.setResult("\xa0\u2028");
const g = loop.createFuture();
g.addDoneCallback(boom);
g.setException(new AppError("\x85"));
loop.callSoon(() => loop.stop());
await loop.runForever();
g.exception();
loop.close();
