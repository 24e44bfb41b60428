import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Semaphore cancellation: cancelled waiters are skipped by release(); a waiter that was handed
// a unit and cancelled before it ran gives the unit back to the next waiter (no lost wake-up,
// no unit handed out twice); the value is never corrupted.
const r = (x) => String(x);
const names = (res) => res.map((x) => (x instanceof Error ? tname(x) : x ?? null));

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- cancel while waiting");
  let sem = new aio.Semaphore();
  yield* sem.acquire();
  const t = aio.createTask(sem.acquire());
  loop.callSoon(() => t.cancel());
  yield* aio.gather(t, { returnExceptions: true });
  print("cancelled", t.cancelled(), r(sem));
  sem.release();
  print("released", r(sem));

  print("-- two cancelled before being woken");
  sem = new aio.Semaphore(0);
  let ts = [0, 1, 2, 3].map(() => aio.createTask(sem.acquire()));
  yield* aio.sleep(0);
  ts[0].cancel();
  ts[1].cancel();
  sem.release();
  print("after release", r(sem));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("done", ts.map((t) => t.done()), ts.map((t) => t.cancelled()), r(sem));
  ts[3].cancel();
  yield* aio.sleep(0);
  print("t4 cancelled", ts[3].cancelled(), r(sem));

  print("-- woken then cancelled: the unit goes to the next waiter");
  sem = new aio.Semaphore(0);
  ts = [0, 1, 2].map(() => aio.createTask(sem.acquire()));
  yield* aio.sleep(0);
  sem.release(); // hands the unit to ts[0]
  ts[0].cancel(); // ...which is cancelled before it runs
  print("state", r(sem));
  yield* aio.sleep(0);
  print("after tick", ts.map((t) => t.done()), r(sem));
  yield* aio.sleep(0);
  print("after tick", ts.map((t) => t.done()), r(sem));
  sem.release();
  let res = yield* aio.gather(...ts, { returnExceptions: true });
  print("res", names(res), r(sem));

  print("-- no hang: the holder cancels a task queued behind it");
  sem = new aio.Semaphore(1);
  let t2 = null;
  const c1 = aio.coroutine(function* () {
    yield* sem.with(function* () {
      yield* aio.sleep(0);
    });
    t2.cancel();
  });
  const c2 = aio.coroutine(function* () {
    yield* sem.with(function* () {
      print("c2 never gets here");
    });
  });
  const t1 = aio.createTask(c1());
  t2 = aio.createTask(c2());
  res = yield* aio.gather(t1, t2, { returnExceptions: true });
  print("res", names(res), r(sem));
  print("acquire after", yield* aio.waitFor(sem.acquire(), 1.0), r(sem));

  print("-- hang check: woken waiter cancelled, next one acquires");
  sem = new aio.Semaphore(0);
  const a = aio.createTask(sem.acquire());
  const b = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  a.cancel();
  sem.release();
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("locked", sem.locked(), "b done", b.done(), r(sem));

  print("-- fifo with a cancelled first waiter");
  sem = new aio.Semaphore(0);
  const result = [];
  const c = aio.coroutine(function* (i) {
    yield* sem.acquire();
    result.push(i);
  });
  ts = [1, 2, 3].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  ts[0].cancel();
  yield* aio.sleep(0);
  sem.release();
  sem.release();
  res = yield* aio.gather(...ts, { returnExceptions: true });
  print("result", result, names(res), r(sem));

  print("-- many cancellations racing with releases");
  sem = new aio.Semaphore(2);
  const got = [];
  const worker = aio.coroutine(function* (i) {
    yield* sem.with(function* () {
      got.push(i);
      yield* aio.sleep(0);
      yield* aio.sleep(0);
    });
  });
  const ws = [];
  for (let i = 0; i < 10; i++) ws.push(aio.createTask(worker(i)));
  yield* aio.sleep(0);
  for (const i of [2, 3, 5, 8]) ws[i].cancel();
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  ws[4].cancel();
  ws[6].cancel();
  res = yield* aio.gather(...ws, { returnExceptions: true });
  print("got", got, names(res), r(sem));
});
