import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// stop() from every kind of entry, with a ticker callback that reschedules itself once per
// iteration, so the trace shows exactly which iteration each thing runs in and where each run of
// run_forever() / run_until_complete() ends: stop() from the middle of a batch of callbacks (the
// rest of the batch runs, what they queue waits for the next run, ahead of anything queued
// between runs); from a due timer among other due timers (scheduled in the past, so due at once)
// and a timer a callback scheduled in the past (due in the next iteration, behind the tick);
// from a task step that goes on to sleep(0); from a done callback; from the exception handler of
// a failing callback; stop() before run_forever (one iteration) and stop() twice; a callback
// that stops the loop and tries to run it again (refused, the iteration goes on); stop() during
// run_until_complete before its task is done ('Event loop stopped before Future completed.',
// the task finishing in a later run) and in the iteration that completes it (asyncio's
// _run_until_complete_cb, queued for the next iteration, is left in the queue and stops the next
// run after its first iteration).
const loop = aio.newEventLoop();
const state = { n: 0, on: false, stop_at: null };
const ValueError = errorClass("ValueError");

function log(...args) {
  print("  ", ...args);
}
function tick() {
  state.n += 1;
  log("tick", state.n);
  if (state.stop_at === state.n) {
    log("tick stops the loop");
    loop.stop();
  }
  if (state.on) loop.callSoon(tick);
}
function start_ticks() {
  if (!state.on) {
    state.on = true;
    loop.callSoon(tick);
  }
}
async function run(label) {
  print("run_forever:", label);
  await loop.runForever();
  print("   returned; ticks so far", state.n);
}
async function ruc(label, aw) {
  print("run_until_complete:", label);
  try {
    print("   ->", repr(await loop.runUntilComplete(aw)));
  } catch (e) {
    print("   raised", e.name, e.message);
  }
  print("   ticks so far", state.n);
}
function cb(tag, stop = false) {
  log("cb", tag, stop ? "stops" : "");
  if (stop) loop.stop();
  loop.callSoon(log, "queued by", tag);
}

print("-- 1 stop() in the middle of a batch");
start_ticks();
loop.callSoon(cb, "a");
loop.callSoon(cb, "b", true);
loop.callSoon(cb, "c");
await run("batch");
loop.callSoon(log, "queued between runs");
loop.callSoon(cb, "d", true);
await run("again");

print("-- 2 stop() from a due timer");
const now = loop.time();
loop.callAt(now - 0.3, log, "timer -0.3");
loop.callAt(now - 0.2, cb, "timer -0.2", true);
loop.callAt(now - 0.1, log, "timer -0.1");
loop.callSoon(cb, "e");
await run("timers");
function later_timer() {
  log("callback schedules a timer in the past");
  loop.callAt(loop.time() - 1, cb, "past timer", true);
}
loop.callSoon(later_timer);
await run("timer scheduled in the past from a callback");

const stepper = aio.coroutine(function* stepper() {
  for (let i = 0; i < 3; i++) {
    log("task step", i, "tick", state.n);
    if (i === 1) {
      loop.stop();
      log("task stopped the loop");
    }
    yield* aio.sleep(0);
  }
  log("task ends");
  return "stepper done";
});

print("-- 3 stop() from a task step");
const t = loop.createTask(stepper(), { name: "stepper" });
await run("task");
print("task done", t.done());
loop.callSoon(() => loop.stop());
await run("the task goes on");
print("task done", t.done());
await ruc("the task", t);

print("-- 4 stop() from a done callback and from the exception handler");
const f = loop.createFuture();
f.addDoneCallback((fut) => {
  log("done callback stops");
  loop.stop();
});
loop.callSoon((v) => f.setResult(v), 1);
loop.callSoon(log, "beside set_result");
await run("done callback");
function handler(lp, ctx) {
  log("handler:", ctx.message, repr(ctx.exception), "stops");
  lp.stop();
}
function boom() {
  log("boom raises");
  throw new ValueError("boom");
}
loop.setExceptionHandler(handler);
loop.callSoon(boom);
loop.callSoon(cb, "after boom");
await run("handler");
loop.setExceptionHandler(null);

print("-- 5 stop() before the run, and twice");
loop.stop();
await run("stopped before");
loop.stop();
loop.stop();
loop.callSoon(cb, "f");
await run("stopped twice before");
loop.callSoon(() => loop.stop());
loop.callSoon(() => loop.stop());
await run("two stop callbacks");
state.stop_at = state.n + 3;
await run("no stop left over: the ticker stops it at its third tick");
state.on = false;
loop.callSoon(() => loop.stop());
await run("ticker off");

function stop_and_rerun() {
  loop.stop();
  try {
    loop.runForever();
  } catch (e) {
    log("rerun refused:", e.message);
  }
  log("still running", loop.isRunning());
}

print("-- 6 a callback stops and tries to run again");
start_ticks();
loop.callSoon(stop_and_rerun);
loop.callSoon(cb, "g");
await run("rerun");

const slow_main = aio.coroutine(function* slow_main() {
  log("main step 1");
  yield* aio.sleep(0);
  log("main step 2");
  yield* aio.sleep(0);
  log("main step 3");
  return "main done";
});

print("-- 7 stop() during run_until_complete");
const m = loop.createTask(slow_main(), { name: "main" });
loop.callSoon(() => loop.stop());
await ruc("stopped early", m);
await ruc("resumed", m);

const quick = aio.coroutine(function* quick() {
  log("quick runs");
  loop.callSoon(log, "queued by quick");
  loop.stop();
  log("quick stopped the loop and returns");
  return "quick done";
});

await ruc("stop in the completing iteration", quick());
state.stop_at = state.n + 4;
await run("no stop queued, but the run_until_complete callback queued in its last iteration is left");
print("-- 8 a future completed in the stopping iteration");
const f8 = loop.createFuture();
function finish_and_stop() {
  log("callback sets f8 and stops");
  f8.setResult("f8");
  loop.stop();
}
loop.callSoon(finish_and_stop);
await ruc("f8", f8);
state.stop_at = state.n + 4;
await run("the left-over callback stops it again");
state.stop_at = state.n + 2;
await run("nothing left over now");
state.on = false;
loop.callSoon(() => loop.stop());
await run("drain");
loop.close();
