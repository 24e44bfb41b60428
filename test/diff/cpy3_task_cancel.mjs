import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// CPython test_tasks.py (BaseTaskTests), cancellation, as printed traces:
// test_task_cancel_message_getter, test_cancel, test_cancel_with_message_then_future_result,
// test_cancel_with_message_then_future_exception, test_cancellation_exception_context,
// test_cancel_with_message_before_starting_task, test_cancel_yield, test_cancel_inner_future,
// test_cancel_both_task_and_inner_future, test_cancel_task_catching, test_cancel_task_ignoring,
// test_cancel_current_task, test_cancel_at_end, test_cancel_awaited_task,
// test_task_cancel_waiter_future, test_task_cancel_sleeping_task,
// test_baseexception_during_cancel (with an ordinary exception: JavaScript has no
// BaseException), test_yield_future_passes_cancel, test_yield_wait_does_not_shield_cancel,
// test_cancel_gather_1, test_cancel_gather_2, test_tb_logger_not_called_after_cancel.

const loop = aio.newEventLoop();

const once = aio.coroutine(function* once() {});

// as CPython's test_utils.run_briefly: two iterations (a no-op task, then its done callback)
async function runBriefly(lp = loop) {
  await lp.runUntilComplete(once());
}

async function run(lp, aw) {
  try {
    print("  returned", repr(await lp.runUntilComplete(aw)));
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  raised CancelledError", repr(str(e)));
    else print("  raised", e.name, repr(str(e)));
  }
}

function states(label, t) {
  print("  " + label, "done", t.done(), "cancelled", t.cancelled());
}

const sleep10 = aio.coroutine(function* sleep10() {
  yield* aio.sleep(10);
});

let t;
let f;
let lp;
let fut;
let task;

print("== test_task_cancel_message_getter");
const nothing = aio.coroutine(function* nothing() {});
t = loop.createTask(nothing());
print("  cancel ->", t.cancel("my message"));
await run(loop, t);

print("== test_cancel");
const task12 = aio.coroutine(function* task12() {
  yield* aio.sleep(10.0);
  return 12;
});
t = loop.createTask(task12());
loop.callSoon(() => t.cancel());
await run(loop, t);
states("t", t);
print("  cancel again ->", t.cancel());

for (const [name, last] of [
  ["test_cancel_with_message_then_future_result", "result"],
  ["test_cancel_with_message_then_future_exception", "exception"],
]) {
  print("==", name);
  for (const args of [tuple(), tuple(null), tuple("my message"), tuple(5)]) {
    const lp = aio.newEventLoop();
    const coro = aio.coroutine(function* coro() {
      const task = lp.createTask(sleep10());
      yield* aio.sleep(0);
      task.cancel(...args);
      const [done, pending] = yield* aio.wait([task]);
      print("  done", done.size, "pending", pending.size);
      task[last]();
    });
    print("  cancel args", args);
    await run(lp, lp.createTask(coro()));
    lp.close();
  }
}

print("== test_cancellation_exception_context");
lp = aio.newEventLoop();
fut = lp.createFuture();
const sleeper = aio.coroutine(function* sleeper() {
  fut.setResult(null);
  yield* aio.sleep(10);
});
const chained = aio.coroutine(function* chained() {
  const innerTask = lp.createTask(sleeper());
  yield* fut;
  lp.callSoon((m) => innerTask.cancel(m), "msg");
  try {
    yield* innerTask;
  } catch (ex) {
    if (!(ex instanceof aio.CancelledError)) throw ex;
    throw new ValueError("cancelled", { cause: ex });
  }
});
task = lp.createTask(chained());
try {
  await lp.runUntilComplete(task);
} catch (e) {
  if (!(e instanceof ValueError)) throw e;
  print("  raised", repr(e), "from", repr(e.cause));
}
lp.close();

print("== test_cancel_with_message_before_starting_task");
lp = aio.newEventLoop();
const beforeStart = aio.coroutine(function* before_start() {
  const task = lp.createTask(sleep10());
  task.cancel("my message");
  const [done, pending] = yield* aio.wait([task]);
  print("  done", done.size, "pending", pending.size);
  task.exception();
});
await run(lp, lp.createTask(beforeStart()));
lp.close();

