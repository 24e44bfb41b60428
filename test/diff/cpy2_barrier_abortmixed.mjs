import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Mixed twin of cpy2_barrier_abort.mjs: every with() body is an async function, the coroutines around them generators.
// CPython test_locks.py BarrierTests, abort, as traces: test_abort_barrier,
// test_abort_barrier_when_tasks_half_draining_half_blocking,
// test_abort_barrier_when_exception, test_abort_barrier_when_exception_then_resetting.
const N = 5;
const r = (x) => String(x);
const isBroken = (e) => e instanceof aio.BrokenBarrierError;
const gatherTasks = aio.coroutine(function* (n, coro) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(aio.createTask(coro(i)));
  const res = yield* aio.gather(...tasks);
  return [res, tasks];
});

await aio.run(function* () {
  print("== test_abort_barrier");
  let barrier = new aio.Barrier(1);
  const t = aio.createTask(barrier.abort());
  yield* aio.sleep(0);
  print(t.done(), barrier.nWaiting, barrier.broken, r(barrier));
  try {
    yield* barrier.wait();
  } catch (e) {
    if (!isBroken(e)) throw e;
    print("wait: BrokenBarrierError", e.message);
  }

  print("== test_abort_barrier_when_tasks_half_draining_half_blocking");
  barrier = new aio.Barrier(N);
  const blockingTasks = Math.floor(N / 2);
  let count = 0;
  let log = [];
  const b1 = barrier;
  let coro = aio.coroutine(function* (k) {
    let i;
    try {
      i = yield* b1.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push([k, "BrokenBarrierError", e.message, r(b1)]);
      return;
    }
    count += 1;
    log.push([k, "passed", i, count]);
    if (count > blockingTasks) {
      yield* b1.abort();
      log.push([k, "aborted", r(b1)]);
    } else {
      try {
        yield* b1.wait();
        log.push([k, "passed again?"]);
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push([k, "blocked: BrokenBarrierError", e.message]);
      }
    }
  });
  yield* gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier.broken, barrier.nWaiting, r(barrier));

  print("== test_abort_barrier_when_exception");
  barrier = new aio.Barrier(N);
  log = [];
  const b2 = barrier;
  coro = aio.coroutine(function* (k) {
    try {
      yield* b2.with(async function (i) {
        log.push([k, "in", i]);
        if (i === Math.floor(N / 2)) throw new aio.RuntimeError(`party ${i}`);
      });
      yield* b2.with(async function () {
        log.push([k, "in again?"]);
      });
    } catch (e) {
      if (isBroken(e)) log.push([k, "BrokenBarrierError", e.message]);
      else if (e instanceof aio.RuntimeError) {
        log.push([k, "RuntimeError", e.message, r(b2)]);
        yield* b2.abort();
        log.push([k, "aborted", r(b2)]);
      } else throw e;
    }
  });
  yield* gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier.broken, barrier.nWaiting, r(barrier));

  print("== test_abort_barrier_when_exception_then_resetting");
  const barrier1 = new aio.Barrier(N);
  const barrier2 = new aio.Barrier(N);
  log = [];
  coro = aio.coroutine(function* (k) {
    try {
      const i = yield* barrier1.wait();
      if (i === Math.floor(N / 2)) throw new aio.RuntimeError();
      yield* barrier1.wait();
      log.push([k, "passed twice?"]);
    } catch (e) {
      if (isBroken(e)) log.push([k, "BrokenBarrierError", e.message]);
      else if (e instanceof aio.RuntimeError) {
        log.push([k, "aborting"]);
        yield* barrier1.abort();
      } else throw e;
    }
    const i = yield* barrier2.wait();
    if (i === Math.floor(N / 2)) {
      log.push([k, "resetting", r(barrier1)]);
      yield* barrier1.reset();
      log.push([k, "reset", r(barrier1)]);
    }
    yield* barrier2.wait();
    const j = yield* barrier1.wait();
    log.push([k, "through", j]);
  });
  yield* gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(barrier1.broken, barrier1.nWaiting, r(barrier1), r(barrier2));
});
