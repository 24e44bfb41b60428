import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Closing a loop with work pending: callbacks queued by the last iteration, due and far timers,
// futures with done callbacks, tasks not started / waiting on a future / sleeping. Nothing of it
// runs later (also not while another loop runs); handles keep their state and reprs (not
// cancelled) and can still be cancelled; tasks keep their reprs; what schedules onto the closed
// loop raises 'Event loop is closed', also from another loop's callback (reported there by the
// exception handler), and the other loop goes on.
const loop = aio.newEventLoop();
const other = aio.newEventLoop();
const s = (x) => String(x);
function log(...args) {
  print("  ", ...args);
}
function attempt(label, fn) {
  try {
    const r = fn();
    print(label, "->", typeof r === "object" && r !== null ? s(r) : r === undefined ? null : r);
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

const gate = loop.createFuture();
const waiter = aio.coroutine(function* waiter() {
  log("waiter starts");
  yield* gate;
  log("never: waiter resumes");
});
const sleeper = aio.coroutine(function* sleeper() {
  log("sleeper starts");
  yield* aio.sleep(1000);
  log("never: sleeper resumes");
});
const never_started = aio.coroutine(function* never_started() {
  log("never: never_started runs");
});
const H = {};
function last_iteration() {
  log("last iteration queues more and stops");
  H.queued = loop.callSoon(log, "never: queued by the last iteration", [1]);
  H.due = loop.callAt(-7.5, log, "never: due timer");
  loop.stop();
}
const tw = loop.createTask(waiter(), { name: "waiting" });
const ts = loop.createTask(sleeper(), { name: "sleeping" });
H.far = loop.callAt(1e9 + 0.5, log, "never: far timer");
loop.callSoon(() => loop.callSoon(last_iteration));
await loop.runForever();
const tn = loop.createTask(never_started(), { name: "not-started" });
const fcb = loop.createFuture();
fcb.addDoneCallback(() => log("never: done callback"));
loop.close();
print("closed:", loop.isClosed(), "running:", loop.isRunning());
for (const k of ["queued", "due", "far"]) print(k, s(H[k]), H[k].cancelled());
for (const t of [tw, ts, tn]) print(s(t), t.done(), t.cancelling());

print("-- another loop runs; nothing of the closed loop fires");
other.callLater(0.05, () => other.stop());
await other.runForever();
print("other ran");

print("-- handles after close");
H.queued.cancel();
H.due.cancel();
print("queued", s(H.queued), H.queued.cancelled());
print("due", s(H.due), H.due.cancelled(), H.due.when());
print("far", s(H.far), H.far.when());
H.far.cancel();
print("far", s(H.far), H.far.cancelled());

print("-- tasks and futures after close");
attempt("not-started.cancel()", () => tn.cancel("late"));
print("  ", s(tn), tn.cancelling());
attempt("waiting.cancel()", () => tw.cancel());
print("  ", s(tw), tw.cancelling(), "gate:", s(gate));
attempt("sleeping.cancel()", () => ts.cancel());
print("  ", s(ts), ts.cancelling());
attempt("pending future, add_done_callback", () => fcb.addDoneCallback(() => {}));
attempt("set_result with callbacks", () => fcb.setResult("v"));
print("  ", s(fcb));
attempt("call_soon", () => loop.callSoon(log, "x"));
attempt("call_later", () => loop.callLater(1, log, "x"));
attempt("create_task", () => loop.createTask(aio.sleep(0)));
attempt("stop", () => loop.stop());
attempt("close again", () => loop.close());
attempt("run_forever", () => loop.runForever());
attempt("is_running", () => loop.isRunning());

print("-- from another loop's callback");
const fa = loop.createFuture();
fa.addDoneCallback(() => log("never"));
const fb = loop.createFuture();
function set_fa(v) {
  log("set_fa", v);
  fa.setResult(v);
}
function set_fb(v) {
  log("set_fb (no callbacks)", v);
  fb.setResult(v);
}
function handler(lp, ctx) {
  const exc = ctx.exception;
  log("other's handler |", ctx.message, "|", exc.name, repr(str(exc)), "| same loop:", lp === other);
}
other.setExceptionHandler(handler);
other.callSoon(set_fa, 1);
other.callSoon(set_fb, 2);
other.callSoon(log, "other goes on");
other.callSoon(() => other.stop());
await other.runForever();
print("fa", s(fa), "fb", s(fb));
other.close();
print("done");