print("== test_cancel_yield");
const twoYields = aio.coroutine(function* two_yields() {
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  return 12;
});
t = loop.createTask(twoYields());
await runBriefly();
print("  cancel ->", t.cancel());
await run(loop, t);
states("t", t);
print("  cancel again ->", t.cancel());

print("== test_cancel_inner_future");
f = loop.createFuture();
const awaitsF = aio.coroutine(function* awaits_f() {
  yield* f;
  return 12;
});
t = loop.createTask(awaitsF());
await runBriefly();
f.cancel();
await run(loop, t);
print("  f cancelled", f.cancelled(), "t cancelled", t.cancelled());

print("== test_cancel_both_task_and_inner_future");
f = loop.createFuture();
t = loop.createTask(awaitsF());
await runBriefly();
f.cancel();
print("  t.cancel() ->", t.cancel());
await run(loop, t);
print("  t done", t.done(), "f cancelled", f.cancelled(), "t cancelled", t.cancelled());

print("== test_cancel_task_catching");
let fut1 = loop.createFuture();
let fut2 = loop.createFuture();
const catching = aio.coroutine(function* catching() {
  yield* fut1;
  try {
    yield* fut2;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    return 42;
  }
});
t = loop.createTask(catching());
await runBriefly();
fut1.setResult(null);
await runBriefly();
print("  t.cancel() ->", t.cancel(), "fut2 cancelled", fut2.cancelled());
await run(loop, t);
print("  t cancelled", t.cancelled());

print("== test_cancel_task_ignoring");
fut1 = loop.createFuture();
fut2 = loop.createFuture();
const fut3 = loop.createFuture();
const ignoring = aio.coroutine(function* ignoring() {
  yield* fut1;
  try {
    yield* fut2;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  ignored the cancellation");
  }
  const res = yield* fut3;
  return res;
});
t = loop.createTask(ignoring());
await runBriefly();
fut1.setResult(null);
await runBriefly();
print("  t.cancel() ->", t.cancel(), "fut2 cancelled", fut2.cancelled());
await runBriefly();
fut3.setResult(42);
await run(loop, t);
print("  fut3 cancelled", fut3.cancelled(), "t cancelled", t.cancelled());

print("== test_cancel_current_task");
lp = aio.newEventLoop();
const cancelsItself = aio.coroutine(function* cancels_itself() {
  print("  cancel itself ->", t.cancel());
  yield* aio.sleep(100);
  return 12;
});
t = lp.createTask(cancelsItself());
print("  cancelled before", t.cancelled());
await run(lp, t);
states("t", t);
print("  cancel again ->", t.cancel());
lp.close();

print("== test_cancel_at_end");
lp = aio.newEventLoop();
const cancelsThenReturns = aio.coroutine(function* cancels_then_returns() {
  print("  cancel itself ->", t.cancel());
  return 12;
});
t = lp.createTask(cancelsThenReturns());
print("  cancelled before", t.cancelled());
await run(lp, t);
states("t", t);
print("  cancel again ->", t.cancel());
lp.close();

print("== test_cancel_awaited_task");
lp = aio.newEventLoop();
fut = lp.createFuture();
let nestedTask = null;
const nested = aio.coroutine(function* nested() {
  yield* fut;
});
const awaitsNested = aio.coroutine(function* awaits_nested() {
  nestedTask = lp.createTask(nested());
  yield* aio.sleep(0);
  task.cancel();
  yield* nestedTask;
});
task = lp.createTask(awaitsNested());
await run(lp, task);
print("  task cancelled", task.cancelled(), "nested cancelled", nestedTask.cancelled(), "fut cancelled", fut.cancelled());
lp.close();

