import * as aio from "aionode";
import { print, pyStr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_sem_cancel_storm.mjs.

// Semaphore release ordering among cancelled acquirers: several releases in one iteration with
// woken and unwoken waiters cancelled before and after the releases, units passed on by woken
// waiters that are cancelled, newcomers arriving while units are in flight, the reprs
// ([locked, waiters:N] / [unlocked, value:N, waiters:N]) at each point, BoundedSemaphore with
// cancelled waiters and its ValueError (RangeError here; a waiter's release fails its task),
// and with() bodies cancelled while holding a unit.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const exc = (e) => `${e instanceof RangeError ? "ValueError" : e.name}(${pyStr(e.message)})`;

await aio.run(async function () {
  const log = [];
  let sem = null;

  const w = aio.coroutine(async function (name, hold = 0) {
    try {
      await sem.acquire();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name, args(e)));
      throw e;
    }
    log.push(tuple("got", name));
    try {
      for (let i = 0; i < hold; i++) await aio.sleep(0);
    } finally {
      sem.release();
      log.push(tuple("released", name));
    }
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(sem), sem.locked());
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const states = (ts) =>
    ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.exception() ? exc(t.exception()) : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- three releases, cancellations around them");
  sem = new aio.Semaphore(0);
  let ts = range(0, 7).map((i) => aio.createTask(w(i, 1)));
  await spin(1);
  flush("seven waiting");
  ts[1].cancel("b1");
  sem.release();
  sem.release();
  ts[0].cancel("a0");
  sem.release();
  ts[3].cancel("a3");
  flush("released 3, cancelled 1 before, 0 and 3 after");
  const n = aio.createTask(w("new", 1));
  await spin(1);
  flush("tick1");
  await spin(1);
  flush("tick2");
  await spin(3);
  flush("tick5");
  print("states", states(ts), states([n]));
  for (const t of ts) t.cancel();
  await aio.gather(...ts, { returnExceptions: true });
  flush("cleanup");

  print("-- every woken waiter cancelled");
  sem = new aio.Semaphore(0);
  ts = range(0, 4).map((i) => aio.createTask(w(i)));
  await spin(1);
  sem.release();
  sem.release();
  ts[0].cancel();
  ts[1].cancel();
  flush("two units, both woken cancelled");
  await spin(1);
  flush("tick1");
  await spin(2);
  flush("tick3");
  print("states", states(ts));

  print("-- bounded with cancelled waiters");
  sem = new aio.BoundedSemaphore(1);
  await sem.acquire();
  ts = range(0, 3).map((i) => aio.createTask(w(i)));
  await spin(1);
  ts[0].cancel();
  sem.release();
  flush("released with first waiter cancelled");
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(sem));
  }
  await spin(3);
  flush("after");
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(sem));
  }
  print("states", states(ts));

  print("-- with() bodies cancelled while holding");
  sem = new aio.Semaphore(1);
  const body = aio.coroutine(async function (name) {
    try {
      await sem.with(async function () {
        log.push(tuple("in", name, r(sem)));
        await aio.sleep(0);
        await aio.sleep(0);
      });
    } catch (e) {
      if (isCancel(e)) log.push(tuple("out cancelled", name, r(sem)));
      throw e;
    }
    return name;
  });
  ts = range(0, 4).map((i) => aio.createTask(body(i)));
  await spin(1);
  flush("first inside");
  ts[0].cancel();
  ts[1].cancel();
  await spin(1);
  flush("holder and first waiter cancelled");
  await spin(4);
  flush("after");
  print("states", states(ts));
});
