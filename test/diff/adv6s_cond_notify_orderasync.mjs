import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6s_cond_notify_order.mjs.

// The order of wake-ups on a Condition sharing its Lock with plain lock users: a waiter that
// waits again after waking goes to the back of the line, so rounds of notify(2) rotate through
// the waiters; notified waiters take the lock back in FIFO order behind lock users that queued
// earlier, and ahead of those that queue later; a chain in which each woken waiter notifies the
// next before it leaves (with a cancelled link skipped, and notify() from a woken waiter while
// earlier notified ones have not run: they are done and not counted); notifyAll() while some
// are notified already; the lock's and condition's reprs per round.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);

  const flush = (tag) => {
    print(tag, ...log, "|", r(lock), r(cond));
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const range = (n) => Array.from({ length: n }, (_, i) => i);

  print("-- rotation: each woken waiter waits again");
  const rotor = aio.coroutine(async function (name, rounds) {
    await cond.with(async function () {
      for (let i = 0; i < rounds; i++) {
        await cond.wait();
        log.push(tuple(name, i));
      }
    });
    return name;
  });
  let ts = range(5).map((i) => aio.createTask(rotor(`w${i}`, 2)));
  await spin(1);
  flush("waiting");
  for (let k = 0; k < 5; k++) {
    await cond.with(async function () {
      cond.notify(2);
    });
    await spin(3);
    flush(`notify(2) round ${k}`);
  }
  print("done", ts.filter((t) => t.done()).map((t) => t.result()));

  print("-- notified waiters re-acquire behind earlier lock users, ahead of later ones");
  const plain = aio.coroutine(async function (name) {
    await lock.with(async function () {
      log.push(tuple("plain", name));
      await aio.sleep(0);
    });
  });
  const cw = aio.coroutine(async function (name) {
    await cond.with(async function () {
      await cond.wait();
      log.push(tuple("cond", name));
    });
  });
  ts = range(3).map((i) => aio.createTask(cw(`c${i}`)));
  await spin(1);
  await lock.acquire();
  const ps = range(2).map((i) => aio.createTask(plain(`early${i}`)));
  await spin(1);
  cond.notifyAll();
  await spin(1);
  ps.push(...range(2).map((i) => aio.createTask(plain(`late${i}`))));
  await spin(1);
  flush("main holds: 2 early, 3 notified, 2 late queued");
  lock.release();
  await spin(12);
  flush("released");

  print("-- a notify chain with a cancelled link");
  const link = aio.coroutine(async function (name) {
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
  ts = range(5).map((i) => aio.createTask(link(`L${i}`)));
  await spin(1);
  ts[2].cancel();
  await cond.with(async function () {
    cond.notify(1);
    flush("L2 cancelled, notify(1)");
  });
  for (let k = 0; k < 6; k++) {
    await spin(1);
    flush(`step ${k}`);
  }
  print("states", ts.map((t) => (t.cancelled() ? "C" : "ok")));

  print("-- notify from a woken waiter while others are notified but not yet run");
  const burst = aio.coroutine(async function (name, extra) {
    await cond.with(async function () {
      await cond.wait();
      log.push(tuple("woke", name, r(cond)));
      if (extra) {
        cond.notify(extra);
        log.push(tuple("notify", extra, name, r(cond)));
      }
    });
  });
  ts = range(6).map((i) => aio.createTask(burst(`b${i}`, i === 0 ? 2 : 0)));
  await spin(1);
  await cond.with(async function () {
    cond.notify(3);
    flush("notify(3)");
  });
  await spin(1);
  flush("b0 ran");
  await spin(8);
  flush("after");
  await cond.with(async function () {
    cond.notify(1);
    cond.notifyAll();
    flush("notify(1) + notify_all()");
  });
  await spin(8);
  flush("end");
});
