import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";

// CPython test_tasks.py (BaseTaskTests), creating and running tasks, as printed traces:
// test_task_class, test_ensure_future_coroutine, test_ensure_future_future,
// test_ensure_future_task, test_ensure_future_awaitable, test_ensure_future_neither,
// test_ensure_future_error_msg, test_other_loop_future, test_task_awaits_on_itself,
// test_task_basics, test_task_set_methods, test_step_result_future,
// test_subclasses_ctask_cfuture (a Future subclass counting its add_done_callback calls),
// test_coroutine_non_gen_function, test_coroutine_non_gen_function_return_future,
// test_create_task_with_noncoroutine, test_create_task_with_async_function,
// test_bare_create_task, test_bare_create_named_task, test_get_coro, test_iscoroutinefunction
// (coroutine functions and plain functions), SetMethodsTest's
// test_set_result_causes_invalid_state and test_set_exception_causes_invalid_state.

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e).replace(/Task-\d+/g, "Task-N")));
  }
}

async function attemptAsync(label, fn) {
  try {
    print(label, "->", repr(await fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e).replace(/Task-\d+/g, "Task-N")));
  }
}

const notmuch = aio.coroutine(async function notmuch() {
  return "ok";
});

const loop = aio.newEventLoop();
let t;
let f;
let other;

print("== test_task_class");
t = loop.createTask(notmuch());
await loop.runUntilComplete(t);
print("done", t.done(), "result", t.result(), "loop", t.getLoop() === loop);
other = aio.newEventLoop();
t = other.createTask(notmuch());
print("other loop", t.getLoop() === other);
await other.runUntilComplete(t);
other.close();

print("== test_ensure_future_coroutine");
t = aio.ensureFuture(notmuch(), loop);
print("bound to the given loop", t.getLoop() === loop);
await loop.runUntilComplete(t);
print("done", t.done(), "result", t.result());
const inside = aio.coroutine(async function inside() {
  return [aio.ensureFuture(notmuch())];
});
t = (await loop.runUntilComplete(inside()))[0];
print("bound to the running loop", t.getLoop() === loop);
await loop.runUntilComplete(t);
print("done", t.done(), "result", t.result());
aio.setEventLoop(loop);
t = aio.ensureFuture(notmuch());
print("bound to the set loop", t.getLoop() === loop);
await loop.runUntilComplete(t);
print("done", t.done(), "result", t.result());
aio.setEventLoop(null);

print("== test_ensure_future_future");
const fOrig = loop.createFuture();
fOrig.setResult("ko");
f = aio.ensureFuture(fOrig);
await loop.runUntilComplete(f);
print("same future", f === fOrig, "done", f.done(), "result", f.result());
other = aio.newEventLoop();
try {
  aio.ensureFuture(fOrig, other);
} catch (e) {
  print("other loop refused:", str(e));
}
other.close();
print("own loop gives it back", aio.ensureFuture(fOrig, loop) === fOrig);

print("== test_ensure_future_task");
const tOrig = loop.createTask(notmuch());
t = aio.ensureFuture(tOrig);
await loop.runUntilComplete(t);
print("same task", t === tOrig, "done", t.done(), "result", t.result());
other = aio.newEventLoop();
try {
  aio.ensureFuture(tOrig, other);
} catch (e) {
  print("other loop refused:", str(e));
}
other.close();
print("own loop gives it back", aio.ensureFuture(tOrig, loop) === tOrig);

print("== test_ensure_future_awaitable");
// An awaitable that is neither a future nor a coroutine: a thenable delegating to a coroutine.
class Aw {
  constructor(coro) {
    this.coro = coro;
  }
  then(onRes, onRej) {
    return aio.ensureFuture(this.coro, loop).then(onRes, onRej);
  }
}
let fut = aio.ensureFuture(new Aw(notmuch()), loop);
print("future", aio.isFuture(fut), "done", fut.done());
await loop.runUntilComplete(fut);
print("result", fut.result());

print("== test_ensure_future_neither");
try {
  aio.ensureFuture("ok");
} catch (e) {
  if (e instanceof TypeError) print("TypeError");
}

print("== test_ensure_future_error_msg");
other = aio.newEventLoop();
f = loop.createFuture();
try {
  aio.ensureFuture(f, other);
} catch (e) {
  print(str(e));
}
other.close();
f.cancel();

print("== test_other_loop_future");
other = aio.newEventLoop();
fut = other.createFuture();
const run = aio.coroutine(async function run(fut) {
  await fut;
});
await attemptAsync("run_until_complete(run(fut))", () => loop.runUntilComplete(run(fut)));
other.close();

print("== test_task_awaits_on_itself");
const selfAwait = aio.coroutine(async function self_await() {
  await task;
});
let task = aio.ensureFuture(selfAwait(), loop);
await attemptAsync("run_until_complete(task)", () => loop.runUntilComplete(task));

print("== test_task_basics");
const outer = aio.coroutine(async function outer() {
  const a = await inner1();
  const b = await inner2();
  return a + b;
});
const inner1 = aio.coroutine(async function inner1() {
  return 42;
});
const inner2 = aio.coroutine(async function inner2() {
  return 1000;
});
print(await loop.runUntilComplete(outer()));

