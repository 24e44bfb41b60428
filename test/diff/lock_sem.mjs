import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Semaphore: the counter, locked(), FIFO hand-over (release() hands a unit to the first
// waiter, so a newcomer does not barge in), several releases at once, bounded concurrency.
const r = (x) => String(x);

await aio.run(function* () {
  print("zero", new aio.Semaphore(0).locked(), r(new aio.Semaphore(0)));
  let sem = new aio.Semaphore(3);
  print("initial", r(sem));
  print(yield* sem.acquire(), yield* sem.acquire(), sem.locked(), r(sem));
  let result = [];

  const c = aio.coroutine(function* (i) {
    yield* sem.acquire();
    result.push(i);
    print("acquired", i, r(sem));
    return true;
  });

  const t1 = aio.createTask(c(1));
  const t2 = aio.createTask(c(2));
  const t3 = aio.createTask(c(3));
  yield* aio.sleep(0);
  print("after start", result, sem.locked(), r(sem));
  const t4 = aio.createTask(c(4));
  sem.release();
  sem.release();
  print("two releases", r(sem));
  yield* aio.sleep(0);
  print("after tick", result, r(sem), [t1, t2, t3, t4].map((t) => t.done()));
  sem.release();
  yield* aio.gather(t1, t2, t3, t4);
  print("all", result, r(sem));

  print("-- fifo order: a releasing task re-queues behind the others");
  sem = new aio.Semaphore(1);
  result = [];
  const d1 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(1);
  });
  const d2 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(2);
    sem.release();
    yield* sem.acquire();
    result.push(4);
  });
  const d3 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(3);
  });
  const ts = [d1, d2, d3].map((d) => aio.createTask(d()));
  yield* aio.sleep(0);
  sem.release();
  sem.release();
  yield* aio.gather(...ts);
  print("order", result, r(sem));

  print("-- bounded concurrency");
  sem = new aio.Semaphore(2);
  const active = [];
  let peak = 0;
  const log = [];
  const job = aio.coroutine(function* (i) {
    yield* sem.with(function* () {
      active.push(i);
      peak = Math.max(peak, active.length);
      log.push(tuple("start", i, active.length));
      for (let k = 0; k < (i % 3) + 1; k++) yield* aio.sleep(0);
      active.splice(active.indexOf(i), 1);
      log.push(tuple("end", i));
    });
    return i;
  });
  const jobs = [];
  for (let i = 0; i < 7; i++) jobs.push(job(i));
  print("jobs", yield* aio.gather(...jobs));
  print("peak", peak);
  print("log", log);
  print("final", r(sem));

  print("-- newcomer vs woken waiter");
  sem = new aio.Semaphore(1);
  yield* sem.acquire();
  const w = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  sem.release(); // hands the unit to w
  print("after release", sem.locked(), r(sem));
  const nc = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  print("w", w.done(), "newcomer", nc.done(), r(sem));
  sem.release();
  yield* nc;
  print("newcomer done", r(sem));
});
