import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Debug mode switched on and off between runs (and inside a few callbacks): what counts is the
// mode when a callback is scheduled (its source_traceback, kept after debug mode is switched off,
// also off and on again, so a callback or timer scheduled in debug mode still reports where it was
// made when it fails in a later run without debug mode, or after it switched the mode itself; one
// scheduled outside debug mode has none, also when it fails in debug mode; a future's done
// callbacks are scheduled when it completes), the mode when a handle is cancelled (its repr keeps
// the callback only if debug mode was on then, also while sources of earlier callbacks are still
// pending), the mode when a callback runs (the slow-callback warnings, threshold 0, for callbacks
// and task steps), and the mode at call_soon (a coroutine function refused only in debug mode).
// Source locations and durations are stripped.
const loop = aio.newEventLoop();
loop.slowCallbackDuration = 0;
const ValueError = errorClass("ValueError");

function s(t) {
  return t.replace(/\(<Future .*?\)>?$/, "(<Future ...>)").replace(/took -?[\d.]+ seconds/, "took N seconds");
}
// asyncio logs the warning; aionode writes it to console.warn (first line: the message)
console.warn = (msg) => {
  print("   WARNING", s(String(msg).split("\n")[0]));
};
// aionode's key is camelCase: sourceTraceback
const pyKey = (k) => (k === "sourceTraceback" ? "source_traceback" : k);
function handler(lp, ctx) {
  const keys = Object.keys(ctx).filter((k) => k !== "message").map(pyKey).sort();
  print("   handler:", s(ctx.message), keys);
}
loop.setExceptionHandler(handler);
function log(...args) {
  print("  ", ...args);
}
function boom(tag) {
  log("boom", tag);
  throw new ValueError(tag);
}
function done_cb(f) {
  boom("done callback of " + f.result());
}
function stopper() {
  loop.stop();
}
async function run(label) {
  print("run:", label, "| debug", loop.getDebug());
  loop.callSoon(stopper);
  await loop.runForever();
}
async function quiet_run(label) {
  // the stop callback made outside debug mode, so no warning for it
  const d = loop.getDebug();
  loop.setDebug(false);
  await run(label);
  loop.setDebug(d);
}

print("-- 1 made in debug mode, run without");
loop.setDebug(true);
loop.callSoon(boom, "soon, made in debug");
loop.callAt(loop.time() - 1, boom, "timer, made in debug");
const f1 = loop.createFuture();
f1.addDoneCallback(done_cb);
f1.setResult("f1, completed in debug");
const f2 = loop.createFuture();
f2.addDoneCallback(done_cb);
loop.setDebug(false);
f2.setResult("f2, completed without debug");
loop.callSoon(boom, "soon, made without debug");
await run("debug off");

print("-- 2 made without debug mode, run with it");
loop.callSoon(boom, "soon, made without debug");
loop.callAt(loop.time() - 1, boom, "timer, made without debug");
loop.setDebug(true);
loop.callSoon(boom, "soon, made in debug");
await quiet_run("debug on");

print("-- 3 cancelled handles");
loop.setDebug(true);
const pending = loop.callSoon(log, "pending, made in debug");
const c_on = loop.callSoon(log, "cancelled in debug");
c_on.cancel();
const t_on = loop.callAt(1e9, log, "timer cancelled in debug");
t_on.cancel();
const c_off = loop.callSoon(log, "made in debug, cancelled without");
const t_off = loop.callAt(1e9, log, "timer made in debug, cancelled without");
loop.setDebug(false);
c_off.cancel();
t_off.cancel();
const c_plain = loop.callSoon(log, "made and cancelled without debug");
c_plain.cancel();
loop.setDebug(true);
for (const h of [pending, c_on, t_on, c_off, t_off, c_plain]) print(String(h));
await quiet_run("the pending one runs");
for (const h of [pending, c_on, c_off]) print(String(h));

print("-- 4 slow-callback warnings follow the mode at run time");
loop.setDebug(true);
loop.callSoon(log, "made in debug, runs without");
loop.setDebug(false);
await run("off");
loop.callSoon(log, "made without debug, runs in debug");
loop.setDebug(true);
await run("on");

const stepper = aio.coroutine(async function stepper() {
  log("step 1, debug", loop.getDebug());
  await aio.sleep(0);
  log("step 2, debug", loop.getDebug());
  await aio.sleep(0);
  log("step 3, debug", loop.getDebug());
  return "stepped";
});
loop.setDebug(false);
const t = loop.createTask(stepper(), { name: "stepper" });
loop.setDebug(true);
await run("a task made without debug mode: its first step");
loop.setDebug(false);
await run("its second step");
loop.setDebug(true);
print("result", await loop.runUntilComplete(t));

print("-- 5 off and on again before they run, and off inside a failing callback");
loop.setDebug(true);
loop.callSoon(boom, "soon, made in debug, off and on again");
loop.callAt(loop.time() - 1, boom, "timer, made in debug, off and on again");
loop.setDebug(false);
loop.callSoon(boom, "soon, made in the pause");
loop.setDebug(true);
await quiet_run("on again");
function switch_off_and_fail() {
  loop.setDebug(false);
  boom("switched debug mode off, then raised");
}
loop.callSoon(switch_off_and_fail);
loop.callSoon(boom, "made in debug, runs after the switch");
await run("switched off inside");

function toggle_and_fail() {
  loop.setDebug(false);
  loop.setDebug(true);
  boom("toggled off and on, then raised");
}
function on_and_fail() {
  loop.setDebug(true);
  boom("made in debug, ran without, switched on, then raised");
}
// asyncio queues callbacks of its own when the mode changes inside a run: no warnings here
loop.slowCallbackDuration = 100;
loop.setDebug(true);
loop.callSoon(toggle_and_fail);
await run("toggled inside");
loop.callSoon(on_and_fail);
loop.setDebug(false);
await run("switched on inside");
loop.setDebug(false);
loop.slowCallbackDuration = 0;

const coro_fn = aio.coroutine(async function coro_fn() {
  log("never: a coroutine function as a callback");
});

print("-- 6 call_soon of a coroutine function");
for (const mode of [true, false]) {
  loop.setDebug(mode);
  try {
    const h = loop.callSoon(coro_fn);
    print("debug", mode, "accepted");
    h.cancel();
  } catch (e) {
    if (e.name !== "TypeError") throw e;
    // (aionode names its own method: callSoon())
    print("debug", mode, "raised TypeError", e.message.replace("callSoon()", "call_soon()"));
  }
}
loop.setDebug(false);
loop.close();
