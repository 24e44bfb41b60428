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

const ticks = aio.coroutine(async function ticks(n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const fail = aio.coroutine(async function fail(n, msg) {
  await ticks(n);
  throw new ValueError(msg);
});

const run_group = aio.coroutine(async function run_group(label, failAt, body) {
  const me = aio.currentTask();
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(fail(failAt, label), { name: "f" });
      await body(me);
    });
    print("  group ok", me.cancelling());
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("  group raised", desc(e), "cancelling", me.cancelling());
    else if (isCancel(e)) print("  group cancelled", repr(str(e)), "cancelling", me.cancelling());
    else throw e;
  }
});

const body_wait = aio.coroutine(async function body_wait(me) {
  try {
    await ticks(10);
  } catch (e) {
    if (isCancel(e)) print("  body cancelled, cancelling", me.cancelling());
    throw e;
  }
});

const body_uncancel = aio.coroutine(async function body_uncancel(me) {
  try {
    await ticks(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  body uncancel ->", me.uncancel(), me.uncancel());
  }
  print("  body returns", me.cancelling());
});

const body_self_cancel = aio.coroutine(async function body_self_cancel(me) {
  try {
    await ticks(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  body cancels itself", me.cancel("self"), me.cancelling());
    await aio.sleep(0);
    print("  not reached");
  }
});

const body_quick = aio.coroutine(async function body_quick(me) {
  print("  body returns at once");
});

const t1 = aio.coroutine(async function t1() {
  const me = aio.currentTask();
  me.cancel("pre");
  try {
    await aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  swallowed", repr(str(e)), me.cancelling());
  }
  await run_group("pre-counted", 1, body_wait);
  print("  after", me.cancelling(), await aio.sleep(0, "awaits fine"));
});

const t2 = aio.coroutine(async function t2() {
  await run_group("uncancel in body", 1, body_uncancel);
  print("  after", aio.currentTask().cancelling());
});

const t3 = aio.coroutine(async function t3() {
  await run_group("self cancel", 1, body_self_cancel);
  const me = aio.currentTask();
  print("  after", me.cancelling(), await aio.sleep(0, "awaits fine"));
});

const t4 = aio.coroutine(async function t4() {
  const me = aio.currentTask();
  await run_group("in exit wait", 2, body_quick);
  print("  leftover", me.cancelling(), await aio.sleep(0, "awaits fine"));
  try {
    await aio.timeout(0, async function (cm) {
      await aio.sleep(1);
    });
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("  timeout -> TimeoutError", me.cancelling());
    else if (isCancel(e)) print("  timeout -> CancelledError", me.cancelling());
    else throw e;
  }
  await run_group("second group", 1, body_wait);
  print("  after second group", me.cancelling());
});

await aio.run(async function main() {
  for (const [name, t] of [["pre-counted cancel", t1], ["uncancel in the body", t2],
                           ["the body cancels its task", t3], ["failure in the exit wait", t4]]) {
    print("--", name);
    const task = aio.createTask(t(), { name });
    try {
      await task;
      print("  task done", task.cancelling());
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  task cancelled", repr(str(e)), task.cancelling());
    }
  }
  print("-- loop still works", await aio.sleep(0, "yes"));
});
