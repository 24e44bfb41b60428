import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
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
  }
});

const fresh = aio.coroutine(async function (label, coro) {
  const t = aio.createTask(guarded(label, coro));
  await t;
  await ticks(2);
});

const pendingCancelBeforeEnter = aio.coroutine(async function () {
  const me = aio.currentTask();
  me.cancel("early");
  try {
    await aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  caught", repr(str(e)), "cancelling", me.cancelling());
  }
  await aio.timeout(0.01, async function (cm) {
    await aio.sleep(1);
  });
  return "after timeout";
});

const bodyConverts = aio.coroutine(async function () {
  await aio.timeout(0.01, async function (cm) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      throw new KeyError("converted");
    }
  });
  return "unreached";
});

const bodyUncancelsThenRaises = aio.coroutine(async function () {
  const me = aio.currentTask();
  await aio.timeout(0.01, async function (cm) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  uncancel ->", me.uncancel(), "again ->", me.uncancel());
      throw e;
    }
  });
  return "unreached";
});

const bodyUncancelsThenContinues = aio.coroutine(async function () {
  const me = aio.currentTask();
  let cm = null;
  await aio.timeout(0.01, async function (c) {
    cm = c;
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  uncancel ->", me.uncancel());
    }
    await ticks(1);
  });
  print("  expired", cm.expired());
  await ticks(1);
  return "continued";
});

const timeoutOverShield = aio.coroutine(async function () {
  const work = aio.coroutine(async function () {
    await aio.sleep(0.2);
    print("  shielded work done");
    return "w";
  });
  const t = aio.createTask(work());
  try {
    await aio.timeout(0.01, async function () {
      await aio.shield(t);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError, work done?", t.done());
  }
  return await t;
});

const timeoutOverTgExit = aio.coroutine(async function () {
  const kid = aio.coroutine(async function (n, d) {
    try {
      await aio.sleep(d);
      print("  kid", n, "done");
    } catch (e) {
      if (isCancel(e)) print("  kid", n, "cancelled");
      throw e;
    }
  });
  await aio.timeout(0.15, async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(kid(1, 0.01));
      tg.createTask(kid(2, 1));
      print("  body done, waiting in exit");
    });
  });
  return "unreached";
});

const timeoutAndTwoExternalCancels = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const now = loop.time();
  loop.callAt(now + 0.05, () => me.cancel("one"));
  loop.callAt(now + 0.15, () => me.cancel("two"));
  await aio.timeout(0.1, async function () {
    block(0.3);
    try {
      await aio.sleep(1);
    } catch (e) {
      if (isCancel(e)) print("  body sees", repr(str(e)), "cancelling", me.cancelling());
      throw e;
    }
  });
});

const sequentialTimeoutsAfterSwallow = aio.coroutine(async function () {
  const me = aio.currentTask();
  let a = null;
  await aio.timeout(0.01, async function (c) {
    a = c;
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  a swallowed, cancelling", me.cancelling());
    }
  });
  print("  a expired", a.expired(), "cancelling", me.cancelling());
  try {
    await aio.timeout(0.01, async function (b) {
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  b TimeoutError, cancelling", me.cancelling());
  }
  return "both";
});

const innerSwallowsOuterFires = aio.coroutine(async function () {
  const me = aio.currentTask();
  await aio.timeout(0.15, async function (outer) {
    await aio.timeout(0.01, async function (inner) {
      try {
        await aio.sleep(1);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  inner swallowed, cancelling", me.cancelling());
      }
      await aio.sleep(1);
    });
    print("  unreached");
  });
  return "unreached";
});

const waitForSlowCleanupCancelledTwice = aio.coroutine(async function () {
  const me = aio.currentTask();
  const loop = aio.getRunningLoop();
  const slow = aio.coroutine(async function () {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  slow cleanup starts");
      loop.callSoon(() => print("  cancel 1 ->", me.cancel("c1")));
      loop.callSoon(() => loop.callSoon(() => print("  cancel 2 ->", me.cancel("c2"))));
      await ticks(3);
      print("  slow cleanup ends");
      throw e;
    }
  });
  try {
    return await aio.waitFor(slow(), 0.01);
  } finally {
    print("  wait_for left, cancelling", me.cancelling());
    await ticks(4);
  }
});

await aio.run(async function () {
  print("-- a cancellation caught before entering, then the timeout fires");
  await fresh("pending", pendingCancelBeforeEnter());
  print("-- the body converts the timeout's CancelledError");
  await fresh("converts", bodyConverts());
  print("-- the body uncancels, then re-raises");
  await fresh("uncancel-raise", bodyUncancelsThenRaises());
  print("-- the body uncancels, then continues");
  await fresh("uncancel-continue", bodyUncancelsThenContinues());
  print("-- timeout over a shield");
  await fresh("shield", timeoutOverShield());
  print("-- timeout while a TaskGroup waits for its children");
  await fresh("tg exit", timeoutOverTgExit());
  print("-- timeout between two external cancels, one iteration");
  await fresh("two cancels", timeoutAndTwoExternalCancels());
  print("-- sequential timeouts after a swallowed one");
  await fresh("sequential", sequentialTimeoutsAfterSwallow());
  print("-- inner swallows, outer fires");
  await fresh("inner swallows", innerSwallowsOuterFires());
  print("-- wait_for: slow cleanup, outer cancelled twice meanwhile");
  await fresh("slow", waitForSlowCleanupCancelledTwice());
});
