import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Mixed twin of adv5_sync_lock_wake_cancel.mjs: the w coroutines are async functions, the rest generators.
// Lock waiters cancelled in the iteration they are woken: the wake-up passes to the next waiter,
// repeatedly down a chain of cancelled waiters; a waiter cancelled after the woken one has taken
// the lock; release from a task that did not acquire (allowed); a newcomer that acquires while a
// woken waiter has not run yet is refused; release of an unlocked lock (RuntimeError) and the
// loop continuing; reprs [locked, waiters:N] along the way; a cancelled holder inside with().
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();

  const w = aio.coroutine(async function (name, hold = 0) {
    try {
      await lock.acquire();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name, args(e), lock.locked()));
      throw e;
    }
    log.push(tuple("got", name));
    for (let i = 0; i < hold; i++) await aio.sleep(0);
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(lock), lock.locked());
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- chain of cancelled woken waiters");
  yield* lock.acquire();
  let ts = range(0, 5).map((i) => aio.createTask(w(i)));
  yield* spin(1);
  flush("five waiting");
  lock.release();
  ts[0].cancel("c0");
  ts[1].cancel("c1");
  flush("released, 0 (woken) and 1 cancelled");
  yield* spin(1);
  flush("tick1");
  yield* spin(1);
  flush("tick2");
  print("states", states(ts));
  ts[3].cancel("c3");
  lock.release();
  ts[4].cancel("c4");
  flush("released for 2, 3 and 4 cancelled");
  yield* spin(2);
  flush("after");
  print("states", states(ts));

  print("-- newcomer while a woken waiter has not run");
  yield* lock.acquire();
  ts = [aio.createTask(w("A"))];
  yield* spin(1);
  lock.release();
  print("locked after release", lock.locked(), r(lock));
  ts.push(aio.createTask(w("N")));
  ts.push(aio.createTask(w("M")));
  yield* spin(1);
  flush("tick1");
  lock.release();
  yield* spin(1);
  flush("tick2");
  lock.release();
  yield* spin(1);
  flush("tick3");
  print("states", states(ts));
  lock.release();

  print("-- release unlocked, the loop goes on");
  for (let i = 0; i < 2; i++) {
    try {
      lock.release();
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print("RuntimeError", e.message, r(lock));
    }
  }
  print("acquire", yield* lock.acquire(), r(lock));
  lock.release();

  print("-- with(): cancelled holder and cancelled waiter");
  const body = aio.coroutine(function* (name) {
    try {
      yield* lock.with(function* () {
        log.push(tuple("in", name, r(lock)));
        yield* aio.sleep(0);
        log.push(tuple("leaving", name));
      });
    } catch (e) {
      if (isCancel(e)) log.push(tuple("out cancelled", name, r(lock)));
      throw e;
    }
    return name;
  });
  ts = range(0, 4).map((i) => aio.createTask(body(i)));
  yield* spin(1);
  flush("one inside");
  ts[0].cancel();
  ts[2].cancel();
  yield* spin(1);
  flush("tick1");
  yield* spin(3);
  flush("after");
  print("states", states(ts), r(lock));
});
