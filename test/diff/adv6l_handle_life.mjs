import * as aio from "aionode";
import { print, pyFloat } from "./pyfmt.mjs";

// Handles and timer handles through their lives, each seen from outside and from inside its own
// callback: repr, cancelled() and when() (deadlines fixed: past ones like -7.5, far ones like
// 1e9 + 0.5) before the run, while running, after; cancel() returns None, twice is harmless; a
// callback that cancels its own handle (and one that then raises: 'Exception in callback None()',
// the context's handle cancelled); a timer cancelling itself, a later timer of the same batch and
// a call_soon handle of the same iteration; cancel() after the run; handles of a closed loop.
const loop = aio.newEventLoop();
const H = {};
const s = (x) => String(x);
class ValueError extends Error {
  name = "ValueError";
}
class LookupError extends Error {
  name = "LookupError";
}

function handler(lp, ctx) {
  const h = ctx.handle;
  print("   handler:", ctx.message, "| exception:", ctx.exception.name, "| handle:", h instanceof aio.TimerHandle ? "TimerHandle" : "Handle", h.cancelled() ? "cancelled" : "live", s(h));
}
loop.setExceptionHandler(handler);

function look(tag, ...args) {
  const h = H[tag];
  print("  ", tag, "inside:", s(h), h.cancelled());
}
function self_cancel(tag, ...args) {
  const h = H[tag];
  print("  ", tag, "inside, cancel() ->", h.cancel(), h.cancelled(), s(h));
}
function self_cancel_raise(tag) {
  H[tag].cancel();
  throw new ValueError(tag);
}
function raise_live(tag, ...args) {
  throw new LookupError(tag);
}
function cancel_others(tag, ...victims) {
  for (const v of victims) print("  ", tag, "cancels", v, "->", H[v].cancel(), s(H[v]));
}
function show(tags) {
  for (const t of tags) {
    const h = H[t];
    const w = h instanceof aio.TimerHandle ? ` when=${pyFloat(h.when())}` : "";
    print("  ", t, s(h), h.cancelled(), w);
  }
}

H.soon0 = loop.callSoon(look, "soon0");
H.soon3 = loop.callSoon(look, "soon3", 1.5, null, [true]);
H.selfc = loop.callSoon(self_cancel, "selfc", "arg");
H.selfr = loop.callSoon(self_cancel_raise, "selfr");
H.live = loop.callSoon(raise_live, "live", 1);
H.t1 = loop.callAt(-7.5, look, "t1");
H.t2 = loop.callAt(-6.5, self_cancel, "t2", "x");
H.t3 = loop.callAt(-5.5, cancel_others, "t3", "t4", "late_soon");
H.t4 = loop.callAt(-4.5, look, "t4");
H.t5 = loop.callAt(-3.5, self_cancel_raise, "t5");
H.t6 = loop.callAt(-2.5, raise_live, "t6", "y");
H.far = loop.callAt(1e9 + 0.5, look, "far");
H.far2 = loop.callAt(1e9 + 0.25, look, "far2", 2);
const ALL = ["soon0", "soon3", "selfc", "selfr", "live", "t1", "t2", "t3", "t4", "t5", "t6", "far", "far2"];
print("-- before the run");
show(ALL);
H.pre = loop.callSoon(look, "pre");
print("   cancel() ->", H.pre.cancel(), "again ->", H.pre.cancel(), s(H.pre), H.pre.cancelled());

function queue_late() {
  H.late_soon = loop.callSoon(look, "late_soon");
  print("   queued late_soon:", s(H.late_soon));
}
loop.callSoon(queue_late);
loop.callLater(0.2, () => loop.stop());
print("-- run");
await loop.runForever();
print("-- after the run");
show([...ALL, "pre", "late_soon"]);
print("-- cancel() after the run");
for (const t of ["soon3", "t1", "t6", "far"]) print("  ", t, "->", H[t].cancel(), s(H[t]), H[t].cancelled());
show(["far", "far2"]);
loop.close();
print("-- after close");
show(["far2"]);
H.far2.cancel();
show(["far2"]);
