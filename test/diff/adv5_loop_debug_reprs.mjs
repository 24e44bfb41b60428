import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Handle and TimerHandle reprs in debug mode. asyncio's cancel() keeps the repr of a cancelled
// handle (callback and arguments included) when debug mode is on at that moment, and not when it
// is off; before and after the callback ran; for a timer cancelled by itself, by an earlier timer
// of its batch, or after it ran; the context handle of a failing callback (one that cancelled
// itself too), and the handle in the slow-callback warning. Deadlines are fixed values (far
// ahead, or in the past), so reprs are stable; source locations are stripped.
const loop = aio.newEventLoop();
loop.setDebug(true);
loop.slowCallbackDuration = 100;
const s = (x) => String(x);
const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");

// asyncio logs the warning; aionode writes it to console.warn (first line: the message)
console.warn = (msg) => {
  print("  WARNING", String(msg).split("\n")[0].replace(/took [\d.]+ seconds/, "took N seconds"));
};

function cb(...args) {
  print("  cb", ...args);
}
function other() {
  print("  other");
}
const floatZero = -0;

print("-- call_soon handles: pending, cancelled in debug mode");
const h0 = loop.callSoon(other);
const h1 = loop.callSoon(cb, 1);
const h2 = loop.callSoon(cb, "it's", [1, [2.5, "x"]], floatZero, 1e-7);
const h3 = loop.callSoon(cb, "y".repeat(40));
for (const h of [h0, h1, h2, h3]) print(s(h), h.cancelled());
for (const h of [h0, h2]) {
  h.cancel();
  print("cancelled:", s(h), h.cancelled());
}
h2.cancel();
print("twice:", s(h2));

print("-- debug switched off before cancel(): no callback in the repr; switched back on: still none");
const h4 = loop.callSoon(cb, 4);
loop.setDebug(false);
h4.cancel();
print(s(h4));
loop.setDebug(true);
print(s(h4));
print("-- cancelled in debug mode, then debug off: the kept repr stays");
const h5 = loop.callSoon(cb, 5);
h5.cancel();
loop.setDebug(false);
print(s(h5));
const h6 = loop.callSoon(cb, 6);
h6.cancel();
print("cancelled with debug off:", s(h6));
loop.setDebug(true);

print("-- timers");
const T = {};
T.far = loop.callAt(1e9 + 0.5, cb, "far");
T.far2 = loop.callAt(2e9 + 0.25, other);
print(s(T.far), s(T.far2));
T.far.cancel();
T.far2.cancel();
print(s(T.far), s(T.far2), T.far.when());

function t_self(tag) {
  print("  t_self runs", tag);
  T.self.cancel();
  print("  inside, after cancelling itself:", s(T.self));
}
function t_killer() {
  print("  t_killer cancels t_victim (due in the same batch)");
  T.victim.cancel();
  print("  ", s(T.victim));
}
T.self = loop.callAt(-5.5, t_self, "s");
T.killer = loop.callAt(-5.25, t_killer);
T.victim = loop.callAt(-5.0, cb, "never");
T.plain = loop.callAt(-4.75, cb, "plain", [1, 2]);
for (const k of ["self", "killer", "victim", "plain"]) print(k, s(T[k]));
loop.callSoon(cb, "soon ran");
loop.callLater(0.02, () => loop.stop());
await loop.runForever();
print("after the run");
for (const k of ["self", "killer", "victim", "plain"]) print(k, s(T[k]), T[k].cancelled());
T.plain.cancel();
print("plain cancelled after it ran:", s(T.plain));
print("soon handles after the run:", s(h1), s(h3));
h1.cancel();
print("h1 cancelled after it ran:", s(h1));

print("-- failing callbacks: the context's handle");
function handler(lp, ctx) {
  const h = ctx.handle;
  print("  H |", ctx.message, "|", ctx.exception.name, "|", s(h), h.cancelled());
}
loop.setExceptionHandler(handler);
const S = {};
function boom() {
  throw new ValueError("boom");
}
function boom_self(tag) {
  S[tag].cancel();
  throw new KeyError(tag);
}
loop.callSoon(boom, 1, "two");
S.soon = loop.callSoon(boom_self, "soon");
S.timer = loop.callAt(-3.5, boom_self, "timer");
loop.callAt(-3.25, boom, [3]);
loop.setDebug(false); // (a future made in debug mode shows where it was made in its repr)
const f = loop.createFuture();
loop.setDebug(true);
f.addDoneCallback(boom);
f.setResult("r");
loop.callLater(0.02, () => loop.stop());
await loop.runForever();
print("self-cancelled:", s(S.soon), s(S.timer));

print("-- slow callbacks are reported with their handle");
loop.slowCallbackDuration = 0.025;
function slow(tag) {
  const end = performance.now() + 50;
  while (performance.now() < end);
  print("  slow", tag, "done");
}
loop.callSoon(slow, "soon");
loop.callAt(-2.5, slow, ["timer"]);
loop.callLater(0.1, () => loop.stop());
await loop.runForever();
loop.slowCallbackDuration = 100;
loop.close();
print("closed");
