import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of lock_cond_notify.mjs.
// Condition: wait() releases the lock and re-acquires it before returning; notify(n) wakes
// the first n waiters in FIFO order, each then queues for the lock; notifyAll wakes all;
// notify with no waiters is a no-op; notified waiters run one at a time holding the lock.
const r = (x) => String(x);
const isRuntime = (e) => e instanceof aio.RuntimeError;

await aio.run(async () => {
  const cond = new aio.Condition();
  const result = [];

  const c = aio.coroutine(async function (i) {
    await cond.acquire();
    print("waiting", i);
    const res = await cond.wait();
    print("woke", i, res, cond.locked());
    result.push(i);
    return i;
  });

  const ts = [1, 2, 3].map((i) => aio.createTask(c(i)));
  await aio.sleep(0);
  print("all waiting", result, r(cond));

  await cond.acquire();
  cond.notify();
  print("notified 1", r(cond));
  await aio.sleep(0);
  print("still held", result, cond.locked());
  cond.release();
  await aio.sleep(0);
  print("after release", result, cond.locked(), r(cond));

  cond.notify(2);
  await aio.sleep(0);
  print("notify(2) while 1 holds", result, cond.locked());
  cond.release();
  await aio.sleep(0);
  print("after release", result, cond.locked());
  cond.release();
  await aio.sleep(0);
  print("after release", result, cond.locked());
  cond.release();
  print("done", ts.map((t) => t.result()), r(cond));

  print("-- notify(1) then notify(2048); each releases after waking");
  result.length = 0;
  const d = aio.coroutine(async function (i) {
    await cond.with(async function () {
      await cond.wait();
      result.push(i);
      print("d woke", i);
    });
  });
  let ds = [0, 1, 2, 3, 4].map((i) => aio.createTask(d(i)));
  await aio.sleep(0);
  await cond.with(async function () {
    cond.notify(1);
    print("notify none extra", r(cond));
  });
  await aio.sleep(0);
  print("after first", result);
  await cond.with(async function () {
    cond.notify(0);
    cond.notify(-1);
    print("notify(0) and notify(-1)", r(cond));
  });
  await aio.sleep(0);
  print("still", result);
  await cond.with(async function () {
    cond.notify(1);
    cond.notify(2048);
  });
  await aio.gather(...ds);
  print("order", result, r(cond));

  print("-- notify_all");
  result.length = 0;
  ds = [0, 1, 2].map((i) => aio.createTask(d(i)));
  await aio.sleep(0);
  await cond.with(async function () {
    cond.notifyAll();
    cond.notifyAll();
    print("notified all", r(cond));
  });
  await aio.gather(...ds);
  print("order", result);

  print("-- notify with no waiters");
  await cond.with(async function () {
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
    await cond.wait();
  } catch (e) {
    if (!isRuntime(e)) throw e;
    print("RuntimeError", e.message);
  }
  print("loop still runs", await aio.sleep(0, "yes"));
});
