import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Coroutine objects that are handed to a call which refuses them, or never awaited at all:
// run() and runUntilComplete() inside a running loop, createTask() on a closed loop, wait() of
// a coroutine, and a taskGroup's createTask() while the group is shutting down all raise before
// touching the coroutine, so its body has not run and a later await runs it normally;
// ensureFuture() on a closed loop (which refuses an awaitable too) closes it, so a later await
// raises 'cannot reuse already awaited coroutine'. A coroutine made in a callback, one returned
// (not awaited) as a task's result, one passed to a task as an argument: their bodies run only
// where they are finally awaited, in that task. Coroutines never awaited never run, and the
// loop shuts down normally around them. (run() and runUntilComplete() return a rejected promise
// here: awaited bare.)

const ran = [];

const work = aio.coroutine(function* (tag) {
  const t = aio.currentTask();
  ran.push(tag + "@" + (t ? t.getName() : "-"));
  yield* aio.sleep(0);
  return "w-" + tag;
});

const failer = aio.coroutine(function* () {
  yield* aio.sleep(0);
  throw new ValueError("boom");
});

const maker = aio.coroutine(function* (tag) {
  yield* aio.sleep(0);
  return work(tag);
});

const consumer = aio.coroutine(function* (c) {
  yield* aio.sleep(0);
  return yield* c;
});

function show(label, result) {
  print(label, "->", result, "ran", ran);
  ran.length = 0;
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  aio.currentTask().setName("main");
  const never = [0, 1, 2].map((i) => work(`never-${i}`));
  print("three coroutines made, never awaited; ran", ran);

  let c = work("run");
  try {
    yield aio.run(c);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("run() refused:", repr(str(e)), "ran", ran);
  }
  show("awaited afterwards", yield* c);

  c = work("ruc");
  try {
    yield loop.runUntilComplete(c);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("run_until_complete() refused:", repr(str(e)), "ran", ran);
  }
  show("awaited afterwards", yield* c);

  const other = aio.newEventLoop();
  other.close();
  c = work("closed");
  try {
    other.createTask(c);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("create_task() on a closed loop refused:", repr(str(e)), "ran", ran);
  }
  show("awaited afterwards", yield* c);
  c = work("ensure");
  try {
    aio.ensureFuture(c, other);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("ensure_future() on a closed loop refused:", repr(str(e)), "ran", ran);
  }
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("but it closed the coroutine: awaiting it ->", repr(str(e)), "ran", ran);
  }
  try {
    aio.ensureFuture(Promise.resolve("aw"), other);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("ensure_future() of an awaitable on a closed loop refused:", repr(str(e)));
  }
  const done = loop.createFuture();
  done.setResult("d");
  print("ensure_future() of a future: the future itself", aio.ensureFuture(done) === done);

  c = work("wait");
  try {
    yield* aio.wait([c]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("wait() refused it (TypeError), ran", ran);
  }
  show("awaited afterwards", yield* aio.createTask(c, { name: "late" }));

  c = work("tg");
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(failer(), { name: "failer" });
      try {
        yield* aio.sleep(1);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("group body cancelled");
        try {
          tg.createTask(c);
        } catch (e2) {
          if (!(e2 instanceof aio.RuntimeError)) throw e2;
          print("create_task() refused:", repr(str(e2)));
        }
      }
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("group failed with", eg.errors.map((e) => str(e)));
  }
  show("awaited afterwards", yield* c);

  print("== made in a callback, awaited by a task");
  const box = [];
  loop.callSoon(() => box.push(work("from-cb")));
  yield* aio.sleep(0);
  print("made, ran", ran);
  show("task got", yield* aio.createTask(consumer(box[0]), { name: "consumer" }));

  print("== returned by a task without being awaited");
  const t = aio.createTask(maker("made"), { name: "maker" });
  const inner = yield* t;
  print("task result is a coroutine", aio.isCoroutine(inner), "ran", ran);
  show("main awaited it", yield* inner);

  print("== passed to a task as an argument");
  c = work("passed");
  const t1 = aio.createTask(consumer(c), { name: "first" });
  yield* aio.sleep(0);
  print("first task has it, ran", ran);
  show("first task got", yield* t1);
  print("still never awaited:", never.length, "ran", ran);
});
print("after run, ran", ran);
