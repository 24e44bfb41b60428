import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Condition.wait() cancelled: the lock is re-acquired before CancelledError propagates, also
// when the cancellation arrives while re-acquiring (even several times); a notified waiter
// cancelled before it runs; waitFor under a timeout.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- cancel while waiting: the lock is held again");
  const cond = new aio.Condition();
  yield* cond.acquire();
  let w = aio.createTask(cond.wait());
  loop.callSoon(() => w.cancel());
  try {
    yield* w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("cancelled", w.cancelled(), cond.locked(), r(cond));
  }
  cond.release();

  print("-- notified, lock contested, then cancelled: no cancellation point left");
  yield* cond.acquire();
  w = aio.createTask(cond.wait());
  yield* aio.sleep(0);
  print("waiting", r(cond));
  yield* cond.acquire();
  cond.notify();
  loop.callSoon(() => w.cancel());
  loop.callSoon(() => cond.release());
  try {
    const res = yield* w;
    print("wait returned", res, cond.locked());
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("wait cancelled", cond.locked());
  }
  cond.release();

  print("-- cancelled after notify, while re-acquiring");
  const reached = [];
  const waitOnCond = aio.coroutine(function* () {
    yield* cond.with(function* () {
      reached.push(true);
      try {
        yield* cond.wait();
      } catch (e) {
        if (isCancel(e)) print("wait raised CancelledError, locked:", cond.locked());
        throw e;
      }
    });
  });
  const waiter = aio.createTask(waitOnCond());
  yield* aio.sleep(0);
  yield* cond.acquire();
  cond.notify();
  yield* aio.sleep(0);
  print("waiter re-acquiring", r(cond));
  waiter.cancel();
  yield* aio.sleep(0);
  print("still blocked", waiter.done(), r(cond));
  waiter.cancel();
  yield* aio.sleep(0);
  print("cancelled twice", waiter.done(), r(cond));
  cond.release();
  yield* aio.sleep(0);
  print("waiter", waiter.cancelled(), reached, r(cond));

  print("-- notify and cancel in the same iteration: the next waiter is not woken");
  const order = [];
  const w2 = aio.coroutine(function* (i) {
    yield* cond.with(function* () {
      try {
        yield* cond.wait();
        order.push(i);
      } catch (e) {
        if (isCancel(e)) order.push(tuple("cancelled", i));
        throw e;
      }
    });
  });
  const ts = [0, 1, 2].map((i) => aio.createTask(w2(i)));
  yield* aio.sleep(0);
  yield* cond.with(function* () {
    cond.notify();
    ts[0].cancel();
  });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("order", order, r(cond));
  yield* cond.with(function* () {
    cond.notifyAll();
  });
  const res = yield* aio.gather(...ts, { returnExceptions: true });
  print("order", order, res.map(tname), r(cond));

  print("-- wait_for with a timeout inside the lock");
  yield* cond.with(function* () {
    try {
      yield* aio.waitFor(cond.wait(), 0.05);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("timed out, locked:", cond.locked(), r(cond));
    }
  });
  print("after", r(cond));

  print("-- timeout() around wait_for(predicate)");
  yield* cond.with(function* () {
    try {
      yield* aio.timeout(0.05, function* () {
        yield* cond.waitFor(() => false);
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("timed out, locked:", cond.locked(), r(cond));
    }
  });
  print("after", r(cond));
});
