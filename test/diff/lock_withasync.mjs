import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { LookupError, tname } from "./comp_util.mjs";

// Async-function twin of lock_with.mjs.
// `async with` on Lock, Condition and Semaphore (aionode: x.with(body)): the lock is held
// during the body and released on return, on an exception and on cancellation; a task
// cancelled while waiting to enter never runs the body and releases nothing.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
class KeyError extends LookupError {
  constructor(m) {
    super(m);
    this.name = "KeyError";
  }
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const lock = new aio.Lock();

  print("-- result");
  const body1 = aio.coroutine(async function () {
    return await lock.with(async function () {
      print("inside", r(lock));
      await aio.sleep(0);
      return 42;
    });
  });
  print("result", await body1(), r(lock));

  print("-- exception in the body");
  const body2 = aio.coroutine(async function () {
    await lock.with(async function () {
      print("inside", r(lock));
      await aio.sleep(0);
      throw new KeyError("boom");
    });
  });
  try {
    await body2();
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("raised", tname(e), r(lock));
  }

  print("-- cancelled inside the body");
  const gate = loop.createFuture();
  const body3 = aio.coroutine(async function () {
    await lock.with(async function () {
      print("inside", r(lock));
      try {
        await gate;
      } catch (e) {
        if (isCancel(e)) print("body cancelled", r(lock));
        throw e;
      }
    });
  });
  let t = aio.createTask(body3());
  await aio.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("task cancelled", t.cancelled(), r(lock));
  }

  print("-- cancelled while waiting to enter");
  await lock.acquire();
  const body4 = aio.coroutine(async function () {
    print("entering");
    await lock.with(async function () {
      print("never here");
    });
  });
  t = aio.createTask(body4());
  await aio.sleep(0);
  print("queued", r(lock));
  t.cancel();
  await aio.gather(t, { returnExceptions: true });
  print("after", t.cancelled(), r(lock));
  lock.release();

  print("-- contention: bodies run one at a time in order");
  const trace = [];
  const worker = aio.coroutine(async function (i) {
    return await lock.with(async function () {
      trace.push(tuple("in", i));
      await aio.sleep(0);
      await aio.sleep(0);
      trace.push(tuple("out", i));
      return i * 10;
    });
  });
  const res = await aio.gather(worker(0), worker(1), worker(2), worker(3));
  print("res", res);
  print("trace", trace);

  print("-- Condition and Semaphore");
  const cond = new aio.Condition();
  const withCond = aio.coroutine(async function () {
    // A plain function returning an awaitable works as a body too.
    return await cond.with(() => {
      print("cond inside", r(cond));
      const f = loop.createFuture();
      f.setResult("c");
      return f;
    });
  });
  print("cond result", await withCond(), r(cond));
  const sem = new aio.Semaphore(2);
  const withSem = aio.coroutine(async function (i) {
    return await sem.with(async function () {
      print("sem inside", i, r(sem));
      await aio.sleep(0);
      return i;
    });
  });
  print("sem results", await aio.gather(withSem(0), withSem(1), withSem(2)), r(sem));

  print("-- nested: Condition built on an explicit lock");
  const lock2 = new aio.Lock();
  const cond2 = new aio.Condition(lock2);
  const nested = aio.coroutine(async function () {
    await cond2.with(async function () {
      print("cond2 locked", lock2.locked(), cond2.locked());
    });
    await lock2.with(async function () {
      print("lock2 locked", lock2.locked(), cond2.locked());
    });
    print("after", lock2.locked(), cond2.locked());
  });
  await nested();

  print("-- body releasing the lock itself: the exit release fails");
  const bad = aio.coroutine(async function () {
    await lock.with(async function () {
      lock.release();
    });
  });
  try {
    await bad();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(lock));
  }
});
