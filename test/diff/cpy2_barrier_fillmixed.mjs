import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Mixed twin of cpy2_barrier_fill.mjs: every with() body is an async function, the coroutines around them generators.
// CPython test_locks.py BarrierTests, filling and draining, as traces: test_barrier (the
// repr part), test_repr, test_barrier_parties, test_context_manager, test_filling_one_task,
// test_filling_one_task_twice, test_filling_task_by_task, test_filling_tasks_wait_twice,
// test_filling_tasks_check_return_value, test_draining_state,
// test_blocking_tasks_while_draining, test_filling_tasks_cancel_one. (Python's ValueError is
// a RangeError here, with the same message.)
const N = 5;
const r = (x) => String(x);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function outcome(t) {
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return t.result();
}
const gatherTasks = aio.coroutine(function* (n, coro) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(aio.createTask(coro(i)));
  const res = yield* aio.gather(...tasks);
  return [res, tasks];
});

await aio.run(function* () {
  print("== test_barrier");
  let barrier = new aio.Barrier(N);
  print(r(barrier), barrier.parties, barrier.nWaiting, barrier.broken);

  print("== test_repr");
  barrier = new aio.Barrier(N);
  print(r(barrier));
  const waiters = [];
  const b0 = barrier;
  const wait = aio.coroutine(function* (i) {
    return yield* b0.wait();
  });
  for (let i = 0; i < 2; i++) waiters.push(aio.createTask(wait(waiters.length)));
  yield* aio.sleep(0);
  print("two waiting", r(barrier));
  for (let i = 0, n = barrier.parties - barrier.nWaiting; i < n; i++) waiters.push(aio.createTask(wait(waiters.length)));
  yield* aio.sleep(0);
  print("filled", r(barrier));
  for (let i = 0; i < 2; i++) waiters.push(aio.createTask(wait(waiters.length)));
  yield* aio.sleep(0);
  print("two more", r(barrier));
  yield* barrier.reset();
  print("reset", r(barrier));
  for (let i = 0; i < 2; i++) waiters.push(aio.createTask(wait(waiters.length)));
  yield* aio.sleep(0);
  print("two more", r(barrier));
  yield* barrier.abort();
  print("abort", r(barrier), barrier.broken);
  yield* aio.gather(...waiters, { returnExceptions: true });
  print("outcomes", waiters.map(outcome), r(barrier));

  print("== test_barrier_parties");
  for (const p of [0, -4]) {
    try {
      new aio.Barrier(p);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message);
    }
  }
  print(new aio.Barrier(N).constructor.name);

  print("== test_context_manager");
  barrier = new aio.Barrier(3);
  let results = [];
  const b1 = barrier;
  let coro = aio.coroutine(function* (k) {
    yield* b1.with(async function (i) {
      print("  task", k, "index", i, r(b1));
      results.push(i);
    });
  });
  yield* gatherTasks(3, coro);
  print(sorted(results), barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_filling_one_task");
  barrier = new aio.Barrier(1);
  const b2 = barrier;
  const f = aio.coroutine(function* () {
    return yield* b2.with(async function (i) {
      print("  index", i, r(b2));
      return true;
    });
  });
  print(yield* f(), barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_filling_one_task_twice");
  barrier = new aio.Barrier(1);
  let t1 = aio.createTask(barrier.wait());
  yield* aio.sleep(0);
  print("t1", t1.done(), barrier.nWaiting, r(barrier));
  const t2 = aio.createTask(barrier.wait());
  yield* aio.sleep(0);
  print("t2", t1.result(), t2.result(), t1.done(), t2.done(), barrier.nWaiting, barrier.broken);

  print("== test_filling_task_by_task");
  barrier = new aio.Barrier(3);
  const ts = [];
  for (let k = 0; k < 3; k++) {
    ts.push(aio.createTask(barrier.wait()));
    yield* aio.sleep(0);
    print("  after task", k + 1, barrier.nWaiting, r(barrier));
  }
  const [done, pending] = yield* aio.wait(ts);
  print(done.size, pending.size, ts.map((t) => t.result()), barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_filling_tasks_wait_twice");
  barrier = new aio.Barrier(N);
  results = [];
  const b3 = barrier;
  coro = aio.coroutine(function* (k) {
    yield* b3.with(async function () {
      results.push(tuple(k, true));
      await b3.with(async function () {
        results.push(tuple(k, false));
      });
    });
  });
  yield* gatherTasks(N, coro);
  print(results);
  print(results.length, barrier.nWaiting, barrier.broken, r(barrier));

  print("== test_filling_tasks_check_return_value");
  barrier = new aio.Barrier(N);
  const results1 = [];
  const results2 = [];
  const b4 = barrier;
  coro = aio.coroutine(function* (k) {
    return yield* b4.with(async function (i1) {
      results1.push(tuple(k, i1));
      return await b4.with(async function (i) {
        results2.push(tuple(k, i));
        return i;
      });
    });
  });
  let [res] = yield* gatherTasks(N, coro);
  print(results1);
  print(results2);
  print(res, sorted(res), barrier.nWaiting, barrier.broken);

  print("== test_draining_state");
  barrier = new aio.Barrier(N);
  results = [];
  const b5 = barrier;
  coro = aio.coroutine(function* (k) {
    yield* b5.with(async function () {
      results.push([k, r(b5).includes("draining"), r(b5)]);
    });
  });
  yield* gatherTasks(N, coro);
  for (const x of results) print(" ", ...x);
  print(barrier.nWaiting, barrier.broken);

  print("== test_blocking_tasks_while_draining");
  const rewait = 2;
  barrier = new aio.Barrier(N);
  const barrierNowaiting = new aio.Barrier(N - rewait);
  let rewaitN = rewait;
  const log = [];
  const b6 = barrier;
  coro = aio.coroutine(function* (k) {
    let i = yield* b6.wait();
    log.push([k, "first", i]);
    if (rewaitN > 0) {
      rewaitN -= 1;
      i = yield* b6.wait();
      log.push([k, "rewait", i]);
    } else {
      const j = yield* barrierNowaiting.wait();
      log.push([k, "nowaiting", j]);
      i = yield* b6.wait();
      log.push([k, "again", i]);
    }
    return i;
  });
  [res] = yield* gatherTasks(N, coro);
  for (const x of log) print(" ", ...x);
  print(res, r(barrier), r(barrierNowaiting));

  print("== test_filling_tasks_cancel_one");
  barrier = new aio.Barrier(3);
  results = [];
  const b7 = barrier;
  coro = aio.coroutine(function* (k) {
    const i = yield* b7.wait();
    results.push(tuple(k, i));
  });
  t1 = aio.createTask(coro(1));
  yield* aio.sleep(0);
  print("t1", barrier.nWaiting);
  const t2b = aio.createTask(coro(2));
  yield* aio.sleep(0);
  print("t2", barrier.nWaiting);
  t1.cancel();
  yield* aio.sleep(0);
  print("t1 cancel", barrier.nWaiting, r(barrier));
  try {
    yield* t1;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("CancelledError", t1.cancelled());
  }
  const t3 = aio.createTask(coro(3));
  yield* aio.sleep(0);
  print("t3", barrier.nWaiting, r(barrier));
  const t4 = aio.createTask(coro(4));
  yield* aio.gather(t2b, t3, t4);
  print(results, barrier.nWaiting, barrier.broken, r(barrier));
});
