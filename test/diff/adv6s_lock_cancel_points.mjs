import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Lock fairness with a waiter cancelled at every point of one script: queued behind main, woken
// by release() but not yet run (the wake-up passes to the next waiter), holding the lock between
// two sleeps (its finally releases), after it finished; a newcomer arriving while a woken waiter
// has not run is refused; in the retry variant the cancelled waiter uncancels itself and queues
// again at the back. The order in which the lock is granted, the reprs and the states per step.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => (!t.done() ? `P${t.cancelling()}` : t.cancelled() ? "C" : t.result());

const scenario = aio.coroutine(function* (target, k, retry) {
  const log = [];
  const order = [];
  const lock = new aio.Lock();

  const worker = aio.coroutine(function* (name) {
    let retried = false;
    for (;;) {
      try {
        yield* lock.acquire();
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple("cancel", name, args(e), lock.locked()));
        if (retry && !retried && aio.currentTask().uncancel() === 0) {
          retried = true;
          log.push(tuple("retry", name, r(lock)));
          continue;
        }
        throw e;
      }
      break;
    }
    order.push(name);
    log.push(tuple("got", name));
    try {
      yield* aio.sleep(0);
      log.push(tuple("holding", name));
      yield* aio.sleep(0);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancel-holding", name, args(e)));
      throw e;
    } finally {
      lock.release();
      log.push(tuple("rel", name, r(lock)));
    }
    return name;
  });

  yield* lock.acquire();
  const ts = {};
  for (const n of "ABC") ts[n] = aio.createTask(worker(n));
  let step = 0;
  const tick = (what) => {
    if (step === k) {
      ts[target].cancel(`k${k}`);
      log.push(tuple("cancel!", target));
    }
    print(" ", step, what, ...log, "|", r(lock), ...Object.values(ts).map(st));
    log.length = 0;
    step++;
  };

  tick("created");
  yield* aio.sleep(0);
  tick("queued");
  lock.release();
  tick("released");
  ts.N = aio.createTask(worker("N"));
  yield* aio.sleep(0);
  tick("newcomer");
  for (let i = 0; i < 9; i++) {
    yield* aio.sleep(0);
    tick("step");
  }
  yield* aio.gather(...Object.values(ts), { returnExceptions: true });
  print("  order", order, r(lock), ...Object.values(ts).map(st));
});

await aio.run(function* () {
  for (const retry of [false, true]) {
    for (const target of "AB") {
      for (let k = 0; k < 10; k++) {
        print("-- target", target, "k", k, "retry", retry);
        yield* scenario(target, k, retry);
      }
    }
  }
});
