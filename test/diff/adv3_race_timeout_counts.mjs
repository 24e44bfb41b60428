import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

function describe(e) {
  if (e instanceof aio.ExceptionGroup) return "ExceptionGroup[" + e.errors.map(describe).join(", ") + "]";
  return e.name + "(" + repr(str(e)) + ")";
}

const guarded = aio.coroutine(function* (label, coro) {
  const me = aio.currentTask();
  try {
    const r = yield* coro;
    print(" ", label, "->", repr(r), "cancelling", me.cancelling());
  } catch (e) {
    print(" ", label, "->", describe(e), "cancelling", me.cancelling());
  }
});

const fresh = aio.coroutine(function* (label, coro) {
  const t = aio.createTask(guarded(label, coro));
  yield* t;
  yield* ticks(2);
});

const pendingCancelBeforeEnter = aio.coroutine(function* () {
  const me = aio.currentTask();
  me.cancel("early");
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  caught", repr(str(e)), "cancelling", me.cancelling());
  }
  yield* aio.timeout(0.01, function* (cm) {
    yield* aio.sleep(1);
  });
  return "after timeout";
});

const bodyConverts = aio.coroutine(function* () {
  yield* aio.timeout(0.01, function* (cm) {
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      throw new KeyError("converted");
    }
  });
  return "unreached";
});

const bodyUncancelsThenRaises = aio.coroutine(function* () {
  const me = aio.currentTask();
  yield* aio.timeout(0.01, function* (cm) {
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  uncancel ->", me.uncancel(), "again ->", me.uncancel());
      throw e;
    }
  });
  return "unreached";
});

const bodyUncancelsThenContinues = aio.coroutine(function* () {
  const me = aio.currentTask();
  let cm = null;
  yield* aio.timeout(0.01, function* (c) {
    cm = c;
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  uncancel ->", me.uncancel());
    }
    yield* ticks(1);
  });
  print("  expired", cm.expired());
  yield* ticks(1);
  return "continued";
});

const timeoutOverShield = aio.coroutine(function* () {
  const work = aio.coroutine(function* () {
    yield* aio.sleep(0.2);
    print("  shielded work done");
    return "w";
  });
  const t = aio.createTask(work());
  try {
    yield* aio.timeout(0.01, function* () {
      yield* aio.shield(t);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError, work done?", t.done());
  }
  return yield* t;
});

const timeoutOverTgExit = aio.coroutine(function* () {
  const kid = aio.coroutine(function* (n, d) {
    try {
      yield* aio.sleep(d);
      print("  kid", n, "done");
    } catch (e) {
      if (isCancel(e)) print("  kid", n, "cancelled");
      throw e;
    }
  });
  yield* aio.timeout(0.15, function* () {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(kid(1, 0.01));
      tg.createTask(kid(2, 1));
      print("  body done, waiting in exit");
    });
  });
  return "unreached";
});

const timeoutAndTwoExternalCancels = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const now = loop.time();
  loop.callAt(now + 0.05, () => me.cancel("one"));
  loop.callAt(now + 0.15, () => me.cancel("two"));
  yield* aio.timeout(0.1, function* () {
    block(0.3);
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (isCancel(e)) print("  body sees", repr(str(e)), "cancelling", me.cancelling());
      throw e;
    }
  });
});

const sequentialTimeoutsAfterSwallow = aio.coroutine(function* () {
  const me = aio.currentTask();
  let a = null;
  yield* aio.timeout(0.01, function* (c) {
    a = c;
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  a swallowed, cancelling", me.cancelling());
    }
  });
  print("  a expired", a.expired(), "cancelling", me.cancelling());
  try {
    yield* aio.timeout(0.01, function* (b) {
      yield* aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  b TimeoutError, cancelling", me.cancelling());
  }
  return "both";
});

const innerSwallowsOuterFires = aio.coroutine(function* () {
  const me = aio.currentTask();
  yield* aio.timeout(0.15, function* (outer) {
    yield* aio.timeout(0.01, function* (inner) {
      try {
        yield* aio.sleep(1);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  inner swallowed, cancelling", me.cancelling());
      }
      yield* aio.sleep(1);
    });
    print("  unreached");
  });
  return "unreached";
});

const waitForSlowCleanupCancelledTwice = aio.coroutine(function* () {
  const me = aio.currentTask();
  const loop = aio.getRunningLoop();
  const slow = aio.coroutine(function* () {
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  slow cleanup starts");
      loop.callSoon(() => print("  cancel 1 ->", me.cancel("c1")));
      loop.callSoon(() => loop.callSoon(() => print("  cancel 2 ->", me.cancel("c2"))));
      yield* ticks(3);
      print("  slow cleanup ends");
      throw e;
    }
  });
  try {
    return yield* aio.waitFor(slow(), 0.01);
  } finally {
    print("  wait_for left, cancelling", me.cancelling());
    yield* ticks(4);
  }
});

await aio.run(function* () {
  print("-- a cancellation caught before entering, then the timeout fires");
  yield* fresh("pending", pendingCancelBeforeEnter());
  print("-- the body converts the timeout's CancelledError");
  yield* fresh("converts", bodyConverts());
  print("-- the body uncancels, then re-raises");
  yield* fresh("uncancel-raise", bodyUncancelsThenRaises());
  print("-- the body uncancels, then continues");
  yield* fresh("uncancel-continue", bodyUncancelsThenContinues());
  print("-- timeout over a shield");
  yield* fresh("shield", timeoutOverShield());
  print("-- timeout while a TaskGroup waits for its children");
  yield* fresh("tg exit", timeoutOverTgExit());
  print("-- timeout between two external cancels, one iteration");
  yield* fresh("two cancels", timeoutAndTwoExternalCancels());
  print("-- sequential timeouts after a swallowed one");
  yield* fresh("sequential", sequentialTimeoutsAfterSwallow());
  print("-- inner swallows, outer fires");
  yield* fresh("inner swallows", innerSwallowsOuterFires());
  print("-- wait_for: slow cleanup, outer cancelled twice meanwhile");
  yield* fresh("slow", waitForSlowCleanupCancelledTwice());
});
