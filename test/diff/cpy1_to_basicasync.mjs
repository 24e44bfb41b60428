// CPython test_timeouts.py scenarios: test_timeout_basic, test_timeout_at_basic,
// test_nested_timeouts, test_waiter_cancelled, test_timeout_not_called, test_timeout_disabled,
// test_timeout_at_disabled, test_timeout_zero, test_timeout_zero_sleep_zero,
// test_timeout_in_the_past_sleep_zero, test_timeout_exception_cause.
// Each section runs in a task of its own (as each test method does).
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const tBasic = aio.coroutine(async function t_basic() {
  print("== test_timeout_basic");
  let cm;
  try {
    await aio.timeout(0.1, async function (t) {
      cm = t;
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError", repr(str(e)));
  }
  print("  expired", cm.expired(), R(cm));
});

const tAtBasic = aio.coroutine(async function t_at_basic() {
  print("== test_timeout_at_basic");
  const loop = aio.getRunningLoop();
  let cm;
  let deadline;
  try {
    deadline = loop.time() + 0.1;
    await aio.timeoutAt(deadline, async function (t) {
      cm = t;
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  print("  expired", cm.expired(), "when is deadline", deadline === cm.when());
});

const tNested = aio.coroutine(async function t_nested() {
  print("== test_nested_timeouts");
  const loop = aio.getRunningLoop();
  const task = aio.currentTask();
  let cancelled = false;
  let cm1, cm2;
  try {
    const deadline = loop.time() + 0.1;
    await aio.timeoutAt(deadline, async function (t1) {
      cm1 = t1;
      try {
        await aio.timeoutAt(deadline, async function (t2) {
          cm2 = t2;
          await aio.sleep(10);
        });
      } catch (e) {
        if (isCancel(e)) {
          cancelled = true;
          print("  inner block let CancelledError out; cancelling", task.cancelling());
        }
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer block raised TimeoutError; cancelling", task.cancelling());
  }
  print("  cancelled", cancelled, "cm1 expired", cm1.expired(), "cm2 expired", cm2.expired());
});

const tWaiterCancelled = aio.coroutine(async function t_waiter_cancelled() {
  print("== test_waiter_cancelled");
  let cancelled = false;
  try {
    await aio.timeout(0.1, async function () {
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) {
          cancelled = true;
          print("  sleep raised CancelledError", repr(str(e)));
        }
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  print("  cancelled", cancelled);
});

const tNotCalled = aio.coroutine(async function t_not_called() {
  print("== test_timeout_not_called");
  const loop = aio.getRunningLoop();
  let cm;
  await aio.timeout(10, async function (t) {
    cm = t;
    await aio.sleep(0.1);
  });
  const t1 = loop.time();
  print("  expired", cm.expired(), "when > t1", cm.when() > t1, R(cm));
});

const tDisabled = aio.coroutine(async function t_disabled() {
  print("== test_timeout_disabled");
  let cm;
  await aio.timeout(null, async function (t) {
    cm = t;
    await aio.sleep(0.1);
  });
  print("  expired", cm.expired(), "when", cm.when(), R(cm));
});

const tAtDisabled = aio.coroutine(async function t_at_disabled() {
  print("== test_timeout_at_disabled");
  let cm;
  await aio.timeoutAt(null, async function (t) {
    cm = t;
    await aio.sleep(0.1);
  });
  print("  expired", cm.expired(), "when", cm.when(), R(cm));
});

const tZero = aio.coroutine(async function t_zero(name, delay, sleepFor) {
  print("==", name);
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  let cm;
  try {
    await aio.timeout(delay, async function (t) {
      cm = t;
      print("  inside, expired", cm.expired());
      await aio.sleep(sleepFor);
      print("  not reached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  const t1 = loop.time();
  const w = cm.when();
  if (delay < 0) print("  expired", cm.expired(), "t0 >= when", t0 >= w, "when <= t1", w <= t1);
  else print("  expired", cm.expired(), "t0 <= when", t0 <= w, "when <= t1", w <= t1);
});

const tCause = aio.coroutine(async function t_cause() {
  print("== test_timeout_exception_cause");
  try {
    await aio.timeout(0, async function () {
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  caught", e.name);
    print("  cause", e.cause.name, repr(str(e.cause)));
  }
});

await aio.run(async function main() {
  for (const f of [tBasic, tAtBasic, tNested, tWaiterCancelled, tNotCalled, tDisabled, tAtDisabled]) await aio.createTask(f());
  await aio.createTask(tZero("test_timeout_zero", 0, 10));
  await aio.createTask(tZero("test_timeout_zero_sleep_zero", 0, 0));
  await aio.createTask(tZero("test_timeout_in_the_past_sleep_zero", -11, 0));
  await aio.createTask(tCause());
});
