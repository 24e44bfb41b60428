import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Mixed twin of cpy2_sync_variants3.mjs: every with() body is an async function, the coroutines around them generators.
// More variations on CPython test_locks.py / test_queues.py scenarios, as traces:
// wait_for(x, 0) (and a negative timeout) on a free Lock, a non-empty Queue, a set Event and a
// free Semaphore (TimeoutError, nothing taken): a
// test_cancelled_getters_not_being_held_in_self_getters with no wait; timeout() around a
// waiting acquire (test_timeout_in_block);
// test_reset_barrier_while_tasks_draining and
// test_abort_barrier_when_tasks_half_draining_half_blocking with new arrivals blocked by the
// draining, some of them cancelled; test_explicit_lock with two Conditions on one Lock (notify
// on one wakes only its own waiters); LifoQueue test_order on a bounded queue with waiting
// putters (test_maxsize).
const r = (x) => String(x);
const st = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.exception() !== null ? "E:" + t.exception().name : "D") : "P"));

await aio.run(function* () {
  print("== wait_for(x, 0) on free primitives");
  let lock = new aio.Lock();
  const to = function* (aw, d, after) {
    try {
      const v = yield* aio.waitFor(aw, d);
      print(v, after());
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("TimeoutError", after());
    }
  };
  yield* to(lock.acquire(), 0, () => r(lock));
  let q = new aio.Queue();
  q.putNowait(1);
  try {
    print(yield* aio.waitFor(q.get(), 0), String(q));
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", String(q));
  }
  const ev = new aio.Event();
  ev.set();
  try {
    print(yield* aio.waitFor(ev.wait(), 0));
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", r(ev));
  }
  const s = new aio.Semaphore(1);
  yield* to(s.acquire(), -1, () => r(s));

  print("== test_timeout_in_block, timeout() around acquire()");
  lock = new aio.Lock();
  yield* lock.acquire();
  try {
    yield* aio.timeout(0.1, function* () {
      yield* lock.acquire();
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", r(lock));
  }
  lock.release();

  print("== test_reset_barrier_while_tasks_draining, blocked arrivals cancelled");
  let b = new aio.Barrier(2);
  let log = [];
  const w = aio.coroutine(function* (k) {
    try {
      const i = yield* b.wait();
      log.push([k, "passed", i, r(b)]);
      return i;
    } catch (e) {
      log.push([k, e.name, e.message, r(b)]);
      throw e;
    }
  });
  let ts = [0, 1].map((k) => aio.createTask(w(k)));
  yield* aio.sleep(0);
  const rt = aio.createTask(b.reset());
  let late = [5, 6, 7].map((k) => aio.createTask(w(k)));
  yield* aio.sleep(0);
  print("state", r(b), st(ts), st(late));
  late[0].cancel();
  yield* aio.sleep(0);
  print("state", r(b), st(ts), st(late));
  yield* aio.sleep(0);
  print("state", r(b), st(ts), st(late));
  late[2].cancel();
  yield* aio.gather(...ts, ...late, rt, { returnExceptions: true });
  for (const x of log) print(" ", ...x);
  print(r(b), st(ts), st(late));

  print("== test_abort_barrier_when_tasks_half_draining_half_blocking, blocked arrivals");
  b = new aio.Barrier(2);
  log = [];
  ts = [0, 1].map((k) => aio.createTask(w(k)));
  yield* aio.sleep(0);
  late = [5, 6].map((k) => aio.createTask(w(k)));
  const at = aio.createTask(b.abort());
  yield* aio.gather(...ts, ...late, at, { returnExceptions: true });
  for (const x of log) print(" ", ...x);
  print(r(b), st(ts), st(late));

  print("== test_explicit_lock, two conditions on one lock");
  lock = new aio.Lock();
  const c1 = new aio.Condition(lock);
  const c2 = new aio.Condition(lock);
  const cw = aio.coroutine(function* (c, k) {
    yield* c.with(async function () {
      await c.wait();
      log.push([k, "woke", r(c1), r(c2)]);
    });
  });
  log = [];
  ts = [[c1, "a"], [c2, "b"], [c1, "c"]].map(([c, k]) => aio.createTask(cw(c, k)));
  yield* aio.sleep(0);
  print(r(c1), r(c2), r(lock));
  yield* c2.with(async function () {
    c2.notifyAll();
  });
  yield* aio.sleep(0);
  print(r(c1), r(c2), st(ts));
  yield* c1.with(async function () {
    c1.notify(1);
    print("in c1", r(c1), r(c2), r(lock));
  });
  yield* aio.sleep(0);
  yield* lock.with(async function () {
    c1.notifyAll();
  });
  yield* aio.gather(...ts);
  for (const x of log) print(" ", ...x);

  print("== test_order (LifoQueue), bounded with waiting putters");
  q = new aio.LifoQueue(2);
  const ps = [0, 1, 2, 3, 4].map((i) => aio.createTask(q.put(i)));
  yield* aio.sleep(0);
  print(String(q));
  const out = [];
  while (out.length < 5) {
    out.push(q.getNowait());
    print(" got", out[out.length - 1], String(q));
    yield* aio.sleep(0);
  }
  print(out, String(q));
});
