import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_lock_retry_shield.mjs.
// Lock: a woken waiter that catches its cancellation and acquires again lines up behind the
// waiter its wake-up was passed to; shield(lock.acquire()) cancelled from outside: the inner
// acquire goes on and takes the lock for nobody (locked() stays true until someone releases);
// acquire() as a task cancelled before its first step never touches the lock; release() of an
// unlocked lock.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const lock = new aio.Lock();

  const taker = aio.coroutine(async function (name, retry = false) {
    for (;;) {
      try {
        await lock.acquire();
        break;
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple("cancelled", name, e.message, r(lock)));
        if (!retry) throw e;
        retry = false;
        log.push(tuple("uncancel", name, aio.currentTask().uncancel()));
      }
    }
    log.push(tuple("got", name, r(lock)));
    await aio.sleep(0);
    lock.release();
    log.push(tuple("released", name, r(lock)));
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(lock), lock.locked());
    log.length = 0;
  };

  print("-- woken waiter retries after its cancellation");
  await lock.acquire();
  const ts = ["A", "B", "C"].map((n) => aio.createTask(taker(n, n === "A")));
  await aio.sleep(0);
  lock.release();
  ts[0].cancel("retry me");
  flush("released");
  for (let i = 0; i < 7; i++) {
    await aio.sleep(0);
    flush(`tick${i}`);
  }
  print(ts.map((t) => t.result()));

  print("-- shield(acquire) cancelled from outside");
  await lock.acquire();
  const shielded = aio.coroutine(async function () {
    try {
      await aio.shield(lock.acquire());
    } catch (e) {
      if (isCancel(e)) log.push(tuple("outer cancelled", r(lock)));
      throw e;
    }
  });
  const s = aio.createTask(shielded());
  const b = aio.createTask(taker("B"));
  await aio.sleep(0);
  flush("queued");
  s.cancel();
  await aio.sleep(0);
  flush("outer gone");
  lock.release();
  for (let i = 1; i < 5; i++) {
    await aio.sleep(0);
    flush(`tick${i}`);
  }
  print("held for nobody:", lock.locked(), b.result());
  lock.release();
  flush("released by main");

  print("-- acquire task cancelled before its first step");
  let t = aio.createTask(lock.acquire());
  t.cancel();
  await aio.sleep(0);
  print(t.cancelled(), r(lock));
  t = aio.createTask(lock.acquire());
  await aio.sleep(0);
  print(t.result(), r(lock));
  lock.release();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(lock));
  }
});
