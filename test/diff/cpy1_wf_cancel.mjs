// CPython test_waitfor.py scenarios: test_asyncio_wait_for_cancelled,
// test_asyncio_wait_for_timeout, test_wait_for_waits_for_task_cancellation,
// test_wait_for_waits_for_task_cancellation_w_timeout_0,
// test_wait_for_reraises_exception_during_cancellation, test_wait_for_self_cancellation,
// test_cancel_blocking_wait_for, test_cancel_wait_for.
// A task that ignores cancellation until its own deadline (waitFor waits for it, whether the
// waitFor was cancelled or timed out: then it returns the task's result), a task that sleeps
// again before re-raising the cancellation (the TimeoutError comes after, with the CancelledError
// as its cause), an error raised while being cancelled replaces the TimeoutError, waitFor itself
// cancelled while the task holds up the timeout's cancellation, and cancelling waitFor cancels
// the awaited task (with and without a timeout).
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const EPSILON = 0.0001;
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

function makeSlowTask(loop, duration, log) {
  const state = { exited: false };
  const run = aio.coroutine(function* run() {
    const exitat = loop.time() + duration;
    for (;;) {
      const tosleep = exitat - loop.time();
      if (tosleep <= 0) break;
      try {
        yield* aio.sleep(tosleep);
      } catch (e) {
        if (!isCancel(e)) throw e;
        log("slow task ignores a cancellation");
      }
    }
    state.exited = true;
  });
  return [state, run];
}

const waitForCancelled = aio.coroutine(function* wait_for_cancelled() {
  print("== test_asyncio_wait_for_cancelled");
  const loop = aio.getRunningLoop();
  const log = (m) => print("  ", m);
  const [state, run] = makeSlowTask(loop, 0.2, log);
  const waitfortask = aio.createTask(aio.waitFor(run(), 0.4));
  yield* aio.sleep(0);
  print("  cancel ->", waitfortask.cancel());
  const [done, pending] = yield* aio.wait([waitfortask]);
  log("wait returned");
  print("  exited", state.exited, "cancelled", waitfortask.cancelled(), done.size, pending.size);
});

const waitForTimeout = aio.coroutine(function* wait_for_timeout() {
  print("== test_asyncio_wait_for_timeout");
  const loop = aio.getRunningLoop();
  const log = (m) => print("  ", m);
  const [state, run] = makeSlowTask(loop, 0.2, log);
  try {
    const r = yield* aio.waitFor(run(), 0.1);
    log(`wait_for returned ${repr(r)}`);
  } catch (e) {
    if (!isTimeout(e)) throw e;
    log("TimeoutError");
  }
  print("  exited", state.exited);
});

const waitsForTaskCancellation = aio.coroutine(function* waits_for_task_cancellation(name, timeout) {
  print("==", name);
  let taskDone = false;
  const inner = aio.coroutine(function* inner() {
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) {
        print("  inner cancelled; sleeps before re-raising");
        yield* aio.sleep(EPSILON);
      }
      throw e;
    } finally {
      taskDone = true;
    }
  });
  const innerTask = aio.createTask(inner());
  if (timeout === 0) yield* aio.sleep(EPSILON);
  try {
    yield* aio.waitFor(innerTask, timeout);
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError; cause", e.cause.name);
  }
  print("  task_done", taskDone, "inner cancelled", innerTask.cancelled());
});

const reraisesDuringCancellation = aio.coroutine(function* reraises_during_cancellation() {
  print("== test_wait_for_reraises_exception_during_cancellation");
  const FooException = errorClass("FooException");
  const foo = aio.coroutine(function* foo() {
    const inner = aio.coroutine(function* inner() {
      try {
        yield* aio.sleep(0.2);
      } finally {
        print("  inner cleanup raises FooException");
        throw new FooException("foo");
      }
    });
    const innerTask = aio.createTask(inner());
    yield* aio.waitFor(innerTask, EPSILON);
  });
  try {
    yield* foo();
  } catch (e) {
    if (!(e instanceof FooException)) throw e;
    print("  caught", e.name, repr(str(e)));
  }
});

const selfCancellation = aio.coroutine(function* self_cancellation() {
  print("== test_wait_for_self_cancellation");
  const loop = aio.getRunningLoop();
  const log = (...m) => print("  ", ...m);
  const inner = aio.coroutine(function* inner() {
    try {
      yield* aio.sleep(0.3);
    } catch (e) {
      if (!isCancel(e)) throw e;
      log("inner: first cancellation");
      try {
        yield* aio.sleep(0.3);
      } catch (e2) {
        if (!isCancel(e2)) throw e2;
        log("inner: second cancellation");
        yield* aio.sleep(0.3);
      }
    }
    log("inner returns");
    return 42;
  });
  const innerTask = aio.createTask(inner());
  const wait = aio.waitFor(innerTask, 0.1);
  const task = aio.createTask(wait);
  yield* aio.sleep(0.2);
  log("cancel the wait_for task ->", task.cancel());
  try {
    yield* task;
  } catch (e) {
    if (!isCancel(e)) throw e;
    log("wait_for task CancelledError");
  }
  print("  inner_task done", innerTask.done());
  print("  await inner_task", yield* innerTask);
  log("end");
});

const cancelWaitFor = aio.coroutine(function* cancel_wait_for(name, timeout) {
  print("==", name);
  const loop = aio.getRunningLoop();
  const blockingCoroutine = aio.coroutine(function* blocking_coroutine() {
    const fut = loop.createFuture();
    try {
      yield* fut;
    } catch (e) {
      if (isCancel(e)) print("  blocking coroutine cancelled; fut cancelled", fut.cancelled());
      throw e;
    }
  });
  const task = aio.createTask(blockingCoroutine());
  const wait = aio.createTask(aio.waitFor(task, timeout));
  loop.callSoon(() => wait.cancel());
  try {
    yield* wait;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  wait CancelledError");
  }
  print("  task cancelled", task.cancelled(), "wait cancelled", wait.cancelled());
});

await aio.run(function* main() {
  yield* aio.createTask(waitForCancelled());
  yield* aio.createTask(waitForTimeout());
  yield* aio.createTask(waitsForTaskCancellation("test_wait_for_waits_for_task_cancellation", EPSILON));
  yield* aio.createTask(waitsForTaskCancellation("test_wait_for_waits_for_task_cancellation_w_timeout_0", 0));
  yield* aio.createTask(reraisesDuringCancellation());
  yield* aio.createTask(selfCancellation());
  yield* aio.createTask(cancelWaitFor("test_cancel_blocking_wait_for", null));
  yield* aio.createTask(cancelWaitFor("test_cancel_wait_for", 60.0));
});
