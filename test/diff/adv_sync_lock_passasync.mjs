import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_lock_pass.mjs.
// Lock: wake-ups passed on through chains of cancelled waiters. A woken waiter that is cancelled
// before it runs passes the wake-up to the head of the line, which may itself be a cancelled
// (but not yet removed) waiter: that one passes it on in its turn. Newcomers cannot barge past
// a woken (done but not cancelled) waiter. Cancellation messages and cancelling() counts.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  let lock;

  const taker = aio.coroutine(async function (name, hold = 1) {
    try {
      await lock.acquire();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name, e.message, aio.currentTask().cancelling()));
      throw e;
    }
    log.push(tuple("got", name, r(lock)));
    for (let i = 0; i < hold; i++) await aio.sleep(0);
    log.push(tuple("release", name));
    lock.release();
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log);
    log.length = 0;
  };

  print("-- chain: woken A cancelled, B (pending) cancelled too, C gets it");
  lock = new aio.Lock();
  await lock.acquire();
  let ts = {};
  for (const n of "ABCD") ts[n] = aio.createTask(taker(n));
  await aio.sleep(0);
  print("queued", r(lock));
  lock.release();
  ts.A.cancel("msgA");
  ts.B.cancel("msgB");
  print("same iteration", r(lock), lock.locked());
  const n1 = aio.createTask(taker("N1"));
  await aio.sleep(0);
  flush("tick1");
  print("after tick1", r(lock), lock.locked());
  await aio.sleep(0);
  flush("tick2");
  print("after tick2", r(lock));
  let res = await aio.gather(...Object.values(ts), n1, { returnExceptions: true });
  flush("end");
  print("res", res.map((x) => (typeof x === "string" ? x : x.name)), r(lock));

  print("-- every waiter cancelled in the iteration of release: lock stays free");
  lock = new aio.Lock();
  await lock.acquire();
  let tl = [0, 1, 2].map((i) => aio.createTask(taker(i)));
  await aio.sleep(0);
  lock.release();
  for (const t of tl) t.cancel();
  print("fast path?", lock.locked(), r(lock));
  await aio.sleep(0);
  flush("tick");
  print("after", r(lock), tl.map((t) => t.cancelled()));
  print("acquire now", await lock.acquire(), r(lock));
  lock.release();

  print("-- cancelled head, release: a newcomer still queues behind the live waiter");
  lock = new aio.Lock();
  await lock.acquire();
  const a = aio.createTask(taker("a"));
  const b = aio.createTask(taker("b"));
  await aio.sleep(0);
  a.cancel();
  lock.release();
  print("released", r(lock), lock.locked());
  const t = aio.createTask(lock.acquire());
  await aio.sleep(0);
  flush("tick");
  print("after", r(lock), t.done(), b.done());
  await aio.sleep(0);
  await aio.sleep(0);
  flush("tick");
  print("after", r(lock), t.done(), b.done());
  await aio.sleep(0);
  print("t", t.done(), r(lock));
  lock.release();
  print("end", r(lock));

  print("-- woken waiter catches the cancellation and retries");
  lock = new aio.Lock();
  const holdout = aio.coroutine(async function () {
    for (;;) {
      try {
        await lock.acquire();
        break;
      } catch (e) {
        if (!isCancel(e)) throw e;
        const task = aio.currentTask();
        print("holdout cancelled", task.cancelling(), task.uncancel(), r(lock));
      }
    }
    print("holdout got it", r(lock));
    lock.release();
  });
  await lock.acquire();
  const s = aio.createTask(holdout());
  const o = aio.createTask(taker("o"));
  await aio.sleep(0);
  lock.release();
  s.cancel();
  await aio.sleep(0);
  flush("tick");
  print("state", r(lock));
  await aio.gather(s, o);
  flush("end");
  print("end", r(lock));
});
