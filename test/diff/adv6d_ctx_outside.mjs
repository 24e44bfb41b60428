import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// contextvars for work scheduled from outside the loop and from callbacks: callSoon, callLater
// and callAt made inside als.run() with different values (and outside any) each run with their
// own value, in deadline order, also when a cancelled sibling sits between them; a timer that
// schedules another callback and creates a task passes its value on; asCompleted over
// coroutines made in different contexts (the tasks are made at the call, in the caller's
// context); runUntilComplete of coroutines created in a context run in the context current at
// runUntilComplete; a done callback added from outside in a context sees that value; the values
// set inside a callback (enterWith) do not leak to the next callback. (aionode twin:
// AsyncLocalStorage, var.set <-> als.enterWith, Context.run <-> als.run.)
const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const log = [];

function cb(tag) {
  log.push(tuple(tag, get()));
}
function spawner(tag) {
  log.push(tuple(tag, get()));
  loop.callSoon(cb, tag + "/soon");
  loop.createTask(child(tag + "/task"));
}
const child = aio.coroutine(function* child(tag) {
  log.push(tuple(tag, get()));
  yield* aio.sleep(0);
  log.push(tuple(tag + " after sleep", get()));
});
const inCtx = (value, fn, ...args) => v.run(value, () => fn(...args));

const t0 = loop.time();
inCtx("A", (...a) => loop.callAt(...a), t0 + 0.3, cb, "A-at-0.3");
inCtx("B", (...a) => loop.callLater(...a), 0.15, cb, "B-later-0.15");
const h = inCtx("C", (...a) => loop.callLater(...a), 0.2, cb, "C-cancelled");
loop.callSoon(cb, "plain-soon");
inCtx("D", (...a) => loop.callSoon(...a), cb, "D-soon");
inCtx("E", (...a) => loop.callLater(...a), 0.45, spawner, "E-spawner");
h.cancel();
loop.callLater(0.7, () => loop.stop());
await loop.runForever();
for (const entry of log) print(entry);
log.length = 0;

print("-- as_completed and run_until_complete");
const valueAfter = aio.coroutine(function* value_after(tag, d) {
  yield* aio.sleep(d);
  return tuple(tag, get());
});
const consume = aio.coroutine(function* consume(coros) {
  v.enterWith("consumer");
  const out = [];
  for (const f of aio.asCompleted(coros)) out.push(yield* f);
  out.push(tuple("consumer", get()));
  return out;
});
const coros = [inCtx("X", valueAfter, "x", 0.2), inCtx("Y", valueAfter, "y", 0.0)];
print(await inCtx("R", (c) => loop.runUntilComplete(c), consume(coros)));
const consumeMadeHere = aio.coroutine(function* consume_made_here() {
  v.enterWith("maker");
  const fs = [valueAfter("m1", 0.1), valueAfter("m2", 0.0)];
  v.enterWith("maker-later");
  const out = [];
  for (const f of aio.asCompleted(fs)) out.push(yield* f);
  return out;
});
print(await loop.runUntilComplete(consumeMadeHere()));
print("outside after:", get());

print("-- done callbacks added from outside");
const fut = loop.createFuture();
inCtx("F1", () => fut.addDoneCallback(() => cb("F1-done")));
fut.addDoneCallback(() => cb("plain-done"));
inCtx("F2", () => fut.addDoneCallback(() => cb("F2-done")));
function setterCb() {
  v.enterWith("leaked?");
  log.push(tuple("setter", get()));
}
inCtx("G", () => loop.callSoon(setterCb));
loop.callSoon(cb, "after-setter");
inCtx("H", () => loop.callSoon((x) => fut.setResult(x), null));
await loop.runUntilComplete(inCtx("S", () => aio.sleep(0.05)));
for (const entry of log) print(entry);
loop.close();
