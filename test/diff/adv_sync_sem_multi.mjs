import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Semaphore: several waiters cancelled in the same iteration as release(). Units handed to
// woken waiters that are then cancelled come back and go to the next waiter whose future is not
// done (cancelled-but-not-yet-removed waiters are skipped); the counter never goes wrong.
// BoundedSemaphore over-release with units in flight (ValueError in Python, RangeError here,
// same message).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  let sem = null;

  const w = aio.coroutine(function* (name) {
    try {
      yield* sem.acquire();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name));
      throw e;
    }
    log.push(tuple("got", name, sem.locked()));
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, r(sem), sem.locked());
    log.length = 0;
  };

  const out = (ts) => ts.map((t) => (t.done() && !t.cancelled() ? t.result() : t.cancelled() ? "C" : "-"));

  const tryRelease = (label) => {
    try {
      sem.release();
      print(label, r(sem));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("error", e.message, r(sem));
    }
  };

  print("-- two releases, cancel both woken and two pending ones");
  sem = new aio.Semaphore(0);
  let ts = [0, 1, 2, 3, 4, 5].map((i) => aio.createTask(w(i)));
  yield* aio.sleep(0);
  sem.release();
  sem.release();
  for (const i of [0, 2, 3, 1]) ts[i].cancel();
  print("in iteration", r(sem), sem.locked());
  yield* aio.sleep(0);
  flush("tick1");
  yield* aio.sleep(0);
  flush("tick2");
  print("out", out(ts));
  sem.release();
  sem.release();
  yield* aio.sleep(0);
  flush("tick3");
  print("out", out(ts));

  print("-- cancel first, then release in the same iteration");
  sem = new aio.Semaphore(0);
  ts = [0, 1, 2, 3].map((i) => aio.createTask(w(i)));
  yield* aio.sleep(0);
  ts[0].cancel();
  ts[1].cancel();
  sem.release();
  sem.release();
  sem.release();
  print("in iteration", r(sem), sem.locked());
  const late = aio.createTask(w("late"));
  yield* aio.sleep(0);
  flush("tick1");
  yield* aio.sleep(0);
  flush("tick2");
  print("out", out(ts), late.done());

  print("-- release while value > 0 and a waiter is woken: the chain wake-up");
  sem = new aio.Semaphore(0);
  ts = [0, 1, 2].map((i) => aio.createTask(w(i)));
  yield* aio.sleep(0);
  sem.release();
  ts[0].cancel();
  sem.release();
  sem.release();
  ts[2].cancel();
  print("in iteration", r(sem));
  yield* aio.sleep(0);
  flush("tick1");
  yield* aio.sleep(0);
  flush("tick2");
  print("out", out(ts));

  print("-- BoundedSemaphore: units in flight count as taken");
  sem = new aio.BoundedSemaphore(2);
  yield* sem.acquire();
  yield* sem.acquire();
  ts = [0, 1, 2].map((i) => aio.createTask(w(i)));
  yield* aio.sleep(0);
  sem.release();
  sem.release();
  ts[0].cancel();
  tryRelease("third release accepted");
  yield* aio.sleep(0);
  flush("tick1");
  tryRelease("release accepted");
  yield* aio.sleep(0);
  flush("tick2");
  print("out", out(ts));
  for (let i = 0; i < 3; i++) tryRelease("release accepted");

  print("-- async with and cancellation inside the body releases the unit");
  sem = new aio.Semaphore(1);
  const body = aio.coroutine(function* (name) {
    yield* sem.with(function* () {
      log.push(tuple("in", name));
      yield* aio.sleep(0);
      log.push(tuple("out", name));
    });
  });
  ts = [0, 1, 2].map((i) => aio.createTask(body(i)));
  yield* aio.sleep(0);
  ts[0].cancel();
  ts[1].cancel();
  yield* aio.sleep(0);
  flush("tick1");
  const res = yield* aio.gather(...ts, { returnExceptions: true });
  flush("end");
  print(res.map((x) => (x === undefined ? "NoneType" : x.name)));
});
