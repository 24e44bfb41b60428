import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of cpy2_barrier_reset.mjs.
// CPython test_locks.py BarrierTests, reset, as traces: test_reset_barrier,
// test_reset_barrier_while_tasks_waiting, test_reset_barrier_when_tasks_half_draining,
// test_reset_barrier_when_tasks_half_draining_half_blocking,
// test_reset_barrier_while_tasks_waiting_and_waiting_again,
// test_reset_barrier_while_tasks_draining. (Where the test reads the private _count, the
// tasks count the parties that left the barrier themselves.)
const N = 5;
const r = (x) => String(x);
const isBroken = (e) => e instanceof aio.BrokenBarrierError;
const gatherTasks = aio.coroutine(async function (n, coro) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(aio.createTask(coro(i)));
  const res = await aio.gather(...tasks);
  return [res, tasks];
});

await aio.run(async function () {
  print("== test_reset_barrier");
  let barrier = new aio.Barrier(1);
  const t = aio.createTask(barrier.reset());
  await aio.sleep(0);
  print(t.done(), barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_reset_barrier_while_tasks_waiting");
  barrier = new aio.Barrier(N);
  let log = [];
  const b1 = barrier;
  let coro = aio.coroutine(async function (k) {
    try {
      await b1.wait();
      log.push([k, "passed"]);
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push([k, "BrokenBarrierError", e.message, r(b1)]);
    }
  });
  const coroReset = aio.coroutine(async function () {
    log.push(["reset", r(b1)]);
    await b1.reset();
    log.push(["reset done", r(b1)]);
  });
  let tasks = [];
  for (let k = 0; k < N - 1; k++) tasks.push(aio.createTask(coro(k)));
  await aio.sleep(0);
  print("waiting", r(barrier));
  aio.createTask(coroReset());
  await aio.gather(...tasks);
  for (const x of log) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_reset_barrier_when_tasks_half_draining");
  barrier = new aio.Barrier(N);
  const restOfTasks = Math.floor(N / 2);
  let left = 0;
  log = [];
  const b2 = barrier;
  coro = aio.coroutine(async function (k) {
    let i;
    try {
      i = await b2.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push([k, "BrokenBarrierError", e.message, r(b2)]);
      return;
    }
    left += 1;
    log.push([k, "passed", i, r(b2)]);
    if (N - left === restOfTasks) {
      await b2.reset();
      log.push([k, "reset", r(b2)]);
    }
  });
  await gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_reset_barrier_when_tasks_half_draining_half_blocking");
  barrier = new aio.Barrier(N);
  const blockingTasks = Math.floor(N / 2);
  let count = 0;
  log = [];
  const b3 = barrier;
  coro = aio.coroutine(async function (k) {
    let i;
    try {
      i = await b3.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push([k, "broken, waits again", e.message]);
      i = await b3.wait();
      log.push([k, "passed second", i]);
      return;
    }
    count += 1;
    log.push([k, "passed", i, count]);
    if (count > blockingTasks) {
      await b3.reset();
      log.push([k, "reset", r(b3)]);
      i = await b3.wait();
      log.push([k, "passed after reset", i]);
    } else {
      try {
        i = await b3.wait();
        log.push([k, "passed again", i]);
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push([k, "blocked task broken?"]);
      }
    }
  });
  await gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_reset_barrier_while_tasks_waiting_and_waiting_again");
  barrier = new aio.Barrier(N);
  log = [];
  const b4 = barrier;
  const coro1 = aio.coroutine(async function (k) {
    try {
      await b4.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push([k, "BrokenBarrierError", e.message]);
    } finally {
      const i = await b4.wait();
      log.push([k, "passed", i]);
    }
  });
  const coro2 = aio.coroutine(async function () {
    await b4.with(async function (i) {
      log.push(["coro2", "passed", i, r(b4)]);
    });
  });
  tasks = [];
  for (let k = 0; k < N - 1; k++) tasks.push(aio.createTask(coro1(k)));
  aio.createTask(barrier.reset());
  await aio.sleep(0);
  print("after reset", r(barrier));
  aio.createTask(coro2());
  await aio.gather(...tasks);
  for (const x of log) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_reset_barrier_while_tasks_draining");
  barrier = new aio.Barrier(N);
  count = 0;
  log = [];
  const b5 = barrier;
  coro = aio.coroutine(async function (k) {
    let i = await b5.wait();
    count += 1;
    log.push([k, "first", i, count, r(b5)]);
    if (count === N) {
      await b5.reset();
      log.push([k, "reset", r(b5)]);
      i = await b5.wait();
      log.push([k, "second", i]);
    } else {
      try {
        i = await b5.wait();
        log.push([k, "second", i]);
      } catch (e) {
        log.push([k, "second raised", e.name]);
      }
    }
    i = await b5.wait();
    log.push([k, "third", i]);
  });
  await gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken, r(barrier));
});
