import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_tasks.py, the remaining task scenarios, as printed traces:
// test_sleep_cancel (a task sleeping with a result, cancelled after its first step: its sleep
// ends at once, not after the 10 s), test_wait_concurrent_complete (a task finishing in the
// iteration where wait()'s timeout fires is reported done; here with a zero timeout),
// test_cancel_traceback_for_future_result and test_cancel_traceback_for_future_exception (the
// CancelledError of a cancelled inner task, surfacing through `await task` or task.exception(),
// cancels the outer task without a cancel() request; the traceback text itself is not compared),
// test_exception_traceback (a failed task's exception carries its traceback: JS `stack`),
// test_create_task_with_asynclike_function (a hand-made coroutine-like object, twice),
// CTask_Future_Tests' test_foobar (a Future subclass whose getLoop fails is still awaited:
// the task takes the future's own loop), GenericTaskTests' test_future_subclass, and
// test_error_in_call_soon in the form the public API allows (its callSoon fails because the loop
// is closed: createTask throws and registers no task).

const ZeroDivisionError = errorClass("ZeroDivisionError");
const args = (e) => tuple(...(e.message === "" ? [] : [e.message]));
const names = (s) => [...s].map((f) => f.getName()).sort();

const loop = aio.newEventLoop();
aio.setEventLoop(loop);

const runBriefly = () => loop.runUntilComplete(aio.sleep(0));

print("== test_sleep_cancel");
let t = loop.createTask(aio.sleep(10.0, "yeah"), { name: "TestTask" });
const start = loop.time();
await runBriefly();
print("after one step", String(t));
print("cancel ->", t.cancel());
print("cancelling", t.cancelling(), "done", t.done());
await runBriefly();
print("after the next step: done", t.done(), "cancelled", t.cancelled());
print("ended early", loop.time() - start < 1.0);
try {
  t.result();
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("result() raised CancelledError", args(e));
}

print("== test_wait_concurrent_complete");
const concurrent = aio.coroutine(function* concurrent() {
  const a = aio.createTask(aio.sleep(0, "a"), { name: "a" });
  const b = aio.createTask(aio.sleep(5, "b"), { name: "b" });
  let [done, pending] = yield* aio.wait([b, a], { timeout: 0 });
  print("done", names(done), "pending", names(pending));
  print("a", a.result(), "b done", b.done());
  b.cancel();
  [done, pending] = yield* aio.wait([a, b]);
  print("after cancel: done", names(done), "pending", pending.size, "b cancelled", b.cancelled());
});
await loop.runUntilComplete(concurrent());

const nested = aio.coroutine(function* nested() {
  print("nested starts");
  yield* aio.sleep(10);
  print("nested not reached");
});

for (const variant of ["result", "exception"]) {
  print("== test_cancel_traceback_for_future_" + variant);
  const outer = aio.coroutine(function* outer() {
    const inner = aio.createTask(nested(), { name: "inner" });
    yield* aio.sleep(0);
    print("cancel inner ->", inner.cancel());
    if (variant === "result") {
      try {
        yield* inner;
      } finally {
        print("inner cancelled", inner.cancelled(), "outer cancelling", aio.currentTask().cancelling());
      }
    } else {
      const [done, pending] = yield* aio.wait([inner]);
      print("wait: done", done.size, "pending", pending.size);
      try {
        inner.exception();
      } finally {
        print("inner cancelled", inner.cancelled(), "outer cancelling", aio.currentTask().cancelling());
      }
    }
    print("outer not reached");
  });
  const task = loop.createTask(outer(), { name: "outer" });
  try {
    await loop.runUntilComplete(task);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("run_until_complete raised CancelledError", args(e));
  }
  print("outer done", task.done(), "cancelled", task.cancelled(), "cancelling", task.cancelling());
}

print("== test_exception_traceback");
const foo = aio.coroutine(function* foo() {
  throw new ZeroDivisionError("division by zero");
});
const excMain = aio.coroutine(function* excMain() {
  const task = aio.createTask(foo());
  yield* aio.sleep(0);
  const exc = task.exception();
  print("exception", exc.name, "has traceback", typeof exc.stack === "string" && exc.stack.includes("foo"));
});
await loop.runUntilComplete(excMain());

print("== test_create_task_with_asynclike_function");
// Python's CoroLike has send/throw/close and an __await__ returning itself; its send() raises
// StopIteration(42) at once. A generator-like object is aionode's coroutine-like value.
class CoroLike {
  get [Symbol.toStringTag]() {
    return "Generator";
  }
  next() {
    return { done: true, value: 42 };
  }
  throw() {
    return { done: true, value: undefined };
  }
  return(v) {
    return { done: true, value: v };
  }
  [Symbol.iterator]() {
    return this;
  }
}
for (let i = 0; i < 2; i++) {
  print("iscoroutine", aio.isCoroutine(new CoroLike()));
  t = loop.createTask(new CoroLike(), { name: "TestTask" });
  print("is a Task", t instanceof aio.Task, "result", await loop.runUntilComplete(t), "done", t.done());
}

print("== test_foobar");
class Fut extends aio.Future {
  getLoop() {
    throw new TypeError("no loop here");
  }
}
const spam = aio.coroutine(function* spam(fut) {
  print("awaiting the subclass future");
  const v = yield* fut;
  print("got", v);
  return "spam";
});
const fut = new Fut(loop);
loop.callLater(0.1, fut.setResult.bind(fut), 1);
t = loop.createTask(spam(fut));
print("result", await loop.runUntilComplete(t));

print("== test_future_subclass");
print("Task subclasses Future", aio.Task.prototype instanceof aio.Future);
t = loop.createTask(aio.sleep(0));
print("a task is a Future", t instanceof aio.Future);
await loop.runUntilComplete(t);

print("== test_error_in_call_soon");
const closed = aio.newEventLoop();
closed.close();
try {
  closed.createTask(spam(null));
} catch (e) {
  if (e.name !== "RuntimeError") throw e;
  print("create_task raised RuntimeError", repr(e.message));
}
print("all_tasks", aio.allTasks(closed));

loop.close();
