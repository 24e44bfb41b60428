import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

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

await aio.run(function* () {
  yield* lock.acquire();
  const t = aio.createTask(lock.acquire()); // waits: binds the lock to this loop
  yield* aio.sleep(0);
  lock.release();
  yield* t;
  const w = aio.createTask(ev.wait());
  yield* aio.sleep(0);
  ev.set();
  yield* w;
  yield* sem.acquire();
  const s = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  sem.release();
  yield* s;
  let c;
  yield* cond.with(function* () {
    c = aio.createTask(cond.acquire());
    yield* aio.sleep(0);
  });
  yield* c;
  cond.release();
  const flag = [];
  const condWaiter = aio.coroutine(function* () {
    return yield* cond.with(function* () {
      return yield* cond.waitFor(() => flag.length > 0 && flag); // waits: binds the condition
    });
  });
  const cw = aio.createTask(condWaiter());
  yield* aio.sleep(0);
  yield* cond.with(function* () {
    flag.push(1);
    cond.notify();
  });
  print("cond waiter", yield* cw);
  print("first loop", r(lock), r(ev), r(sem), r(cond), r(barrier));
  print("barrier", yield* aio.gather(barrier.wait(), barrier.wait()));
});

await aio.run(function* () {
  print("second loop", r(lock), r(ev), r(sem));
  // Fast paths do not look at the loop.
  lock.release();
  print("fast acquire", yield* lock.acquire(), "event set:", yield* ev.wait(), r(lock));
  try {
    yield* lock.acquire();
  } catch (e) {
    catchRuntime("Lock:", lock)(e);
  }
  ev.clear();
  try {
    yield* ev.wait();
  } catch (e) {
    catchRuntime("Event:", ev)(e);
  }
  try {
    yield* sem.acquire();
  } catch (e) {
    catchRuntime("Semaphore:", sem)(e);
  }
  yield* cond.acquire();
  try {
    yield* cond.wait();
  } catch (e) {
    catchRuntime("Condition:", cond)(e);
  }
  cond.release();
  try {
    yield* barrier.wait();
  } catch (e) {
    catchRuntime("Barrier:", barrier)(e);
  }
  // Everything is still consistent and the loop runs on.
  lock.release();
  sem.release();
  ev.set();
  print("after", r(lock), r(ev), r(sem), r(cond), r(barrier));
  print("loop still runs", yield* aio.sleep(0, "yes"));
  const fresh = new aio.Lock();
  const holder = aio.coroutine(function* () {
    return yield* fresh.with(function* () {
      yield* aio.sleep(0);
      return "held";
    });
  });
  print("fresh lock", yield* aio.gather(holder(), holder()), r(fresh));
});