print("== test_task_set_methods");
const notmuch2 = aio.coroutine(async function notmuch2() {
  return "ko";
});
task = loop.createTask(notmuch2());
attempt("set_result('ok')", () => task.setResult("ok"));
attempt("set_exception(ValueError())", () => task.setException(new ValueError()));
print(await loop.runUntilComplete(task));

print("== test_step_result_future");
class Fut extends aio.Future {
  constructor(...args) {
    super(...args);
    this.cbAdded = false;
  }
  addDoneCallback(...args) {
    this.cbAdded = true;
    super.addDoneCallback(...args);
  }
}
fut = new Fut(loop);
let result = null;
const waitForFuture = aio.coroutine(async function wait_for_future() {
  result = await fut;
});
t = loop.createTask(waitForFuture());
await loop.runUntilComplete(aio.sleep(0));
print("cb_added", fut.cbAdded, String(fut));
let res = ["res"];
fut.setResult(res);
await loop.runUntilComplete(aio.sleep(0));
print("result is res", result === res, "done", t.done(), "task result", t.result());

print("== test_subclasses_ctask_cfuture (the future's part)");
class CountingFuture extends aio.Future {
  constructor(...args) {
    super(...args);
    this.calls = 0;
  }
  addDoneCallback(...args) {
    this.calls += 1;
    return super.addDoneCallback(...args);
  }
}
fut = new CountingFuture(loop);
const spam = aio.coroutine(async function spam() {
  loop.callSoon(() => fut.setResult("spam"));
  return await fut;
});
print(await loop.runUntilComplete(spam()), "add_done_callback calls", fut.calls);

print("== test_coroutine_non_gen_function");
const func = aio.coroutine(async function func() {
  return "test";
});
print("iscoroutinefunction", aio.isCoroutineFunction(func));
let coro = func();
print("iscoroutine", aio.isCoroutine(coro));
print(await loop.runUntilComplete(coro));

print("== test_coroutine_non_gen_function_return_future");
fut = loop.createFuture();
// A generator coroutine: an async function's Promise would adopt the future it returns (README,
// "Returned futures"), where asyncio's task ends with the future itself as its result.
const returnsFut = aio.coroutine(function* returns_fut() {
  return fut;
});
const setsFut = aio.coroutine(async function sets_fut() {
  fut.setResult("test");
});
const t1 = loop.createTask(returnsFut());
const t2 = loop.createTask(setsFut());
// (the Promise runUntilComplete returns would adopt the future: read the task's result instead)
await loop.runUntilComplete(aio.wait([t1]));
res = t1.result();
print("result is fut", res === fut, repr(res), "t2", t2.result());

print("== test_create_task_with_noncoroutine");
for (let i = 0; i < 2; i++) {
  try {
    loop.createTask(123);
  } catch (e) {
    if (e instanceof TypeError) print("TypeError", str(e).startsWith("a coroutine was expected, got"));
  }
}

print("== test_create_task_with_async_function");
const nothing = aio.coroutine(async function nothing() {});
for (let i = 0; i < 2; i++) {
  task = loop.createTask(nothing());
  print("a task", task instanceof aio.Task, await loop.runUntilComplete(task));
}

print("== test_bare_create_task");
const one = aio.coroutine(async function one() {
  return 1;
});
const bare = aio.coroutine(async function bare() {
  const task = aio.createTask(one());
  print("a task", task instanceof aio.Task);
  print("awaited", await task);
});
await loop.runUntilComplete(bare());

print("== test_bare_create_named_task");
const named = aio.coroutine(async function named() {
  const task = aio.createTask(nothing(), { name: "No-op" });
  print("name", task.getName());
  await task;
  print(String(task).split(" coro=")[0]);
});
await loop.runUntilComplete(named());

print("== test_get_coro");
coro = nothing();
task = loop.createTask(coro);
await loop.runUntilComplete(task);
print("get_coro() is coro", task.getCoro() === coro);

print("== test_iscoroutinefunction");
function fn() {}
print("plain", aio.isCoroutineFunction(fn), "async", aio.isCoroutineFunction(nothing));

const reports = [];
loop.setExceptionHandler((lp, ctx) => reports.push(ctx));
// A generator coroutine: an async function's task settles when its promise does, outside the
// loop, and a step queued for it by then is dropped, so the base class's setResult() called on it
// leaves nothing to report.
const foo = aio.coroutine(function* foo() {
  yield* aio.sleep(0.1);
  return 10;
});

function showReports() {
  for (const ctx of reports) {
    const e = ctx.exception;
    print("reported", ctx.message.split(" ").slice(0, 3), e.name, str(e).startsWith("_step(): already done: <Task finished"));
  }
  reports.length = 0;
}

print("== test_set_result_causes_invalid_state");
task = loop.createTask(foo());
aio.Future.prototype.setResult.call(task, "spam");
print(await loop.runUntilComplete(task));
showReports();

print("== test_set_exception_causes_invalid_state");
const MyExc = errorClass("MyExc");
task = loop.createTask(foo());
aio.Future.prototype.setException.call(task, new MyExc());
try {
  await loop.runUntilComplete(task);
} catch (e) {
  if (!(e instanceof MyExc)) throw e;
  print("raised", repr(e));
}
showReports();

loop.close();
