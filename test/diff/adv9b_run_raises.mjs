import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// What run() and runUntilComplete() raise when the awaited thing fails, and what is reported
// on the way out: main raising (the very object comes out of run(), after the shutdown reported
// a leftover task that fails when cancelled), main cancelling itself with a message, main
// ending with a TaskGroup's ExceptionGroup, main swallowing its own cancellation; on one loop
// reused: a future failed by a timer, a task whose own failing done callback (added before
// runUntilComplete's) is reported before the call raises, an exception handler that cancels
// the task runUntilComplete waits for, a stop() from a failing callback, and the loop still
// usable after each (the loop's repr, also as a callback's argument). The handler prints live.

const saved = {};

const AppError = errorClass("AppError", ValueError);

function handler(loop, ctx) {
  const t = ctx.task ?? ctx.future;
  print("  handler:", ctx.message.startsWith("Exception in callback") ? ctx.message.split(" at ")[0] : ctx.message,
    Object.keys(ctx).sort(), rep(ctx.exception), t instanceof aio.Task ? t.getName() : null);
}

const raiseOnCancel = aio.coroutine(function* raise_on_cancel(msg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  leftover", msg, "cancelled, raising");
    throw new AppError(msg);
  }
});

const mainRaises = aio.coroutine(function* main_raises() {
  aio.getRunningLoop().setExceptionHandler(handler);
  aio.getRunningLoop().createTask(raiseOnCancel("left behind"), { name: "leftover" });
  yield* aio.sleep(0);
  const e = new AppError("main failed");
  saved.main = e;
  throw e;
});

const mainSelfCancel = aio.coroutine(function* main_self_cancel() {
  aio.currentTask().cancel("bye");
  yield* aio.sleep(0);
  print("  never here");
});

const mainGroup = aio.coroutine(function* main_group() {
  yield* aio.taskGroup(function* (tg) {
    const boom = aio.coroutine(function* boom() {
      throw new AppError("in group");
    });
    tg.createTask(boom());
    tg.createTask(aio.sleep(1));
  });
});

const mainSwallows = aio.coroutine(function* main_swallows() {
  const me = aio.currentTask();
  me.cancel("swallowed msg");
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  main caught", repr(e), "cancelling", me.cancelling());
  }
  return "main returned after swallowing";
});

function failing_cb(tag) {
  throw new AppError("callback " + tag);
}

async function runCase(label, fn) {
  print(label);
  try {
    print("  run ->", repr(await aio.run(fn)));
  } catch (e) {
    print("  run raised", rep(e), e === saved.main ? "same object" : "");
  }
}

async function ruc(loop, label, aw) {
  try {
    print(" ", label, "->", repr(await loop.runUntilComplete(aw)));
  } catch (e) {
    print(" ", label, "raised", rep(e));
  }
}

const work = aio.coroutine(function* work(v, ticks = 1) {
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  return v;
});

const fails = aio.coroutine(function* fails(msg) {
  yield* aio.sleep(0);
  throw new AppError(msg);
});

function cb_raises(task) {
  print("  done callback runs, task exception", repr(task.exception()));
  throw new AppError("from done callback");
}

const victim = [];

function cancelling_handler(lp, ctx) {
  print("  cancelling handler:", ctx.message.split(" at ")[0], "-> cancel", victim[0].cancel("by handler"));
}

function stop_and_raise(loop) {
  loop.stop();
  throw new AppError("stopped then raised");
}

async function main() {
  await runCase("main raises:", mainRaises);
  await runCase("main cancels itself:", mainSelfCancel);
  await runCase("main ends with a group:", mainGroup);
  await runCase("main swallows its cancellation:", mainSwallows);

  print("one loop, run_until_complete:");
  const loop = aio.newEventLoop();
  print("  loop", String(loop));
  loop.setExceptionHandler(handler);
  const f = loop.createFuture();
  loop.callLater(0.01, f.setException.bind(f), new AppError("timer set it"));
  await ruc(loop, "future failed by a timer", f);
  await ruc(loop, "same future again", f);
  const c = loop.createFuture();
  loop.callSoon(c.cancel.bind(c), "cancel msg");
  await ruc(loop, "future cancelled with a message", c);
  await ruc(loop, "again", c);

  const t = loop.createTask(fails("task failed"), { name: "failing" });
  t.addDoneCallback(cb_raises);
  await ruc(loop, "task with a failing done callback", t);

  loop.setExceptionHandler(cancelling_handler);
  victim.push(loop.createTask(work("victim", 5), { name: "victim" }));
  loop.callSoon(failing_cb, "one");
  await ruc(loop, "task cancelled by the handler", victim[0]);
  loop.setExceptionHandler(handler);
  loop.callSoon(stop_and_raise, loop);
  await ruc(loop, "stopped by a failing callback", work("never", 3));
  await ruc(loop, "loop still works", work("yes", 2));
  loop.close();
  print("closed", loop.isClosed(), String(loop));
}

await main();
