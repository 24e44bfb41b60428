import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// More variations on CPython test_locks.py / test_queues.py scenarios, as traces:
// test_wait_for (Condition) with a predicate that raises after a wake-up (the lock is held
// again when the exception leaves wait_for); test_join_empty_queue's join() with a join()
// task cancelled beside another; Semaphore test_acquire_cancel with a newcomer taking the unit
// a cancelled waiter cannot; Lock test_cancel_race with cancel(), release(), cancel() as three
// callbacks (the lock stays free with waiters until the second cancelled waiter passes the
// wake-up on); test_put_cancel_drop with several putters, a woken one and a waiting one
// cancelled together.
const r = (x) => String(x);
class Boom extends Error {
  constructor(m) {
    super(m);
    this.name = "Boom";
  }
}
const st = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : "D") : "P"));

await aio.run(function* () {
  print("== test_wait_for, the predicate raises");
  const cond = new aio.Condition();
  const calls = [0];
  const pred = () => {
    calls[0] += 1;
    if (calls[0] === 2) throw new Boom(`pred ${calls[0]}`);
    return false;
  };
  const waiter = aio.coroutine(function* () {
    yield* cond.with(function* () {
      try {
        yield* cond.waitFor(pred);
      } catch (e) {
        if (e instanceof Boom) print("  Boom", e.message, cond.locked(), r(cond));
        throw e;
      }
    });
  });
  let t = aio.createTask(waiter());
  yield* aio.sleep(0);
  print("waiting", r(cond), calls);
  yield* cond.with(function* () {
    cond.notify();
  });
  yield* aio.gather(t, { returnExceptions: true });
  print("done", t.exception().name, r(cond), calls);

  print("== test_join_empty_queue, a join() cancelled");
  let q = new aio.Queue();
  q.putNowait(1);
  const j1 = aio.createTask(q.join());
  const j2 = aio.createTask(q.join());
  yield* aio.sleep(0);
  j1.cancel();
  yield* aio.sleep(0);
  print(j1.cancelled(), j2.done(), String(q));
  q.getNowait();
  q.taskDone();
  yield* aio.sleep(0);
  print(j2.done(), String(q));

  print("== test_acquire_cancel (Semaphore), a newcomer");
  const s = new aio.Semaphore(0);
  const w1 = aio.createTask(s.acquire());
  yield* aio.sleep(0);
  w1.cancel();
  print(s.locked(), r(s));
  s.release();
  print(s.locked(), r(s));
  print("newcomer", yield* s.acquire(), r(s));
  yield* aio.sleep(0);
  print(w1.cancelled(), r(s));

  print("== test_cancel_race, cancel release cancel");
  const lock = new aio.Lock();
  yield* lock.acquire();
  const loop = aio.getRunningLoop();
  const ws = [0, 1, 2, 3].map((i) => aio.createTask(lock.acquire(), { name: `w${i}` }));
  yield* aio.sleep(0);
  loop.callSoon(() => ws[0].cancel());
  loop.callSoon(() => lock.release());
  loop.callSoon(() => ws[1].cancel());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print(st(ws), r(lock));
  yield* aio.sleep(0);
  print(st(ws), r(lock));
  lock.release();
  yield* aio.sleep(0);
  print(st(ws), r(lock));

  print("== test_put_cancel_drop, several putters");
  q = new aio.Queue(1);
  q.putNowait(0);
  const ps = [1, 2, 3, 4].map((i) => aio.createTask(q.put(i)));
  yield* aio.sleep(0);
  q.getNowait();
  if (q.qsize()) q.getNowait();
  ps[0].cancel();
  ps[1].cancel();
  print(String(q));
  yield* aio.sleep(0);
  print(String(q), st(ps));
  while (!ps.every((t) => t.done())) {
    if (q.qsize()) print(" got", q.getNowait(), String(q));
    yield* aio.sleep(0);
  }
  print(String(q));
});
