import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Async-function twin of lock_cancel.mjs.
// Lock cancellation: a waiter cancelled while waiting leaves the queue; cancellation racing
// with the wake-up (woken and cancelled in the same iteration) passes the lock on: no lost
// wake-up, no double acquisition.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- cancel while waiting");
  let lock = new aio.Lock();
  await lock.acquire();
  let t = aio.createTask(lock.acquire());
  loop.callSoon(() => t.cancel());
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("cancelled", t.cancelled(), r(lock));
  }
  lock.release();
  print("after", r(lock));

  print("-- cancel race: B cancelled while A releases");
  lock = new aio.Lock();
  const lockit = aio.coroutine(async function (name, blocker) {
    await lock.acquire();
    print("acquired", name);
    try {
      if (blocker !== null) await blocker;
    } finally {
      print("release", name);
      lock.release();
    }
  });
  const fa = loop.createFuture();
  const ta = aio.createTask(lockit("A", fa));
  await aio.sleep(0);
  let tb = aio.createTask(lockit("B", null));
  await aio.sleep(0);
  let tc = aio.createTask(lockit("C", null));
  await aio.sleep(0);
  print("queued", r(lock));
  fa.setResult(null);
  tb.cancel();
  await aio.sleep(0);
  print("after tick", lock.locked(), ta.done(), tb.cancelled());
  await tc;
  print("C done", r(lock));

  print("-- cancel + release in one callback: only one acquisition");
  lock = new aio.Lock();
  const counts = { calls: 0, locks: 0 };
  const lockit2 = aio.coroutine(async function (name) {
    counts.calls++;
    try {
      await lock.acquire();
    } catch (e) {
      if (isCancel(e)) print("cancelled in acquire", name);
      throw e;
    }
    counts.locks++;
    print("locked by", name);
  });
  await lock.acquire();
  const t1 = aio.createTask(lockit2("t1"));
  const t2 = aio.createTask(lockit2("t2"));
  const t3 = aio.createTask(lockit2("t3"));
  await aio.sleep(0);
  loop.callSoon(() => {
    t1.cancel();
    lock.release();
  });
  try {
    await t1;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("t1 cancelled");
  }
  print("counts", counts.calls, counts.locks, t2.done(), t3.done(), r(lock));
  t3.cancel();
  await aio.sleep(0);
  print("t3 cancelled", t3.cancelled(), r(lock));

  print("-- woken waiter cancelled: the next one gets the lock");
  lock = new aio.Lock();
  await lock.acquire();
  tb = aio.createTask(lock.acquire());
  await aio.sleep(0);
  tc = aio.createTask(lock.acquire());
  lock.release(); // wakes tb
  tb.cancel(); // ...which is cancelled before it runs
  print("state", r(lock));
  await aio.sleep(0);
  print("tb cancelled", tb.cancelled(), "locked", lock.locked(), "tc done", tc.done());
  await tc;
  print("tc", tc.result(), r(lock));
  lock.release();

  print("-- cancelled head, free lock: a newcomer acquires at once");
  lock = new aio.Lock();
  await lock.acquire();
  const w1 = aio.createTask(lock.acquire());
  await aio.sleep(0);
  w1.cancel();
  lock.release();
  // w1's waiter is cancelled but still queued: the fast path ignores cancelled waiters
  print("newcomer", await lock.acquire(), r(lock));
  await aio.sleep(0);
  print("w1", w1.cancelled(), r(lock));
  lock.release();

  print("-- cancel the holder's successor repeatedly");
  lock = new aio.Lock();
  const got = [];
  const taker = aio.coroutine(async function (i) {
    await lock.acquire();
    got.push(i);
    await aio.sleep(0);
    lock.release();
  });
  await lock.acquire();
  const ts = [];
  for (let i = 0; i < 6; i++) ts.push(aio.createTask(taker(i)));
  await aio.sleep(0);
  ts[0].cancel();
  ts[2].cancel();
  lock.release();
  ts[1].cancel();
  const res = await aio.gather(...ts, { returnExceptions: true });
  print("got", got, res.map(tname), r(lock));
});
