import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Mixed twin of adv6s_cond_cancel_points.mjs: the waiter coroutines are async functions yield*ed by generator tasks, the rest generators.
// Condition.wait() cancelled at every point of one script: before the waiter first runs, while it
// waits for the notification, notified but not yet run, woken and queued on the lock held by
// main, handed the lock but not yet run, and after it finished; once with a message and once
// cancelled twice. 3.11 keeps the message when the cancellation arrives during the wait proper,
// and raises a bare CancelledError when it arrives while the lock is being taken back; the lock
// is held whenever the waiter sees the cancellation; the other waiter proceeds in FIFO order.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => (!t.done() ? `P${t.cancelling()}` : t.cancelled() ? "C" : t.result());

const scenario = aio.coroutine(function* (target, k, twice) {
  const log = [];
  const cond = new aio.Condition();

  const waiterAsync = aio.coroutine(async function (name) {
    try {
      await cond.with(async function () {
        log.push(tuple("in", name));
        try {
          const v = await cond.wait();
          log.push(tuple("woke", name, v, cond.locked()));
        } catch (e) {
          if (isCancel(e)) log.push(tuple("wait-cancel", name, args(e), cond.locked()));
          throw e;
        }
        log.push(tuple("leave", name));
      });
    } catch (e) {
      if (isCancel(e)) log.push(tuple("out-cancel", name, args(e), cond.locked()));
      throw e;
    }
    return name;
  });
  // The tasks are generator tasks that yield* the async coroutine.
  const waiter = aio.coroutine(function* (...a) {
    return yield* waiterAsync(...a);
  });

  const ts = { A: aio.createTask(waiter("A")), B: aio.createTask(waiter("B")) };
  let step = 0;
  const tick = (what) => {
    if (step === k) {
      ts[target].cancel(`m${k}`);
      if (twice) ts[target].cancel("again");
      log.push(tuple("cancel", target));
    }
    print(" ", step, what, ...log, "|", r(cond), st(ts.A), st(ts.B));
    log.length = 0;
    step++;
  };

  tick("created");
  yield* aio.sleep(0);
  tick("both waiting");
  yield* cond.acquire();
  cond.notify(1);
  tick("main holds, notified one");
  yield* aio.sleep(0);
  tick("one woke");
  cond.notify(1);
  tick("notified another");
  yield* aio.sleep(0);
  tick("both woke");
  cond.release();
  tick("released");
  yield* aio.sleep(0);
  tick("step");
  yield* aio.sleep(0);
  tick("step");
  yield* aio.sleep(0);
  tick("end");
  for (const t of Object.values(ts)) if (!t.done()) t.cancel();
  yield* aio.gather(...Object.values(ts), { returnExceptions: true });
  print("  final", r(cond), st(ts.A), st(ts.B));
  // the condition still works
  yield* cond.with(function* () {
    if (!cond.locked()) throw new Error("not locked");
  });
  print("  reused", r(cond));
});

await aio.run(function* () {
  for (const target of ["A", "B"]) {
    for (const twice of [false, true]) {
      for (let k = 0; k < 11; k++) {
        print("-- target", target, "k", k, "twice", twice);
        yield* scenario(target, k, twice);
      }
    }
  }
});
