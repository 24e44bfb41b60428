import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_cond_notify_n.mjs.

// Condition.notify(n) among cancelled waiters: cancelled waiters are skipped and do not count,
// n = 0 and negative n wake nobody, n larger than the waiters wakes all; a waiter notified and
// cancelled in the same iteration (3.11 does not pass the notification on, and re-raises a bare
// CancelledError after taking the lock back); repr with waiters in every state; notify without
// the lock and release of an unlocked condition, after which the loop keeps working.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

await aio.run(async function () {
  const log = [];
  const cond = new aio.Condition();

  const w = aio.coroutine(async function (name) {
    await cond.with(async function () {
      log.push(tuple("wait", name));
      try {
        const v = await cond.wait();
        log.push(tuple("woke", name, v, cond.locked()));
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, args(e), cond.locked()));
        throw e;
      }
    });
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(cond));
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));

  let ts = [0, 1, 2, 3, 4, 5].map((i) => aio.createTask(w(i)));
  await spin(2);
  flush("all waiting");
  ts[0].cancel("m0");
  ts[2].cancel("m2");
  flush("two cancelled before notify");
  await cond.with(async function () {
    cond.notify(0);
    cond.notify(-3);
    flush("notify 0 and -3");
    cond.notify(2);
    flush("notify 2");
  });
  flush("released");
  await spin(3);
  flush("after spin");
  print("states", states(ts));

  await cond.with(async function () {
    cond.notify(1);
    ts[4].cancel("m4");
    flush("notify 1 then cancel it");
  });
  await spin(3);
  flush("after spin");
  print("states", states(ts));
  await cond.with(async function () {
    cond.notify(100);
    flush("notify 100");
  });
  await spin(3);
  flush("after spin");
  print("states", states(ts));

  print("-- notify without the lock, release unlocked");
  try {
    cond.notify();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  try {
    cond.notifyAll();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  try {
    cond.release();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  print("repr", r(cond));

  print("-- wait_for with a predicate that turns true, cancelled holder");
  const state = { n: 0 };
  const wf = aio.coroutine(async function (name) {
    await cond.with(async function () {
      try {
        const res = await cond.waitFor(() => state.n >= name);
        log.push(tuple("wf ok", name, res));
      } catch (e) {
        if (isCancel(e)) log.push(tuple("wf cancelled", name, cond.locked()));
        throw e;
      }
    });
    return name;
  });
  ts = [1, 2, 3].map((i) => aio.createTask(wf(i)));
  await spin(2);
  flush("waiting for");
  for (let step = 1; step < 4; step++) {
    await cond.with(async function () {
      state.n = step;
      cond.notifyAll();
      if (step === 2) ts[2].cancel();
      flush(`notify_all n=${step}`);
    });
    await spin(3);
    flush(`after spin ${step}`);
  }
  print("states", states(ts));

  print("-- holder cancelled while another notified waiter needs the lock");
  await cond.acquire();
  ts = [10, 11].map((i) => aio.createTask(w(i)));
  cond.release();
  await spin(2);
  await cond.acquire();
  cond.notifyAll();
  flush("notified both, lock held by main");
  await spin(2);
  ts[0].cancel("late");
  flush("cancel 10 while it waits for the lock");
  cond.release();
  await spin(4);
  flush("released");
  print("states", states(ts), cond.locked());
});
