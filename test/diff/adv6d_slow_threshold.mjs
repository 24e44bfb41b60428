import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Debug mode's slow-callback check at odd thresholds: 0 and a negative value report every entry
// the loop runs ('took N seconds' with N >= threshold), so the warnings trace the exact order of
// plain callbacks, timers, done callbacks, task steps (with the task as it is after the step),
// the loop's own runUntilComplete callback and stop callbacks; the threshold is read per entry,
// so a callback that raises it silences the rest of its iteration, and one that sets it back to 0
// brings the warnings back; switching debug mode off in a callback stops them at the next entry,
// and on again restarts them; Infinity reports nothing. Failing callbacks are reported by the
// handler before their warning. Durations are stripped.
const loop = aio.newEventLoop();
loop.setDebug(true);
const ValueError = errorClass("ValueError");

function s(t) {
  t = t.replace(/when=-?[\d.]+/g, "when=T");
  t = t.replace(/\(<(Future|Task) .*?\)>/g, "(<$1 ...>)>");
  return t.replace(/took -?[\d.]+ seconds/, "took N seconds");
}
// asyncio logs the warning; aionode writes it to console.warn (first line: the message)
console.warn = (msg) => print("  WARNING", s(String(msg).split("\n")[0]));
loop.setExceptionHandler((lp, ctx) => print("  handler:", s(ctx.message)));

function cb(tag) {
  print("  cb", typeof tag === "string" ? tag : tag.constructor.name);
}
function boom(tag) {
  throw new ValueError(tag);
}
function set_threshold(v) {
  loop.slowCallbackDuration = v;
  print("  threshold ->", v);
}
function set_debug(v) {
  loop.setDebug(v);
  print("  debug ->", v);
}
function stopper() {
  print("  stopper");
  loop.stop();
}

for (const threshold of [0, -1.5]) {
  print("-- threshold", threshold);
  loop.slowCallbackDuration = threshold;
  loop.callSoon(cb, "a", 1);
  loop.callSoon(boom, "failing");
  loop.callAt(loop.time() - 10, cb, "timer");
  const f = loop.createFuture();
  f.addDoneCallback(cb);
  f.setResult("r");
  loop.callSoon(stopper);
  await loop.runForever();
}

print("-- a task at threshold 0");
loop.slowCallbackDuration = 0;
function complete(fut, v) {
  fut.setResult(v);
}
const stepper = aio.coroutine(function* stepper() {
  print("  step 1");
  yield* aio.sleep(0);
  print("  step 2");
  const g = loop.createFuture();
  loop.callSoon(complete, g, 5);
  const v = yield* g;
  print("  step 3 got", v);
  return "done";
});
const t = loop.createTask(stepper(), { name: "stepper" });
print("result:", await loop.runUntilComplete(t));

print("-- threshold changed by callbacks of the same iteration");
loop.callSoon(cb, "b");
loop.callSoon(set_threshold, 100);
loop.callSoon(cb, "c (not reported)");
loop.callSoon(set_threshold, 0);
loop.callSoon(cb, "d");
loop.callSoon(stopper);
await loop.runForever();

print("-- debug switched by callbacks");
loop.callSoon(cb, "e");
loop.callSoon(set_debug, false);
loop.callSoon(cb, "f (not reported)");
loop.callSoon(set_debug, true);
loop.callSoon(cb, "g");
loop.callSoon(stopper);
await loop.runForever();

print("-- threshold inf");
loop.slowCallbackDuration = Infinity;
print("slow_callback_duration:", loop.slowCallbackDuration);
loop.callSoon(cb, "h");
loop.callSoon(boom, "still handled");
loop.callSoon(stopper);
await loop.runForever();
loop.close();
print("closed");
