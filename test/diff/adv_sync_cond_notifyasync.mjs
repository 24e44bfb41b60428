import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ZeroDivisionError } from "./comp_util.mjs";

// Async-function twin of adv_sync_cond_notify.mjs.
// Condition: notify(n) skips waiters whose future is already done (cancelled but not yet
// removed, or already notified) without counting them; notify(0)/notify(-1) wake nobody;
// notifyAll() counts listed waiters; waitFor() with predicates that raise (before any wait,
// and after a wake-up: the lock is held again when the error propagates); cancellation
// messages through wait(), and the message lost when cancelled while re-acquiring.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
class KeyError extends Error {
  constructor(m) {
    super(m);
    this.name = "KeyError";
  }
}

await aio.run(async function () {
  const log = [];
  const cond = new aio.Condition();

  const waiter = aio.coroutine(async function (name) {
    await cond.with(async function () {
      try {
        await cond.wait();
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, repr(e.message), cond.locked()));
        throw e;
      }
      log.push(tuple("woke", name));
    });
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, r(cond));
    log.length = 0;
  };

  print("-- notify(n) skips cancelled waiters");
  let ts = [0, 1, 2, 3, 4, 5].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  print("waiting", r(cond));
  ts[0].cancel("c0");
  ts[2].cancel("c2");
  await cond.with(async function () {
    cond.notify(0);
    cond.notify(-1);
    print("notify 0/-1", r(cond));
    cond.notify(2);
    cond.notify(1);
    print("notified", r(cond));
  });
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  await cond.with(async function () {
    cond.notifyAll();
  });
  await aio.gather(...ts, { returnExceptions: true });
  flush("end");
  print(ts.map((t) => t.cancelled()));

  print("-- notify_all with cancelled listed waiters");
  ts = [0, 1, 2, 3].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  ts[1].cancel();
  await cond.with(async function () {
    cond.notifyAll();
    print("in lock", r(cond));
  });
  await aio.gather(...ts, { returnExceptions: true });
  flush("end");

  print("-- predicate raising");
  let n = 0;
  const pred = () => {
    n += 1;
    log.push(tuple("pred", n, cond.locked()));
    if (n === 1) return 0;
    if (n === 2) throw new KeyError("boom");
    return n;
  };
  const pwaiter = aio.coroutine(async function () {
    try {
      return await cond.with(async function () {
        return await cond.waitFor(pred);
      });
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      log.push(tuple("raised", repr(e), cond.locked()));
      return "err";
    }
  });
  let t = aio.createTask(pwaiter());
  await aio.sleep(0);
  flush("waiting");
  await cond.with(async function () {
    cond.notify();
  });
  print("result", await t);
  flush("after");

  const bad = () => {
    throw new ZeroDivisionError("first call");
  };
  await cond.with(async function () {
    try {
      await cond.waitFor(bad);
    } catch (e) {
      if (!(e instanceof ZeroDivisionError)) throw e;
      print("first call raised", repr(e), cond.locked(), r(cond));
    }
  });
  print("released", r(cond));

  print("-- wait_for: predicate true at once does not suspend");
  await cond.with(async function () {
    print("value", await cond.waitFor(() => "yes"), r(cond));
  });

  print("-- cancel message: while waiting vs while re-acquiring");
  const t1 = aio.createTask(waiter("m1"));
  const t2 = aio.createTask(waiter("m2"));
  await aio.sleep(0);
  t1.cancel("while waiting");
  await cond.acquire();
  cond.notify();
  await aio.sleep(0);
  flush("tick");
  t2.cancel("while re-acquiring");
  await aio.sleep(0);
  cond.release();
  for (const t of [t1, t2]) {
    try {
      await t;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("task raised", repr(e.message), t.cancelled());
    }
  }
  flush("end");
});
