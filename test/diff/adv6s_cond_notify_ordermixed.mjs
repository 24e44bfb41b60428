import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Mixed twin of adv6s_cond_notify_order.mjs: rotor, plain, cw, link, burst are async coroutines that generator tasks yield*; the rest are generators.
// The order of wake-ups on a Condition sharing its Lock with plain lock users: a waiter that
// waits again after waking goes to the back of the line, so rounds of notify(2) rotate through
// the waiters; notified waiters take the lock back in FIFO order behind lock users that queued
// earlier, and ahead of those that queue later; a chain in which each woken waiter notifies the
// next before it leaves (with a cancelled link skipped, and notify() from a woken waiter while
// earlier notified ones have not run: they are done and not counted); notifyAll() while some
// are notified already; the lock's and condition's reprs per round.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);

  const flush = (tag) => {
    print(tag, ...log, "|", r(lock), r(cond));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });
  const range = (n) => Array.from({ length: n }, (_, i) => i);

  print("-- rotation: each woken waiter waits again");
  const rotorAsync = aio.coroutine(async function (name, rounds) {
    await cond.with(async function () {
      for (let i = 0; i < rounds; i++) {
        await cond.wait();
        log.push(tuple(name, i));
      }
    });
    return name;
  });
  const rotor = aio.coroutine(function* (...a) {
    return yield* rotorAsync(...a);
  });
  let ts = range(5).map((i) => aio.createTask(rotor(`w${i}`, 2)));
  yield* spin(1);
  flush("waiting");
  for (let k = 0; k < 5; k++) {
    yield* cond.with(function* () {
      cond.notify(2);
    });
    yield* spin(3);
    flush(`notify(2) round ${k}`);
  }
  print("done", ts.filter((t) => t.done()).map((t) => t.result()));

  print("-- notified waiters re-acquire behind earlier lock users, ahead of later ones");
  const plainAsync = aio.coroutine(async function (name) {
    await lock.with(async function () {
      log.push(tuple("plain", name));
      await aio.sleep(0);
    });
  });
  const plain = aio.coroutine(function* (...a) {
    return yield* plainAsync(...a);
  });
  const cwAsync = aio.coroutine(async function (name) {
    await cond.with(async function () {
      await cond.wait();
      log.push(tuple("cond", name));
    });
  });
  const cw = aio.coroutine(function* (...a) {
    return yield* cwAsync(...a);
  });
  ts = range(3).map((i) => aio.createTask(cw(`c${i}`)));
  yield* spin(1);
  yield* lock.acquire();
  const ps = range(2).map((i) => aio.createTask(plain(`early${i}`)));
  yield* spin(1);
  cond.notifyAll();
  yield* spin(1);
  ps.push(...range(2).map((i) => aio.createTask(plain(`late${i}`))));
  yield* spin(1);
  flush("main holds: 2 early, 3 notified, 2 late queued");
  lock.release();
  yield* spin(12);
  flush("released");

  print("-- a notify chain with a cancelled link");
  const linkAsync = aio.coroutine(async function (name) {
    await cond.with(async function () {
      try {
        await cond.wait();
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name));
        throw e;
      }
      log.push(tuple("woke", name, r(cond)));
      cond.notify(1);
      log.push(tuple("passed on", name, r(cond)));
    });
  });
  const link = aio.coroutine(function* (...a) {
    return yield* linkAsync(...a);
  });
  ts = range(5).map((i) => aio.createTask(link(`L${i}`)));
  yield* spin(1);
  ts[2].cancel();
  yield* cond.with(function* () {
    cond.notify(1);
    flush("L2 cancelled, notify(1)");
  });
  for (let k = 0; k < 6; k++) {
    yield* spin(1);
    flush(`step ${k}`);
  }
  print("states", ts.map((t) => (t.cancelled() ? "C" : "ok")));

  print("-- notify from a woken waiter while others are notified but not yet run");
  const burstAsync = aio.coroutine(async function (name, extra) {
    await cond.with(async function () {
      await cond.wait();
      log.push(tuple("woke", name, r(cond)));
      if (extra) {
        cond.notify(extra);
        log.push(tuple("notify", extra, name, r(cond)));
      }
    });
  });
  const burst = aio.coroutine(function* (...a) {
    return yield* burstAsync(...a);
  });
  ts = range(6).map((i) => aio.createTask(burst(`b${i}`, i === 0 ? 2 : 0)));
  yield* spin(1);
  yield* cond.with(function* () {
    cond.notify(3);
    flush("notify(3)");
  });
  yield* spin(1);
  flush("b0 ran");
  yield* spin(8);
  flush("after");
  yield* cond.with(function* () {
    cond.notify(1);
    cond.notifyAll();
    flush("notify(1) + notify_all()");
  });
  yield* spin(8);
  flush("end");
});
