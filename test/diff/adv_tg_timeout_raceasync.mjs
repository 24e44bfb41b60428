import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A timeout around a TaskGroup expires (reschedule() into the past from a child: the expiry is
// a callSoon, so its place among the group's callbacks is exact) around the moment a child
// fails. Sweeping the expiry tick across the failure shows how the two cancellation requests,
// the group's uncancel() and the timeout's uncancel() combine.

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const failer = aio.coroutine(async function (n) {
  await ticks(n);
  throw new ValueError("child failed");
});

const sleeper = aio.coroutine(async function () {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) await ticks(1);
    throw e;
  }
});

const trigger = aio.coroutine(async function (cm, n, loop) {
  await ticks(n);
  try {
    cm.reschedule(loop.time() - 1);
    return "rescheduled";
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    return "RuntimeError " + str(e);
  }
});

function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(str(e))})`;
}

const kase = aio.coroutine(async function (label, n, bodyTicks, failAt = 2) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  let cm = null;
  let trig = null;
  try {
    await aio.timeout(null, async function (c) {
      cm = c;
      await aio.taskGroup(async function (tg) {
        tg.createTask(failer(failAt));
        tg.createTask(sleeper());
        trig = tg.createTask(trigger(cm, n, loop));
        await ticks(bodyTicks);
      });
    });
    print(label, n, "no error");
  } catch (e) {
    print(label, n, "raised", fmt(e));
  }
  const t = trig.cancelled() ? "cancelled" : trig.result();
  print("   expired", cm.expired(), repr(cm), "cancelling", me.cancelling(), "trigger", t);
});

const run = aio.coroutine(async function (label, n, bodyTicks, failAt = 2) {
  await aio.createTask(kase(label, n, bodyTicks, failAt));
});

await aio.run(async function () {
  print("-- the body has finished: the group waits on exit");
  for (let n = 0; n < 5; n++) await run("exit", n, 0);
  print("-- the body is still running");
  for (let n = 0; n < 5; n++) await run("body", n, 6);
  print("-- the child fails at once");
  for (let n = 0; n < 3; n++) await run("first-step", n, 0, 0);
});
