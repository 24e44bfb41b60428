import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of cpy2_sem.mjs.
// CPython test_locks.py SemaphoreTests, as traces: test_initial_value_zero, test_repr (with
// real waiters), test_semaphore_value, test_acquire, test_acquire_cancel,
// test_acquire_cancel_before_awoken, test_acquire_hang, test_acquire_no_hang,
// test_release_not_acquired, test_release_no_waiters. (Python's ValueError is a RangeError
// here, with the same message.)
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const loop = aio.getRunningLoop();

  print("== test_initial_value_zero");
  let sem = new aio.Semaphore(0);
  print(sem.locked(), r(sem));

  print("== test_repr");
  sem = new aio.Semaphore();
  print(r(sem));
  await sem.acquire();
  print(r(sem));
  const ws = [];
  for (let i = 0; i < 2; i++) {
    ws.push(aio.createTask(sem.acquire()));
    await aio.sleep(0);
    print(`waiter ${i + 1}`, r(sem));
  }
  sem.release();
  print("release", r(sem));
  await aio.sleep(0);
  print("tick", r(sem), ws.map((t) => t.done()));
  sem.release();
  sem.release();
  print("release x2", r(sem));
  await aio.sleep(0);
  print("tick", r(sem), ws.map((t) => t.done()));
  sem.release();
  print("release", r(sem));

  print("== test_semaphore_value");
  for (const v of [-1, -5]) {
    try {
      new aio.Semaphore(v);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message);
    }
  }
  for (const v of [0, 1, 3]) print(v, r(new aio.Semaphore(v)), r(new aio.BoundedSemaphore(v)));

  print("== test_acquire");
  sem = new aio.Semaphore(3);
  let result = [];
  print(await sem.acquire(), await sem.acquire(), sem.locked(), r(sem));
  const c = aio.coroutine(async function (i) {
    await sem.acquire();
    result.push(i);
    print(`c${i} acquired`, r(sem));
    return true;
  });
  let t1 = aio.createTask(c(1));
  let t2 = aio.createTask(c(2));
  const t3 = aio.createTask(c(3));
  await aio.sleep(0);
  print("tick", result, sem.locked(), r(sem));
  const t4 = aio.createTask(c(4));
  sem.release();
  sem.release();
  print("release x2", r(sem));
  await aio.sleep(0);
  print("tick", result, sem.locked(), r(sem));
  print("done", [t1, t2, t3, t4].map((t) => t.done() && t.result()));
  sem.release();
  print("gather", await aio.gather(t2, t3, t4), result, r(sem));

  print("== test_acquire_cancel");
  sem = new aio.Semaphore();
  await sem.acquire();
  const acquire = aio.createTask(sem.acquire());
  loop.callSoon(() => acquire.cancel());
  try {
    await acquire;
    print("not cancelled?");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("CancelledError", acquire.cancelled(), r(sem));
  }
  sem.release();
  print("release", r(sem));

  print("== test_acquire_cancel_before_awoken");
  sem = new aio.Semaphore(0);
  const ts = [0, 1, 2, 3].map(() => aio.createTask(sem.acquire()));
  await aio.sleep(0);
  print("waiting", r(sem));
  ts[0].cancel();
  ts[1].cancel();
  sem.release();
  print("cancel t1 t2, release", r(sem));
  await aio.sleep(0);
  print("tick", r(sem), ts.map((t) => t.done()));
  await aio.sleep(0);
  print("tick", r(sem), ts.map((t) => t.done()), ts.map((t) => t.cancelled()));
  ts[2].cancel();
  ts[3].cancel();
  await aio.sleep(0);
  print("cleanup", r(sem), ts.map((t) => t.cancelled()));

  print("== test_acquire_hang");
  sem = new aio.Semaphore(0);
  t1 = aio.createTask(sem.acquire());
  t2 = aio.createTask(sem.acquire());
  await aio.sleep(0);
  t1.cancel();
  sem.release();
  await aio.sleep(0);
  await aio.sleep(0);
  print(sem.locked(), t1.cancelled(), t2.done(), r(sem));

  print("== test_acquire_no_hang");
  sem = new aio.Semaphore(1);
  const s1 = sem;
  const c1 = aio.coroutine(async function () {
    await s1.with(async function () {
      print("c1 in", r(s1));
      await aio.sleep(0);
    });
    print("c1 out", r(s1));
    t2.cancel();
  });
  const c2 = aio.coroutine(async function () {
    await s1.with(async function () {
      print("c2 entered?");
    });
  });
  t1 = aio.createTask(c1());
  t2 = aio.createTask(c2());
  const [r1, r2] = await aio.gather(t1, t2, { returnExceptions: true });
  print("gather", r1, r2.name, r(sem));
  print("wait_for acquire", await aio.waitFor(sem.acquire(), 1.0), r(sem));

  print("== test_release_not_acquired");
  sem = new aio.BoundedSemaphore();
  try {
    sem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(sem));
  }

  print("== test_release_no_waiters");
  sem = new aio.Semaphore();
  await sem.acquire();
  print(sem.locked(), r(sem));
  sem.release();
  print(sem.locked(), r(sem));
});
