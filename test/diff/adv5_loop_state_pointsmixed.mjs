import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// (Generator tasks whose bodies are async functions.)
// is_running() / is_closed() / get_running_loop() / get_event_loop() / current_task() at every
// point of a loop's life: before it runs, in callbacks, timers, done callbacks, task steps, the
// exception handler (called for a failing callback, and directly from outside the loop), after
// stop() inside the same callback, between runs, while a second loop runs, after close(). And a
// task's repr at each point of its life as seen from callbacks: not started, waiting on a future,
// the future done but the task not yet woken, relinquishing in sleep(0), cancelling, done.
const loop = aio.newEventLoop();
const other = aio.newEventLoop();
const NAMES = new Map([[loop, "loop"], [other, "other"]]);
const s = (x) => String(x);
const ValueError = errorClass("ValueError");
const name = (lp) => NAMES.get(lp) ?? "?";

function state(where) {
  let rl;
  try {
    rl = name(aio.getRunningLoop());
  } catch (e) {
    rl = `${e.name}(${repr(e.message)})`;
  }
  const t = rl === "loop" || rl === "other" ? aio.currentTask() : null;
  print(
    `${where.padEnd(34)} loop: running=${repr(loop.isRunning())} closed=${repr(loop.isClosed())} | other: running=${repr(other.isRunning())} | running loop: ${rl} | task: ${t !== null ? t.getName() : "None"}`,
  );
}

state("start");
function handler(lp, ctx) {
  state("handler: " + ctx.message.slice(0, 20));
}
loop.setExceptionHandler(handler);
loop.callExceptionHandler({ message: "direct, not running" });

function cb(tag) {
  state("callback " + tag);
  print("  get_event_loop() is the running loop:", aio.getEventLoop() === loop);
}
function stopper() {
  loop.stop();
  state("callback after stop()");
}
function boom() {
  throw new ValueError("x");
}
loop.callSoon(cb, "soon");
loop.callAt(-2.5, cb, "timer");
const f = loop.createFuture();
f.addDoneCallback(() => state("done callback"));
loop.callSoon((v) => f.setResult(v), 1);
loop.callSoon(boom);
loop.callLater(0.02, stopper);
await loop.runForever();
state("between runs");

print("-- tasks");
const gate = loop.createFuture();
const worker_body = aio.coroutine(async function worker() {
  state("worker step 1");
  await gate;
  state("worker after gate");
  await aio.sleep(0);
  state("worker after sleep(0)");
  try {
    await aio.sleep(10);
  } catch (e) {
    state("worker cancelled");
    throw e;
  }
});
const worker = aio.coroutine(function* worker(...args) {
  return yield* worker_body(...args);
});
const W = [];
function peek(tag) {
  print(`  [${tag}] ${s(W[0])}`);
}
const main_body = aio.coroutine(async function main() {
  state("main step 1");
  const w = aio.getRunningLoop().createTask(worker(), { name: "worker" });
  W.push(w);
  peek("created");
  await aio.sleep(0);
  peek("waiting on gate");
  gate.setResult("open");
  peek("gate done, not woken");
  await aio.sleep(0);
  peek("in sleep(0)");
  await aio.sleep(0);
  peek("in sleep(10)");
  w.cancel("stop it");
  peek("cancel requested");
  try {
    await w;
  } catch (e) {
    print("  worker raised", repr(e));
  }
  peek("done");
  state("main end");
  return "main result";
});
const main = aio.coroutine(function* main(...args) {
  return yield* main_body(...args);
});
print(await loop.runUntilComplete(main()));
state("after run_until_complete");

print("-- the other loop");
function on_other() {
  state("other's callback");
  other.stop();
}
other.callSoon(on_other);
await other.runForever();
state("after other ran");
other.close();
loop.close();
state("both closed");
loop.callExceptionHandler({ message: "direct, closed" });
