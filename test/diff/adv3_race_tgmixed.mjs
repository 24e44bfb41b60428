import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, d, fail = false, swallow = false) {
  try {
    await aio.sleep(d);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  child", name, "cancelled", repr(str(e)));
    if (swallow) return name;
    throw e;
  }
  print("  child", name, "wakes");
  if (fail) throw new ValueError(name);
  return name;
});

function describe(e) {
  if (e instanceof aio.ExceptionGroup) return "ExceptionGroup[" + e.errors.map(describe).join(", ") + "]";
  return e.name + "(" + repr(str(e)) + ")";
}

const guarded = aio.coroutine(async function (label, coro) {
  const me = aio.currentTask();
  try {
    const r = await coro;
    print(" ", label, "->", repr(r), "cancelling", me.cancelling());
  } catch (e) {
    print(" ", label, "->", describe(e), "cancelling", me.cancelling());
    if (isCancel(e)) throw e;
  }
});

const tgTimeoutInside = aio.coroutine(async function (childFirst) {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("c", childFirst ? 0.01 : 0.06, true));
    await ticks(1); // the child's sleep starts before the deadline is computed
    await aio.timeout(childFirst ? 0.04 : 0.01, async function () {
      block(0.09);
      await aio.sleep(1);
    });
  });
  return "body done";
});

const tgInsideTimeout = aio.coroutine(async function (childFirst) {
  const loop = aio.getRunningLoop();
  await aio.timeout(null, async function (cm) {
    await aio.taskGroup(async function (tg) {
      tg.createTask(child("c", childFirst ? 0.01 : 0.06, true));
      await ticks(1);
      cm.reschedule(loop.time() + (childFirst ? 0.04 : 0.01));
      block(0.09);
      await aio.sleep(1);
    });
  });
  return "body done";
});

const tgExtCancel = aio.coroutine(async function (cancelFirst) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("c", 0.02, true));
    await ticks(1);
    const now = loop.time();
    loop.callAt(now + (cancelFirst ? 0.005 : 0.07), () => print("  ext cancel ->", me.cancel("ext")));
    block(0.1);
    await aio.sleep(1);
  });
  return "body done";
});

const tgTwoFailSameIter = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("a", 0.005, true));
    tg.createTask(child("b", 0.01, true));
    await ticks(1);
    block(0.03);
    await aio.sleep(1);
  });
});

const tgFailAndSwallow = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("a", 0.005, true));
    tg.createTask(child("s", 1, false, true));
    await ticks(1);
    block(0.03);
  });
  return "exited";
});

const tgBodyRaisesWhenChildFails = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("a", 0.005, true));
    await ticks(1);
    block(0.03);
    await ticks(1);
    throw new KeyError("body");
  });
});

const tgBodyReturnsWhileChildFails = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("a", 0.005, true));
    await ticks(1);
    block(0.03);
    await ticks(1);
  });
  return "not reached";
});

const tgCreateAfterAbort = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child("a", 0.005, true));
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      try {
        tg.createTask(child("late", 0));
      } catch (e2) {
        if (!(e2 instanceof aio.RuntimeError)) throw e2;
        print("  create_task:", repr(str(e2)));
      }
      throw e;
    }
  });
});

await aio.run(function* () {
  for (const childFirst of [true, false]) {
    print("-- timeout inside a TaskGroup, child fails", childFirst ? "first" : "second");
    yield* guarded("tg/timeout", tgTimeoutInside(childFirst));
    print("-- TaskGroup inside a timeout, child fails", childFirst ? "first" : "second");
    yield* guarded("timeout/tg", tgInsideTimeout(childFirst));
  }
  for (const cancelFirst of [true, false]) {
    print("-- external cancel", cancelFirst ? "before" : "after", "the child fails, same iteration");
    const t = aio.createTask(guarded("ext", tgExtCancel(cancelFirst)));
    try {
      yield* t;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  task cancelled", t.cancelling());
    }
  }
  print("-- two children fail in one iteration");
  yield* guarded("two", tgTwoFailSameIter());
  print("-- a child fails, the other swallows its cancellation");
  yield* guarded("swallow", tgFailAndSwallow());
  print("-- the body raises in the step after the child failed");
  yield* guarded("body raises", tgBodyRaisesWhenChildFails());
  print("-- the body finishes in the step after the child failed");
  yield* guarded("body returns", tgBodyReturnsWhileChildFails());
  print("-- create_task while aborting");
  yield* guarded("late", tgCreateAfterAbort());
  print("me cancelling", aio.currentTask().cancelling());
});
