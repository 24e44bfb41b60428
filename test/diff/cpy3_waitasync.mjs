import * as aio from "aionode";
import { print, pyFloat, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_tasks.py, asyncio.wait(), as printed traces: test_wait,
// test_wait_duplicate_coroutines, test_wait_errors, test_wait_first_completed,
// test_wait_really_done, test_wait_first_exception, test_wait_first_exception_in_wait,
// test_wait_with_exception, test_wait_with_timeout, test_wait_with_iterator_of_tasks,
// test_wait_invalid_args. (CPython's test clock is replaced by sleeps 0.1 s to 0.3 s apart;
// elapsed times are printed to the tenth. Errors for bad input are printed by class only where
// aionode's messages differ: README, deliberate differences; Python's ValueError is a RangeError.)

const ZeroDivisionError = errorClass("ZeroDivisionError");

function setEq(s, items) {
  return s.size === items.length && items.every((x) => s.has(x));
}

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  const elapsed = (t0) => pyFloat(Math.round((loop.time() - t0) * 10) / 10);
  let t0, a, b, done, pending;

  print("== test_wait");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(0.1));
  b = aio.createTask(aio.sleep(0.3));
  const foo = aio.coroutine(async function foo() {
    const [done, pending] = await aio.wait([b, a]);
    print("  done is {a, b}", setEq(done, [a, b]), "pending", pending);
    return 42;
  });
  print("  returned", await aio.createTask(foo()), "after", elapsed(t0));
  t0 = loop.time();
  print("  again", await aio.createTask(foo()), "after", elapsed(t0));

  print("== test_wait_duplicate_coroutines");
  const coro = aio.coroutine(async function coro(s) {
    return s;
  });
  const c = aio.createTask(coro("test"));
  [done, pending] = await aio.createTask(aio.wait([c, c, aio.createTask(coro("spam"))]));
  print("  pending", pending, "results", [...done].map((f) => f.result()).sort(), "done", done.size);

  print("== test_wait_errors");
  try {
    await aio.wait(new Set());
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("  empty set refused");
  }
  const s = aio.createTask(aio.sleep(10.0));
  try {
    await aio.wait([s], { returnWhen: -1 });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("  return_when -1 refused");
  }
  s.cancel();

  print("== test_wait_first_completed");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(10.0));
  b = aio.createTask(aio.sleep(0.1));
  [done, pending] = await aio.createTask(aio.wait([b, a], { returnWhen: aio.FIRST_COMPLETED }));
  print("  done is {b}", setEq(done, [b]), "pending is {a}", setEq(pending, [a]), "after", elapsed(t0));
  print("  a done", a.done(), "b done", b.done(), "b result", b.result());
  a.cancel();
  await aio.wait([a, b]);

  print("== test_wait_really_done");
  const coro1 = aio.coroutine(async function coro1() {
    await aio.sleep(0);
  });
  const coro2 = aio.coroutine(async function coro2() {
    await aio.sleep(0);
    await aio.sleep(0);
  });
  a = aio.createTask(coro1());
  b = aio.createTask(coro2());
  [done, pending] = await aio.createTask(aio.wait([b, a], { returnWhen: aio.FIRST_COMPLETED }));
  print("  done is {a, b}", setEq(done, [a, b]), "pending", pending);
  print("  a", a.done(), a.result(), "b", b.done(), b.result());

  print("== test_wait_first_exception");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(10.0));
  const exc = aio.coroutine(async function exc() {
    throw new ZeroDivisionError("err");
  });
  b = aio.createTask(exc());
  [done, pending] = await aio.createTask(aio.wait([b, a], { returnWhen: aio.FIRST_EXCEPTION }));
  print("  done is {b}", setEq(done, [b]), "pending is {a}", setEq(pending, [a]), "after", elapsed(t0));
  print("  b exception", repr(b.exception()));
  a.cancel();
  await aio.wait([a, b]);

  print("== test_wait_first_exception_in_wait");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(10.0));
  const excLater = aio.coroutine(async function exc_later() {
    await aio.sleep(0.1);
    throw new ZeroDivisionError("err");
  });
  b = aio.createTask(excLater());
  [done, pending] = await aio.wait([b, a], { returnWhen: aio.FIRST_EXCEPTION });
  print("  done is {b}", setEq(done, [b]), "pending is {a}", setEq(pending, [a]), "after", elapsed(t0));
  print("  b exception", repr(b.exception()));
  a.cancel();
  await aio.wait([a, b]);

  print("== test_wait_with_exception");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(0.1));
  const sleeper = aio.coroutine(async function sleeper() {
    await aio.sleep(0.3);
    throw new ZeroDivisionError("really");
  });
  b = aio.createTask(sleeper());
  const foo2 = aio.coroutine(async function foo2() {
    const [done, pending] = await aio.wait([b, a]);
    const errors = [...done].filter((f) => f.exception() !== null);
    print("  done", done.size, "pending", pending, "errors", errors.length, "is b", errors.length === 1 && errors[0] === b);
  });
  await aio.createTask(foo2());
  print("  after", elapsed(t0));
  t0 = loop.time();
  await aio.createTask(foo2());
  print("  again after", elapsed(t0));

  print("== test_wait_with_timeout");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(0.1));
  b = aio.createTask(aio.sleep(0.3));
  const foo3 = aio.coroutine(async function foo3() {
    const [done, pending] = await aio.wait([b, a], { timeout: 0.2 });
    print("  done is {a}", setEq(done, [a]), "pending is {b}", setEq(pending, [b]), "b done", b.done());
  });
  await aio.createTask(foo3());
  print("  after", elapsed(t0));
  await aio.wait([a, b]);
  print("  all done after", elapsed(t0));

  print("== test_wait_with_iterator_of_tasks");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(0.1));
  b = aio.createTask(aio.sleep(0.3));
  const foo4 = aio.coroutine(async function foo4() {
    const [done, pending] = await aio.wait([b, a].values());
    print("  done is {a, b}", setEq(done, [a, b]), "pending", pending);
    return 42;
  });
  print("  returned", await aio.createTask(foo4()), "after", elapsed(t0));

  print("== test_wait_invalid_args");
  const fut = loop.createFuture();
  try {
    await aio.wait(fut);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  a future: TypeError");
  }
  const coroutineFunction = aio.coroutine(async function coroutine_function() {});
  try {
    await aio.wait(coroutineFunction());
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  a coroutine: TypeError");
  }
  try {
    await aio.wait([]);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("  an empty list refused");
  }
  fut.cancel();
});

await aio.run(main);