print("== test_task_cancel_waiter_future");
fut = loop.createFuture();
const awaitsFut = aio.coroutine(function* awaits_fut() {
  yield* fut;
});
task = loop.createTask(awaitsFut());
await runBriefly();
print("  cancel ->", task.cancel());
await runBriefly();
await run(loop, task);
print("  fut cancelled", fut.cancelled());

print("== test_task_cancel_sleeping_task");
const doit = aio.coroutine(function* doit() {
  const sleeper = loop.createTask(sleep10());
  const t0 = loop.time();
  loop.callLater(0.1, () => sleeper.cancel());
  try {
    yield* sleeper;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    return tuple("cancelled", Math.round((loop.time() - t0) * 10) / 10);
  }
  return "slept in";
});
await run(loop, doit());

print("== test_baseexception_during_cancel");
const exc = new ValueError("instead");
const notmuch = aio.coroutine(function* notmuch() {
  try {
    yield* sleep10();
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    throw exc;
  }
});
task = loop.createTask(notmuch());
await runBriefly();
print("  cancel ->", task.cancel(), "done", task.done());
await runBriefly();
states("task", task);
print("  exception is exc", task.exception() === exc);

print("== test_yield_future_passes_cancel");
let proof = 0;
let waiter = loop.createFuture();
const inner = aio.coroutine(function* inner() {
  try {
    yield* waiter;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    proof += 1;
    throw e;
  }
  print("  got past the waiter");
});
const outer = aio.coroutine(function* outer() {
  try {
    yield* inner();
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    proof += 100;
    return;
  }
  proof += 10;
});
f = aio.ensureFuture(outer(), loop);
await runBriefly();
print("  cancel ->", f.cancel());
await run(loop, f);
print("  proof", proof, "waiter cancelled", waiter.cancelled());

print("== test_yield_wait_does_not_shield_cancel");
proof = 0;
waiter = loop.createFuture();
const inner2 = aio.coroutine(function* inner2() {
  yield* waiter;
  proof += 1;
});
const outer2 = aio.coroutine(function* outer2() {
  yield* aio.wait([aio.createTask(inner2())]);
  proof += 100;
});
f = aio.ensureFuture(outer2(), loop);
await runBriefly();
print("  cancel ->", f.cancel());
await run(loop, f);
waiter.setResult(null);
await runBriefly();
print("  proof", proof);

print("== test_cancel_gather_1");
lp = aio.newEventLoop();
fut = lp.createFuture();
const create = aio.coroutine(function* create() {
  function* childCoro() {
    return yield* fut;
  }
  const gatherFuture = aio.gather(childCoro());
  return [aio.ensureFuture(gatherFuture)];
});
const gatherTask = (await lp.runUntilComplete(create()))[0];
let cancelResult = null;
fut.addDoneCallback(function cancelling_callback(_) {
  cancelResult = gatherTask.cancel();
});
fut.setResult(42);
await run(lp, gatherTask);
print("  cancel_result", cancelResult, "cancelled", gatherTask.cancelled(), "result", gatherTask.result());
lp.close();

print("== test_cancel_gather_2");
for (const args of [tuple(), tuple(null), tuple("my message"), tuple(5)]) {
  const lp = aio.newEventLoop();
  const looping = aio.coroutine(function* looping() {
    for (let i = 0; i < 10; i++) yield* aio.gather(aio.sleep(0.2), { returnExceptions: true });
  });
  const main = aio.coroutine(function* main() {
    const qwe = lp.createTask(looping());
    yield* aio.sleep(0.1);
    qwe.cancel(...args);
    yield* qwe;
  });
  print("  cancel args", args);
  await run(lp, main());
  lp.close();
}

print("== test_tb_logger_not_called_after_cancel");
lp = aio.newEventLoop();
const reports = [];
lp.setExceptionHandler((l, ctx) => reports.push(ctx.message));
const raises = aio.coroutine(function* raises() {
  throw new TypeError();
});
const runner = aio.coroutine(function* runner() {
  const task = lp.createTask(raises());
  yield* aio.sleep(0);
  print("  cancel ->", task.cancel());
});
await lp.runUntilComplete(runner());
lp.close();
print("  reports", reports);

loop.close();
