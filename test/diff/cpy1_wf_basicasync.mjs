// CPython test_waitfor.py scenarios: test_wait_for_timeout_less_then_0_or_0_future_done,
// test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started,
// test_wait_for_timeout_less_then_0_or_0, test_wait_for, test_wait_for_blocking,
// test_wait_for_race_condition, test_wait_for_cancellation_race_condition.
// waitFor() with a zero or negative timeout (a done future is returned, a coroutine never
// starts, a running task is cancelled and awaited), a timeout that cancels a sleeping task, no
// timeout, a future completed before the timeout, and an inner coroutine that swallows the
// timeout's cancellation and returns a value (waitFor returns it).
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const futureDone = aio.coroutine(async function future_done() {
  print("== test_wait_for_timeout_less_then_0_or_0_future_done");
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  fut.setResult("done");
  const ret = await aio.waitFor(fut, 0);
  print("  ret", repr(ret), "fut done", fut.done());
});

const coroutineNotStarted = aio.coroutine(async function coroutine_not_started() {
  print("== test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started");
  let fooStarted = false;
  const foo = aio.coroutine(async function foo() {
    fooStarted = true;
  });
  try {
    await aio.waitFor(foo(), 0);
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError", repr(str(e)), "cause", e.cause.name);
  }
  print("  foo_started", fooStarted);
});

const lessThan0Or0 = aio.coroutine(async function less_than_0_or_0() {
  print("== test_wait_for_timeout_less_then_0_or_0");
  const loop = aio.getRunningLoop();
  for (const timeout of [0, -1]) {
    print("  timeout", timeout);
    let fooRunning = null;
    const started = loop.createFuture();
    const foo = aio.coroutine(async function foo() {
      fooRunning = true;
      started.setResult(null);
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) print("    foo cancelled");
        throw e;
      } finally {
        fooRunning = false;
      }
      return "done";
    });
    const fut = aio.createTask(foo());
    await started;
    try {
      await aio.waitFor(fut, timeout);
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("    TimeoutError");
    }
    print("    done", fut.done(), "cancelled", fut.cancelled(), "foo_running", fooRunning);
  }
});

const waitFor = aio.coroutine(async function wait_for() {
  print("== test_wait_for");
  const loop = aio.getRunningLoop();
  let fooRunning = null;
  const foo = aio.coroutine(async function foo() {
    fooRunning = true;
    try {
      await aio.sleep(300);
    } finally {
      fooRunning = false;
    }
    return "done";
  });
  const fut = aio.createTask(foo());
  try {
    await aio.waitFor(fut, 0.1);
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  print("  done", fut.done(), "cancelled", fut.cancelled(), "foo_running", fooRunning);
});

const blocking = aio.coroutine(async function blocking() {
  print("== test_wait_for_blocking");
  const coro = aio.coroutine(async function coro() {
    return "done";
  });
  const res = await aio.waitFor(coro(), null);
  print("  res", repr(res));
});

const raceCondition = aio.coroutine(async function race_condition() {
  print("== test_wait_for_race_condition");
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  const task = aio.waitFor(fut, 0.2);
  loop.callLater(0.1, (v) => fut.setResult(v), "ok");
  const res = await task;
  print("  res", repr(res));
});

const cancellationRaceCondition = aio.coroutine(async function cancellation_race_condition() {
  print("== test_wait_for_cancellation_race_condition");
  const inner = aio.coroutine(async function inner() {
    let cancelled = false;
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      cancelled = true;
      print("  inner swallows CancelledError");
    }
    if (!cancelled) print("  inner not cancelled");
    return 1;
  });
  const result = await aio.waitFor(inner(), 0.1);
  print("  result", result, "cancelling", aio.currentTask().cancelling());
});

await aio.run(async function main() {
  for (const f of [futureDone, coroutineNotStarted, lessThan0Or0, waitFor, blocking, raceCondition, cancellationRaceCondition]) {
    await aio.createTask(f());
  }
});
