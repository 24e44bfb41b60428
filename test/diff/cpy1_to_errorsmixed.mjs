// CPython test_timeouts.py scenarios: test_foreign_exception_passed,
// test_foreign_exception_on_timeout, test_foreign_cancel_doesnt_timeout_if_not_expired,
// test_outer_task_is_not_cancelled, test_nested_timeout_in_finally,
// test_timeout_after_cancellation, test_cancel_in_timeout_after_cancellation.
// Errors other than the timeout's cancellation pass through unchanged; a cancellation that is not
// the timeout's stays a cancellation; a timeout in a cleanup that runs while the task is already
// being cancelled (the cancelling() counts on the way). Each section runs in a task of its own.
// Mixed twin: generator tasks, with the taskGroup()/timeout() bodies written as async functions.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const KeyError = errorClass("KeyError");
const ZeroDivisionError = errorClass("ZeroDivisionError");
const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const cancelling = () => aio.currentTask().cancelling();

const tForeignPassed = aio.coroutine(function* t_foreign_passed() {
  print("== test_foreign_exception_passed");
  let cm;
  try {
    yield* aio.timeout(0.1, async function (t) {
      cm = t;
      throw new KeyError("k");
    });
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("  KeyError", repr(e.message));
  }
  print("  expired", cm.expired(), R(cm), "cancelling", cancelling());
});

const tForeignOnTimeout = aio.coroutine(function* t_foreign_on_timeout() {
  print("== test_foreign_exception_on_timeout");
  const crash = aio.coroutine(function* crash() {
    try {
      yield* aio.sleep(1);
    } finally {
      print("  crash cleanup raises; cancelling", cancelling());
      throw new ZeroDivisionError("division by zero");
    }
  });
  let cm;
  try {
    yield* aio.timeout(0.1, async function (t) {
      cm = t;
      await crash();
    });
  } catch (e) {
    if (!(e instanceof ZeroDivisionError)) throw e;
    print("  ZeroDivisionError", repr(str(e)));
  }
  print("  expired", cm.expired(), "cancelling", cancelling());
});

const tForeignCancel = aio.coroutine(function* t_foreign_cancel() {
  print("== test_foreign_cancel_doesnt_timeout_if_not_expired");
  let cm;
  try {
    yield* aio.timeout(10, async function (t) {
      cm = t;
      print("  cancel own task ->", aio.currentTask().cancel("by hand"));
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  CancelledError", repr(str(e)));
  }
  print("  expired", cm.expired(), R(cm), "cancelling", cancelling());
});

const tOuterNotCancelled = aio.coroutine(function* t_outer_not_cancelled() {
  print("== test_outer_task_is_not_cancelled");
  const outer = aio.coroutine(function* outer() {
    try {
      yield* aio.timeout(0.1, async function () {
        await aio.sleep(10);
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("  outer caught TimeoutError");
    }
    return "outer done";
  });
  const task = aio.createTask(outer());
  print("  result", repr(yield* task));
  print("  cancelled", task.cancelled(), "done", task.done(), "cancelling", task.cancelling());
});

const tNestedInFinally = aio.coroutine(function* t_nested_in_finally() {
  print("== test_nested_timeout_in_finally");
  let cm1, cm2;
  try {
    yield* aio.timeout(0.1, async function (t1) {
      cm1 = t1;
      try {
        await aio.sleep(1);
      } finally {
        print("  finally; cancelling", cancelling());
        try {
          await aio.timeout(0.1, async function (t2) {
            cm2 = t2;
            await aio.sleep(10);
          });
        } catch (e) {
          if (!isTimeout(e)) throw e;
          print("  inner TimeoutError; cancelling", cancelling(), "cm2 expired", cm2.expired());
        }
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer TimeoutError; cancelling", cancelling(), "cm1 expired", cm1.expired());
  }
});

const tAfterCancellation = aio.coroutine(function* t_after_cancellation(name, cancelInside) {
  print("==", name);
  let cm;
  try {
    aio.currentTask().cancel();
    yield* aio.sleep(1);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  work cancelled; cancelling", cancelling());
  } finally {
    try {
      yield* aio.timeout(cancelInside ? 1.0 : 0.0, async function (t) {
        cm = t;
        if (cancelInside) {
          aio.currentTask().cancel();
          print("  cancelled again inside; cancelling", cancelling());
        }
        await aio.sleep(1);
      });
    } catch (e) {
      if (isTimeout(e)) print("  cleanup TimeoutError; cancelling", cancelling());
      else if (isCancel(e)) print("  cleanup CancelledError; cancelling", cancelling());
      else throw e;
    }
    print("  expired", cm.expired());
  }
  return "finished";
});

await aio.run(function* main() {
  for (const f of [tForeignPassed, tForeignOnTimeout, tForeignCancel]) {
    try {
      yield* aio.createTask(f());
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  section task cancelled");
    }
  }
  for (const f of [tOuterNotCancelled, tNestedInFinally]) yield* aio.createTask(f());
  for (const [name, inside] of [["test_timeout_after_cancellation", false], ["test_cancel_in_timeout_after_cancellation", true]]) {
    const t = aio.createTask(tAfterCancellation(name, inside));
    print("  section result", repr(yield* t), "cancelling", t.cancelling());
  }
});
