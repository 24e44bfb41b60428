import * as aio from "aionode";
import { print, pyFloat } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (Handle and TimerHandle):
// test_events.HandleTests: test_handle, test_handle_repr (plain functions; functools.partial has
//   no JavaScript twin: a bound function hides its arguments), test_handle_repr_debug,
//   test_handle_source_traceback (seen through the exception handler's context);
// test_events.TimerTests: test_when, test_timer, test_timer_repr, test_timer_repr_debug
//   (a float deadline: JavaScript cannot tell call_at(123) from call_at(123.0)).
// Source locations (" at file:line", " created at file:line") are stripped from Python's reprs.
const s = (h) => String(h);
function noop(...args) {}
class ValueError extends Error {
  name = "ValueError";
}
const loop = aio.newEventLoop();

print("== test_handle");
let h = loop.callSoon(noop);
print("  ", h.constructor.name, h.cancelled());
print("   cancel() ->", h.cancel(), h.cancelled());

print("== test_handle_repr");
h = loop.callSoon(noop, 1, 2);
print("  ", s(h));
h.cancel();
print("   cancelled:", s(h));
h = loop.callSoon(noop, "a", null, true, 1.5, [1, "b"]);
print("  ", s(h));
h.cancel();
h = loop.callSoon(noop);
print("  ", s(h));
h.cancel();

print("== test_handle_repr_debug");
loop.setDebug(true);
h = loop.callSoon(noop, 1, 2);
print("  ", s(h));
h.cancel();
print("   cancelled:", s(h));
h.cancel();
print("   cancelled twice:", s(h));
loop.setDebug(false);
print("   debug off again:", s(h));

print("== test_handle_source_traceback");
loop.setDebug(true);
loop.setExceptionHandler((lp, ctx) => {
  const tb = ctx.sourceTraceback;
  print("  ", ctx.message, "| has source_traceback:", tb !== undefined && tb !== null && String(tb).length > 0);
});
function fails(tag) {
  throw new ValueError(tag);
}
loop.callSoon(fails, "call_soon");
loop.callSoonThreadsafe(fails, "call_soon_threadsafe");
loop.callLater(0, fails, "call_later");
loop.callAt(loop.time(), fails, "call_at");
loop.setDebug(false);
loop.callSoon(fails, "call_soon outside debug mode");
loop.callAt(loop.time() + 0.1, () => loop.stop());
await loop.runForever();

print("== test_when");
const when = loop.time() + 100.25;
h = loop.callAt(when, noop);
print("   when() == when:", h.when() === when);
h.cancel();
print("   after cancel:", h.when() === when);

print("== test_timer");
h = loop.callAt(50.5, noop, 1, 2, 3);
print("  ", h.constructor.name, h instanceof aio.Handle, h.cancelled(), h.when());
h.cancel();
print("   cancelled:", h.cancelled(), h.when());

print("== test_timer_repr");
h = loop.callAt(123.0, noop);
print("  ", s(h));
h.cancel();
print("   cancelled:", s(h));
h = loop.callAt(123.25, noop, "x", 2);
print("  ", s(h));
h.cancel();
print("   cancelled:", s(h));

print("== test_timer_repr_debug");
loop.setDebug(true);
h = loop.callAt(123.0, noop);
print("  ", s(h));
h.cancel();
print("   cancelled:", s(h));
h = loop.callLater(1000, noop, "y");
print("   call_later cancelled:", h.cancel() === undefined ? s(h).replace(/when=[\d.]+/, "when=T") : "");
loop.close();
