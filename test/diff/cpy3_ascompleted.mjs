import * as aio from "aionode";
import { print, pyFloat, tuple } from "./pyfmt.mjs";

// CPython test_tasks.py, asyncio.as_completed(), as printed traces: test_as_completed,
// test_as_completed_with_timeout, test_as_completed_with_unused_timeout,
// test_as_completed_reverse_wait, test_as_completed_concurrent,
// test_as_completed_duplicate_coroutines, test_as_completed_coroutine_use_running_loop,
// test_as_completed_invalid_args. (CPython's test clock is replaced by sleeps at least 0.1 s
// apart; elapsed times are printed to the tenth.)

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const elapsed = (t0) => pyFloat(Math.round((loop.time() - t0) * 10) / 10);
  let t0, a, b, futs, fut, res;

  print("== test_as_completed");
  const completed = [];
  const sleeper = aio.coroutine(function* sleeper(dt, x) {
    yield* aio.sleep(dt);
    completed.push(x);
    return x;
  });
  t0 = loop.time();
  a = sleeper(0.1, "a");
  b = sleeper(0.1, "b");
  const c = sleeper(0.3, "c");
  const foo = aio.coroutine(function* foo() {
    const values = [];
    for (const f of aio.asCompleted([b, c, a])) values.push(yield* f);
    return values;
  });
  res = yield* aio.createTask(foo());
  print("  first two", res.slice(0, 2).sort(), "third", res[2], "after", elapsed(t0));

  print("== test_as_completed_with_timeout");
  t0 = loop.time();
  a = aio.createTask(aio.sleep(0.1, "a"));
  b = aio.createTask(aio.sleep(0.4, "b"));
  const foo2 = aio.coroutine(function* foo2() {
    const values = [];
    for (const f of aio.asCompleted([a, b], { timeout: 0.2 })) {
      try {
        const v = yield* f;
        values.push(tuple(1, v));
      } catch (exc) {
        if (!(exc instanceof aio.TimeoutError)) throw exc;
        values.push(tuple(2, exc.name));
      }
    }
    return values;
  });
  res = yield* aio.createTask(foo2());
  print("  values", res, "after", elapsed(t0));
  yield* aio.wait([a, b]);
  print("  b", b.result(), "after", elapsed(t0));

  print("== test_as_completed_with_unused_timeout");
  t0 = loop.time();
  a = aio.sleep(0.1, "a");
  const foo3 = aio.coroutine(function* foo3() {
    for (const f of aio.asCompleted([a], { timeout: 1 })) {
      const v = yield* f;
      print("  got", v);
    }
  });
  yield* aio.createTask(foo3());
  print("  after", elapsed(t0));

  print("== test_as_completed_reverse_wait");
  t0 = loop.time();
  a = aio.sleep(0.1, "a");
  b = aio.sleep(0.3, "b");
  futs = [...aio.asCompleted(new Set([a, b]))];
  print("  count", futs.length);
  const x = yield* futs[1];
  print("  futs[1] ->", x, "after", elapsed(t0));
  const y = yield* futs[0];
  print("  futs[0] ->", y, "after", elapsed(t0));

  print("== test_as_completed_concurrent");
  a = aio.sleep(0.1, "a");
  b = aio.sleep(0.1, "b");
  futs = [...aio.asCompleted(new Set([a, b]))];
  print("  count", futs.length);
  const [done, pending] = yield* aio.wait(futs.map((f) => aio.ensureFuture(f)));
  print("  results", [...done].map((f) => f.result()).sort(), "pending", pending);

  print("== test_as_completed_duplicate_coroutines");
  const coro = aio.coroutine(function* coro(s) {
    return s;
  });
  const runner = aio.coroutine(function* runner() {
    const result = [];
    const c = coro("ham");
    for (const f of aio.asCompleted([c, c, coro("spam")])) result.push(yield* f);
    return result;
  });
  fut = aio.createTask(runner());
  yield* fut;
  print("  results", [...fut.result()].sort(), "count", fut.result().length);

  print("== test_as_completed_coroutine_use_running_loop");
  const c42 = aio.coroutine(function* c42() {
    return 42;
  });
  futs = [...aio.asCompleted([c42()])];
  print("  count", futs.length, "value", yield* futs[0]);

  print("== test_as_completed_invalid_args");
  fut = loop.createFuture();
  try {
    [...aio.asCompleted(fut)];
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  a future: TypeError");
  }
  try {
    [...aio.asCompleted(c42())];
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  a coroutine: TypeError");
  }
  fut.cancel();
});

await aio.run(main);
