import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { LookupError, tname } from "./comp_util.mjs";

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

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const lock = new aio.Lock();

  print("-- result");
  const body1 = aio.coroutine(function* () {
    return yield* lock.with(function* () {
      print("inside", r(lock));
      yield* aio.sleep(0);
      return 42;
    });
  });
  print("result", yield* body1(), r(lock));

  print("-- exception in the body");
  const body2 = aio.coroutine(function* () {
    yield* lock.with(function* () {
      print("inside", r(lock));
      yield* aio.sleep(0);
      throw new KeyError("boom");
    });
  });
  try {
    yield* body2();
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("raised", tname(e), r(lock));
  }

  print("-- cancelled inside the body");
  const gate = loop.createFuture();
  const body3 = aio.coroutine(function* () {
    yield* lock.with(function* () {
      print("inside", r(lock));
      try {
        yield* gate;
      } catch (e) {
        if (isCancel(e)) print("body cancelled", r(lock));
        throw e;
      }
    });
  });
  let t = aio.createTask(body3());
  yield* aio.sleep(0);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("task cancelled", t.cancelled(), r(lock));
  }

  print("-- cancelled while waiting to enter");
  yield* lock.acquire();
  const body4 = aio.coroutine(function* () {
    print("entering");
    yield* lock.with(function* () {
      print("never here");
    });
  });
  t = aio.createTask(body4());
  yield* aio.sleep(0);
  print("queued", r(lock));
  t.cancel();
  yield* aio.gather(t, { returnExceptions: true });
  print("after", t.cancelled(), r(lock));
  lock.release();

  print("-- contention: bodies run one at a time in order");
  const trace = [];
  const worker = aio.coroutine(function* (i) {
    return yield* lock.with(function* () {
      trace.push(tuple("in", i));
      yield* aio.sleep(0);
      yield* aio.sleep(0);
      trace.push(tuple("out", i));
      return i * 10;
    });
  });
  const res = yield* aio.gather(worker(0), worker(1), worker(2), worker(3));
  print("res", res);
  print("trace", trace);

  print("-- Condition and Semaphore");
  const cond = new aio.Condition();
  const withCond = aio.coroutine(function* () {
    // A plain function returning an awaitable works as a body too.
    return yield* cond.with(() => {
      print("cond inside", r(cond));
      const f = loop.createFuture();
      f.setResult("c");
      return f;
    });
  });
  print("cond result", yield* withCond(), r(cond));
  const sem = new aio.Semaphore(2);
  const withSem = aio.coroutine(function* (i) {
    return yield* sem.with(function* () {
      print("sem inside", i, r(sem));
      yield* aio.sleep(0);
      return i;
    });
  });
  print("sem results", yield* aio.gather(withSem(0), withSem(1), withSem(2)), r(sem));

  print("-- nested: Condition built on an explicit lock");
  const lock2 = new aio.Lock();
  const cond2 = new aio.Condition(lock2);
  const nested = aio.coroutine(function* () {
    yield* cond2.with(function* () {
      print("cond2 locked", lock2.locked(), cond2.locked());
    });
    yield* lock2.with(function* () {
      print("lock2 locked", lock2.locked(), cond2.locked());
    });
    print("after", lock2.locked(), cond2.locked());
  });
  yield* nested();

  print("-- body releasing the lock itself: the exit release fails");
  const bad = aio.coroutine(function* () {
    yield* lock.with(function* () {
      lock.release();
    });
  });
  try {
    yield* bad();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(lock));
  }
});
