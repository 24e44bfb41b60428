import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of lock_loops.mjs.
// Loop binding (asyncio's _LoopBoundMixin): a primitive binds to the loop that first makes a
// task wait on it; making a task wait from another loop is a RuntimeError "... is bound to a
// different event loop", raised at the call, and the primitive and the loop stay usable.
// Fast paths (no waiting) never bind and never fail.
const r = (x) => String(x);
const tail = (e) => e.message.slice(e.message.indexOf("["));
const catchRuntime = (label, x) => (e) => {
  if (!(e instanceof aio.RuntimeError)) throw e;
  print(label, tail(e), r(x));
};

const lock = new aio.Lock();
const ev = new aio.Event();
const sem = new aio.Semaphore(1);
const cond = new aio.Condition();
const barrier = new aio.Barrier(2);

await aio.run(async () => {
  await lock.acquire();
  const t = aio.createTask(lock.acquire()); // waits: binds the lock to this loop
  await aio.sleep(0);
  lock.release();
  await t;
  const w = aio.createTask(ev.wait());
  await aio.sleep(0);
  ev.set();
  await w;
  await sem.acquire();
  const s = aio.createTask(sem.acquire());
  await aio.sleep(0);
  sem.release();
  await s;
  let c;
  await cond.with(async function () {
    c = aio.createTask(cond.acquire());
    await aio.sleep(0);
  });
  await c;
  cond.release();
  const flag = [];
  const condWaiter = aio.coroutine(async function () {
    return await cond.with(async function () {
      return await cond.waitFor(() => flag.length > 0 && flag); // waits: binds the condition
    });
  });
  const cw = aio.createTask(condWaiter());
  await aio.sleep(0);
  await cond.with(async function () {
    flag.push(1);
    cond.notify();
  });
  print("cond waiter", await cw);
  print("first loop", r(lock), r(ev), r(sem), r(cond), r(barrier));
  print("barrier", await aio.gather(barrier.wait(), barrier.wait()));
});

await aio.run(async () => {
  print("second loop", r(lock), r(ev), r(sem));
  // Fast paths do not look at the loop.
  lock.release();
  print("fast acquire", await lock.acquire(), "event set:", await ev.wait(), r(lock));
  try {
    await lock.acquire();
  } catch (e) {
    catchRuntime("Lock:", lock)(e);
  }
  ev.clear();
  try {
    await ev.wait();
  } catch (e) {
    catchRuntime("Event:", ev)(e);
  }
  try {
    await sem.acquire();
  } catch (e) {
    catchRuntime("Semaphore:", sem)(e);
  }
  await cond.acquire();
  try {
    await cond.wait();
  } catch (e) {
    catchRuntime("Condition:", cond)(e);
  }
  cond.release();
  try {
    await barrier.wait();
  } catch (e) {
    catchRuntime("Barrier:", barrier)(e);
  }
  // Everything is still consistent and the loop runs on.
  lock.release();
  sem.release();
  ev.set();
  print("after", r(lock), r(ev), r(sem), r(cond), r(barrier));
  print("loop still runs", await aio.sleep(0, "yes"));
  const fresh = new aio.Lock();
  const holder = aio.coroutine(async function () {
    return await fresh.with(async function () {
      await aio.sleep(0);
      return "held";
    });
  });
  print("fresh lock", await aio.gather(holder(), holder()), r(fresh));
});
