import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// (Generator tasks whose bodies are async functions.)
// Debug mode's slow-callback warnings ('Executing <...> took N seconds'): the entry is described
// as it is after it ran: a callback, one that cancelled itself (cancelled, callback kept), a
// timer (also self-cancelling), a failing callback (reported after the exception handler ran),
// a done callback, and a task's steps (the task after each step: waiting, relinquishing in
// sleep(0), finished); fast callbacks are not reported, nor anything once the threshold is high.
const loop = aio.newEventLoop();
loop.setDebug(true);
loop.slowCallbackDuration = 0.025;
const ValueError = errorClass("ValueError");

// asyncio logs the warning; aionode writes it to console.warn (first line: the message)
console.warn = (msg) => {
  print("  WARNING", String(msg).split("\n")[0].replace(/took [\d.]+ seconds/, "took N seconds"));
};
function busy() {
  const end = performance.now() + 50;
  while (performance.now() < end);
}
const H = {};
function slow(tag) {
  busy();
  print("  slow", tag);
}
function fast(tag) {
  print("  fast", tag);
}
function slow_self_cancel(key) {
  busy();
  H[key].cancel();
  print("  slow_self_cancel", key);
}
function slow_boom(tag) {
  busy();
  throw new ValueError(tag);
}
function handler(lp, ctx) {
  print("  handler:", ctx.message);
}
loop.setExceptionHandler(handler);
print("-- callbacks and timers");
loop.callSoon(slow, "soon", [1, "x"]);
loop.callSoon(fast, "soon");
H.s = loop.callSoon(slow_self_cancel, "s");
loop.callSoon(slow_boom, "boom");
loop.callAt(-4.5, slow, "timer");
H.t = loop.callAt(-4.25, slow_self_cancel, "t");
loop.callAt(-4.0, fast, "timer");
loop.setDebug(false);
const f = loop.createFuture();
loop.setDebug(true);
f.addDoneCallback(slow);
f.setResult("r");
loop.callLater(0.5, () => loop.stop());
await loop.runForever();

print("-- task steps");
const inner_body = aio.coroutine(async function inner(v) {
  busy();
  print("  inner, no suspension");
  return v;
});
const inner = aio.coroutine(function* inner(...args) {
  return yield* inner_body(...args);
});
const stepper_body = aio.coroutine(async function stepper() {
  const lp = aio.getRunningLoop();
  busy();
  print("  step 1");
  await aio.sleep(0);
  busy();
  print("  step 2");
  const g = lp.createFuture();
  lp.callSoon((v) => g.setResult(v), 5);
  await g;
  print("  step 3 (fast)");
  await aio.sleep(0);
  const v = await inner(7);
  busy();
  print("  step 4 got", v);
  return "done";
});
const stepper = aio.coroutine(function* stepper(...args) {
  return yield* stepper_body(...args);
});
const t = loop.createTask(stepper(), { name: "stepper" });
print(await loop.runUntilComplete(t));
loop.slowCallbackDuration = 100;
loop.callSoon(slow, "not reported");
const t2 = loop.createTask(stepper(), { name: "quiet" });
print(await loop.runUntilComplete(t2));
loop.close();
