import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Condition: wait() releases the lock and re-acquires it before returning; notify(n) wakes
// the first n waiters in FIFO order, each then queues for the lock; notifyAll wakes all;
// notify with no waiters is a no-op; notified waiters run one at a time holding the lock.
const r = (x) => String(x);
const isRuntime = (e) => e instanceof aio.RuntimeError;

await aio.run(function* () {
  const cond = new aio.Condition();
  const result = [];

  const c = aio.coroutine(function* (i) {
    yield* cond.acquire();
    print("waiting", i);
    const res = yield* cond.wait();
    print("woke", i, res, cond.locked());
    result.push(i);
    return i;
  });

  const ts = [1, 2, 3].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  print("all waiting", result, r(cond));

  yield* cond.acquire();
  cond.notify();
  print("notified 1", r(cond));
  yield* aio.sleep(0);
  print("still held", result, cond.locked());
  cond.release();
  yield* aio.sleep(0);
  print("after release", result, cond.locked(), r(cond));

  cond.notify(2);
  yield* aio.sleep(0);
  print("notify(2) while 1 holds", result, cond.locked());
  cond.release();
  yield* aio.sleep(0);
  print("after release", result, cond.locked());
  cond.release();
  yield* aio.sleep(0);
  print("after release", result, cond.locked());
  cond.release();
  print("done", ts.map((t) => t.result()), r(cond));

  print("-- notify(1) then notify(2048); each releases after waking");
  result.length = 0;
  const d = aio.coroutine(function* (i) {
    yield* cond.with(function* () {
      yield* cond.wait();
      result.push(i);
      print("d woke", i);
    });
  });
  let ds = [0, 1, 2, 3, 4].map((i) => aio.createTask(d(i)));
  yield* aio.sleep(0);
  yield* cond.with(function* () {
    cond.notify(1);
    print("notify none extra", r(cond));
  });
  yield* aio.sleep(0);
  print("after first", result);
  yield* cond.with(function* () {
    cond.notify(0);
    cond.notify(-1);
    print("notify(0) and notify(-1)", r(cond));
  });
  yield* aio.sleep(0);
  print("still", result);
  yield* cond.with(function* () {
    cond.notify(1);
    cond.notify(2048);
  });
  yield* aio.gather(...ds);
  print("order", result, r(cond));

  print("-- notify_all");
  result.length = 0;
  ds = [0, 1, 2].map((i) => aio.createTask(d(i)));
  yield* aio.sleep(0);
  yield* cond.with(function* () {
    cond.notifyAll();
    cond.notifyAll();
    print("notified all", r(cond));
  });
  yield* aio.gather(...ds);
  print("order", result);

  print("-- notify with no waiters");
  yield* cond.with(function* () {
    cond.notify();
    cond.notifyAll();
  });
  print("no-op", r(cond));

  print("-- notify and wait without the lock");
  try {
    cond.notify();
  } catch (e) {
    if (!isRuntime(e)) throw e;
    print("RuntimeError", e.message);
  }
  try {
    cond.notifyAll();
  } catch (e) {
    if (!isRuntime(e)) throw e;
    print("RuntimeError", e.message);
  }
  try {
    yield* cond.wait();
  } catch (e) {
    if (!isRuntime(e)) throw e;
    print("RuntimeError", e.message);
  }
  print("loop still runs", yield* aio.sleep(0, "yes"));
});
