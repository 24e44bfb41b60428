import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_tasks.py, asyncio.gather(), as printed traces: GatherTestsBase's test_success,
// test_result_exception_success, test_one_exception and test_return_exceptions, each with
// futures (FutureGatherTests) and with coroutines awaiting them (CoroutineGatherTests);
// FutureGatherTests' test_constructor_empty_sequence_use_running_loop,
// test_constructor_empty_sequence_use_global_loop, test_constructor_heterogenous_futures (the
// message: aionode's error is a RuntimeError, README), test_constructor_homogenous_futures,
// test_one_cancellation, test_result_exception_one_cancellation; CoroutineGatherTests'
// test_constructor_use_running_loop, test_constructor_use_global_loop,
// test_duplicate_coroutines, test_cancellation_broadcast, test_exception_marking,
// test_issue46672 (with 42 as the bad argument: an object literal is gather()'s options bag).

const RuntimeError = aio.RuntimeError;
const ZeroDivisionError = errorClass("ZeroDivisionError");

const oneLoop = aio.newEventLoop();
const otherLoop = aio.newEventLoop();
const once = aio.coroutine(async function once() {});

// CPython's _run_loop runs the loop while callbacks are ready: a few brief runs here
async function runLoop(loop, n = 3) {
  for (let i = 0; i < n; i++) await loop.runUntilComplete(once());
}

function callback(fut) {
  const cb = (f) => cb.calls.push(f === fut);
  cb.calls = [];
  return cb;
}

const wrapFutures = (futs) => futs;
const awaitFut = aio.coroutine(async function coro(fut) {
  return await fut;
});
const wrapCoroutines = (futs) => futs.map((fut) => awaitFut(fut));

// Both give the gathering future in an array: an awaited Promise would adopt a future.
const gatherOutside = (...args) => [aio.gather(...args)];
async function gatherInside(...args) {
  const coro = aio.coroutine(async function coro() {
    return [aio.gather(...args)];
  });
  return await oneLoop.runUntilComplete(coro());
}

const futures = (n) => Array.from({ length: n }, () => oneLoop.createFuture());

for (const [kind, wrap, gather] of [
  ["futures", wrapFutures, gatherOutside],
  ["coroutines", wrapCoroutines, gatherInside],
]) {
  async function checkSuccess(...opts) {
    const [a, b, c] = futures(3);
    const [fut] = await gather(...wrap([a, b, c]), ...opts);
    const cb = callback(fut);
    fut.addDoneCallback(cb);
    b.setResult(1);
    a.setResult(2);
    await runLoop(oneLoop);
    print("  calls", cb.calls, "done", fut.done());
    c.setResult(3);
    await runLoop(oneLoop);
    print("  calls", cb.calls, "result", fut.result());
  }

  print("== test_success", kind);
  await checkSuccess();
  await checkSuccess({ returnExceptions: false });
  print("== test_result_exception_success", kind);
  await checkSuccess({ returnExceptions: true });

  print("== test_one_exception", kind);
  {
    const [a, b, c, d, e] = futures(5);
    const [fut] = await gather(...wrap([a, b, c, d, e]));
    const cb = callback(fut);
    fut.addDoneCallback(cb);
    const exc = new ZeroDivisionError();
    a.setResult(1);
    b.setException(exc);
    await runLoop(oneLoop);
    print("  done", fut.done(), "calls", cb.calls, "exception is exc", fut.exception() === exc);
    c.setResult(3);
    d.cancel();
    e.setException(new RuntimeError());
    e.exception();
    await runLoop(oneLoop);
    print("  calls", cb.calls);
  }

  print("== test_return_exceptions", kind);
  {
    const [a, b, c, d] = futures(4);
    const [fut] = await gather(...wrap([a, b, c, d]), { returnExceptions: true });
    const cb = callback(fut);
    fut.addDoneCallback(cb);
    const exc = new ZeroDivisionError();
    const exc2 = new RuntimeError();
    b.setResult(1);
    c.setException(exc);
    a.setResult(3);
    await runLoop(oneLoop);
    print("  done", fut.done());
    d.setException(exc2);
    await runLoop(oneLoop);
    const res = fut.result();
    print("  done", fut.done(), "calls", cb.calls, "result", res, res[2] === exc, res[3] === exc2);
  }
}

let fut, cb;

print("== test_constructor_empty_sequence_use_running_loop");
const empty = aio.coroutine(async function empty() {
  return [aio.gather()];
});
fut = (await oneLoop.runUntilComplete(empty()))[0];
print("a future", fut instanceof aio.Future, "on the loop", fut.getLoop() === oneLoop, "done", fut.done(), "result", fut.result());

print("== test_constructor_empty_sequence_use_global_loop");
aio.setEventLoop(oneLoop);
fut = aio.gather();
print("a future", fut instanceof aio.Future, "on the loop", fut.getLoop() === oneLoop, "done", fut.done(), "result", fut.result());
aio.setEventLoop(null);

