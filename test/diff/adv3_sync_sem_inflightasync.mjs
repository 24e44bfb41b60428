import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_sem_inflight.mjs.
// Semaphore units in flight: a unit handed to a woken waiter is counted out of the value at once,
// a newcomer must queue while a woken (done, not cancelled) waiter is listed even if value > 0,
// the woken waiter passes a spare unit on when it runs, a woken waiter that catches its
// cancellation and acquires again goes to the back of the line (its unit goes to the next one),
// BoundedSemaphore over-release counted with units in flight (RangeError is Python's ValueError),
// and with() bodies that fail or are cancelled give their unit back.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
class KeyError extends Error {
  constructor(m) {
    super(m);
    this.name = "KeyError";
  }
}

await aio.run(async function () {
  const log = [];
  let sem = null;

  const w = aio.coroutine(async function (name, retry = false, hold = 0) {
    for (;;) {
      try {
        await sem.acquire();
        break;
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple("cancelled", name, r(sem)));
        if (!retry) throw e;
        retry = false;
        aio.currentTask().uncancel();
      }
    }
    log.push(tuple("got", name, r(sem)));
    for (let i = 0; i < hold; i++) await aio.sleep(0);
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(sem), sem.locked());
    log.length = 0;
  };

  print("-- value > 0 but a woken waiter is listed: newcomer queues");
  sem = new aio.Semaphore(0);
  let a = aio.createTask(w("A"));
  await aio.sleep(0);
  sem.release();
  sem.release();
  flush("two releases");
  let n = aio.createTask(w("N"));
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  print("results", a.result(), n.done() && n.result());

  print("-- newcomer steps before the woken waiter");
  sem = new aio.Semaphore(0);
  a = aio.createTask(w("A"));
  await aio.sleep(0);
  n = aio.createTask(w("N"));
  sem.release();
  sem.release();
  flush("released");
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  print("results", a.done(), n.done());

  print("-- woken waiter catches the cancellation and retries");
  sem = new aio.Semaphore(0);
  let ts = [0, 1, 2].map((i) => aio.createTask(w(i, i === 0)));
  await aio.sleep(0);
  sem.release();
  ts[0].cancel("go away");
  flush("same iteration");
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  sem.release();
  sem.release();
  await aio.sleep(0);
  flush("tick3");
  print("results", ts.map((t) => t.result()), ts.map((t) => t.cancelling()));

  print("-- bounded: over-release counted with units in flight");
  sem = new aio.BoundedSemaphore(2);
  await sem.acquire();
  await sem.acquire();
  ts = [0, 1, 2].map((i) => aio.createTask(w(i)));
  await aio.sleep(0);
  sem.release();
  sem.release();
  flush("two released");
  try {
    sem.release();
    flush("third release accepted");
    sem.release();
    flush("fourth release accepted");
    sem.release();
    flush("fifth release accepted");
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(sem));
  }
  ts[1].cancel();
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  print(
    "states",
    ts.filter((t) => t.done()).map((t) => (!t.cancelled() ? t.result() : "C")),
    ts.map((t) => t.done()),
  );
  for (const t of ts) if (!t.done()) t.cancel();
  await aio.gather(...ts, { returnExceptions: true });
  flush("cleanup");

  print("-- async with: failure and cancellation inside the body");
  sem = new aio.Semaphore(2);
  const body = aio.coroutine(async function (name, mode) {
    try {
      await sem.with(async function () {
        log.push(tuple("in", name, r(sem)));
        if (mode === "raise") throw new KeyError(name);
        await aio.sleep(0);
        await aio.sleep(0);
        log.push(tuple("leaving", name));
      });
    } catch (e) {
      if (e instanceof KeyError) log.push(tuple("KeyError", `KeyError(${name})`, r(sem)));
      else if (isCancel(e)) {
        log.push(tuple("cancelled in body", name, r(sem)));
        throw e;
      } else throw e;
    }
  });
  ts = ["raise", "wait", "wait", "wait", "wait"].map((m, i) => aio.createTask(body(i, m)));
  await aio.sleep(0);
  flush("tick1");
  ts[1].cancel();
  ts[3].cancel();
  await aio.sleep(0);
  flush("tick2");
  await aio.sleep(0);
  flush("tick3");
  await aio.gather(...ts, { returnExceptions: true });
  flush("end");
  print(ts.map((t) => (t.cancelled() ? "C" : t.result())));
});
