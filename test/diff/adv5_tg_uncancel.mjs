import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// The parent's cancel count around a TaskGroup: a cancellation already counted before the group
// (the group's own request is taken back, the count stays), the body calling uncancel() on its task
// itself (the group's uncancel() does not go below 0), the body cancelling its own task after a
// failure, a failure during the exit wait (the count stays at 1), and what a later timeout() and
// a later group in the same task do with the leftover count.

function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* ticks(n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const fail = aio.coroutine(function* fail(n, msg) {
  yield* ticks(n);
  throw new ValueError(msg);
});

const run_group = aio.coroutine(function* run_group(label, failAt, body) {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(fail(failAt, label), { name: "f" });
      yield* body(me);
    });
    print("  group ok", me.cancelling());
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("  group raised", desc(e), "cancelling", me.cancelling());
    else if (isCancel(e)) print("  group cancelled", repr(str(e)), "cancelling", me.cancelling());
    else throw e;
  }
});

const body_wait = aio.coroutine(function* body_wait(me) {
  try {
    yield* ticks(10);
  } catch (e) {
    if (isCancel(e)) print("  body cancelled, cancelling", me.cancelling());
    throw e;
  }
});

const body_uncancel = aio.coroutine(function* body_uncancel(me) {
  try {
    yield* ticks(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  body uncancel ->", me.uncancel(), me.uncancel());
  }
  print("  body returns", me.cancelling());
});

const body_self_cancel = aio.coroutine(function* body_self_cancel(me) {
  try {
    yield* ticks(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  body cancels itself", me.cancel("self"), me.cancelling());
    yield* aio.sleep(0);
    print("  not reached");
  }
});

const body_quick = aio.coroutine(function* body_quick(me) {
  print("  body returns at once");
});

const t1 = aio.coroutine(function* t1() {
  const me = aio.currentTask();
  me.cancel("pre");
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  swallowed", repr(str(e)), me.cancelling());
  }
  yield* run_group("pre-counted", 1, body_wait);
  print("  after", me.cancelling(), yield* aio.sleep(0, "awaits fine"));
});

const t2 = aio.coroutine(function* t2() {
  yield* run_group("uncancel in body", 1, body_uncancel);
  print("  after", aio.currentTask().cancelling());
});

const t3 = aio.coroutine(function* t3() {
  yield* run_group("self cancel", 1, body_self_cancel);
  const me = aio.currentTask();
  print("  after", me.cancelling(), yield* aio.sleep(0, "awaits fine"));
});

const t4 = aio.coroutine(function* t4() {
  const me = aio.currentTask();
  yield* run_group("in exit wait", 2, body_quick);
  print("  leftover", me.cancelling(), yield* aio.sleep(0, "awaits fine"));
  try {
    yield* aio.timeout(0, function* (cm) {
      yield* aio.sleep(1);
    });
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("  timeout -> TimeoutError", me.cancelling());
    else if (isCancel(e)) print("  timeout -> CancelledError", me.cancelling());
    else throw e;
  }
  yield* run_group("second group", 1, body_wait);
  print("  after second group", me.cancelling());
});

await aio.run(function* main() {
  for (const [name, t] of [["pre-counted cancel", t1], ["uncancel in the body", t2],
                           ["the body cancels its task", t3], ["failure in the exit wait", t4]]) {
    print("--", name);
    const task = aio.createTask(t(), { name });
    try {
      yield* task;
      print("  task done", task.cancelling());
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  task cancelled", repr(str(e)), task.cancelling());
    }
  }
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