print("== test_constructor_heterogenous_futures");
{
  const fut1 = oneLoop.createFuture();
  const fut2 = otherLoop.createFuture();
  try {
    aio.gather(fut1, fut2);
  } catch (e) {
    print("refused:", e.message);
  }
  fut1.cancel();
  fut2.cancel();
}

print("== test_constructor_homogenous_futures");
const children = Array.from({ length: 3 }, () => otherLoop.createFuture());
const gathers = [];
for (let i = 0; i < 2; i++) {
  fut = aio.gather(...children);
  gathers.push(fut);
  print("on the children's loop", fut.getLoop() === otherLoop);
  await runLoop(otherLoop);
  print("done", fut.done());
}
for (const ch of children) ch.cancel();
await runLoop(otherLoop);
print("after the children are cancelled", gathers.map((g) => g.exception().name));

print("== test_one_cancellation");
{
  const [a, b, c, d, e] = futures(5);
  fut = aio.gather(a, b, c, d, e);
  cb = callback(fut);
  fut.addDoneCallback(cb);
  a.setResult(1);
  b.cancel();
  await runLoop(oneLoop);
  print("done", fut.done(), "calls", cb.calls, "cancelled", fut.cancelled(), "exception", fut.exception().name);
  c.setResult(3);
  d.cancel();
  e.setException(new RuntimeError());
  e.exception();
  await runLoop(oneLoop);
}

print("== test_result_exception_one_cancellation");
{
  const [a, b, c, d, e, f] = futures(6);
  fut = aio.gather(a, b, c, d, e, f, { returnExceptions: true });
  cb = callback(fut);
  fut.addDoneCallback(cb);
  a.setResult(1);
  const zde = new ZeroDivisionError();
  b.setException(zde);
  c.cancel();
  await runLoop(oneLoop);
  print("done", fut.done());
  d.setResult(3);
  e.cancel();
  const rte = new RuntimeError();
  f.setException(rte);
  const res = await oneLoop.runUntilComplete(fut);
  print("result", res.map((x) => (x instanceof Error ? x.name : x)), res[1] === zde, res[5] === rte, "calls", cb.calls);
}

const abc = aio.coroutine(async function abc() {
  return "abc";
});

print("== test_constructor_use_running_loop");
const gatherTwo = aio.coroutine(async function gather_two() {
  return [aio.gather(abc(), abc())];
});
fut = (await oneLoop.runUntilComplete(gatherTwo()))[0];
print("on the loop", fut.getLoop() === oneLoop, await oneLoop.runUntilComplete(fut));

print("== test_constructor_use_global_loop");
aio.setEventLoop(otherLoop);
fut = aio.gather(abc(), abc());
print("on the set loop", fut.getLoop() === otherLoop, await otherLoop.runUntilComplete(fut));
aio.setEventLoop(null);

print("== test_duplicate_coroutines");
const coro = aio.coroutine(async function coro(s) {
  return s;
});
let c = coro("abc");
[fut] = await gatherInside(c, c, coro("def"), c);
await runLoop(oneLoop);
print(fut.result());

print("== test_cancellation_broadcast");
let proof = 0;
const waiter = oneLoop.createFuture();
const inner = aio.coroutine(async function inner() {
  await waiter;
  proof += 1;
});
const child1 = aio.ensureFuture(inner(), oneLoop);
const child2 = aio.ensureFuture(inner(), oneLoop);
let gatherer = null;
const outer = aio.coroutine(async function outer() {
  gatherer = aio.gather(child1, child2);
  await gatherer;
  proof += 100;
});
let f = aio.ensureFuture(outer(), oneLoop);
await runLoop(oneLoop, 1);
print("cancel ->", f.cancel());
try {
  await oneLoop.runUntilComplete(f);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("CancelledError");
}
print("gatherer.cancel() ->", gatherer.cancel(), "waiter", waiter.cancelled(), "children", child1.cancelled(), child2.cancelled());
await runLoop(oneLoop, 1);
print("proof", proof);

print("== test_exception_marking");
const raisesAfter = aio.coroutine(async function raises_after(f) {
  await f;
  throw new RuntimeError("should not be ignored");
});
const a = oneLoop.createFuture();
const b = oneLoop.createFuture();
const outer2 = aio.coroutine(async function outer2() {
  await aio.gather(raisesAfter(a), raisesAfter(b));
});
f = aio.ensureFuture(outer2(), oneLoop);
await runLoop(oneLoop, 1);
a.setResult(null);
await runLoop(oneLoop, 1);
b.setResult(null);
await runLoop(oneLoop, 1);
print("exception", repr(f.exception()));

print("== test_issue46672");
const reports = [];
oneLoop.setExceptionHandler((lp, ctx) => reports.push(ctx.message));
c = coro("abc");
try {
  await gatherInside(c, 42);
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  print("TypeError");
}
await runLoop(oneLoop);
print("reports", reports);

oneLoop.close();
otherLoop.close();
