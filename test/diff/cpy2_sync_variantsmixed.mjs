import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Mixed twin of cpy2_sync_variants.mjs: the main body is an async function; the coroutines it defines, its with() and taskGroup() bodies generators.
// Variations on CPython test_locks.py / test_queues.py scenarios, as traces:
// test_filling_tasks_cancel_one with the cancellation arriving after the barrier tripped, and
// while a party is blocked by draining; Event test_wait_cancel with set() and cancel() in one
// tick; Condition test_notify with cancelled waiters (skipped by notify(n), each re-acquiring
// the lock before its CancelledError); test_acquire_cancel_before_awoken on a
// BoundedSemaphore (the unit a cancelled waiter was handed comes back, no over-release);
// test_get_cancel_drop_many_pending_readers with one item and a woken getter cancelled.
// (Python's ValueError is a RangeError here, with the same message.)
const r = (x) => String(x);
const nm = (x) => (x instanceof Error ? x.name : x);

await aio.run(async function () {
  print("== test_filling_tasks_cancel_one, cancelled after the trip");
  let b = new aio.Barrier(3);
  const w = aio.coroutine(function* (k) {
    try {
      const i = yield* b.wait();
      print("  ", k, "passed", i, r(b));
      return i;
    } catch (e) {
      print("  ", k, e.name, r(b));
      throw e;
    }
  });
  let ts = [0, 1].map((k) => aio.createTask(w(k)));
  await aio.sleep(0);
  const t3 = aio.createTask(w(2));
  await aio.sleep(0);
  print("tripped", r(b), ts.map((t) => t.done()));
  ts[0].cancel();
  let res = await aio.gather(...ts, t3, { returnExceptions: true });
  print(res.map(nm), r(b));
  ts = [0, 1, 2].map((k) => aio.createTask(w(k)));
  print("again", await aio.gather(...ts), r(b));

  print("== test_filling_tasks_cancel_one, cancelled while blocked by draining");
  b = new aio.Barrier(2);
  ts = [0, 1].map((k) => aio.createTask(w(k)));
  await aio.sleep(0);
  const late = aio.createTask(w(9));
  await aio.sleep(0);
  print("state", r(b), late.done());
  late.cancel();
  res = await aio.gather(...ts, late, { returnExceptions: true });
  print(res.map(nm), r(b));

  print("== test_wait_cancel (Event), set and cancelled in one tick");
  const ev = new aio.Event();
  const t = aio.createTask(ev.wait());
  await aio.sleep(0);
  ev.set();
  t.cancel();
  await aio.gather(t, { returnExceptions: true });
  print(t.cancelled(), r(ev));

  print("== test_notify, cancelled waiters skipped");
  const cond = new aio.Condition();
  const cw = aio.coroutine(function* (k) {
    yield* cond.with(function* () {
      try {
        yield* cond.wait();
        print("  ", k, "woke", r(cond));
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("  ", k, "cancelled, locked:", cond.locked());
        throw e;
      }
    });
  });
  ts = [0, 1, 2, 3].map((k) => aio.createTask(cw(k)));
  await aio.sleep(0);
  ts[0].cancel();
  ts[2].cancel();
  await cond.with(function* () {
    cond.notify(2);
    print("notified", r(cond));
  });
  res = await aio.gather(...ts, { returnExceptions: true });
  print(res.map(nm), r(cond));

  print("== test_acquire_cancel_before_awoken, BoundedSemaphore");
  const s = new aio.BoundedSemaphore(2);
  const overRelease = () => {
    try {
      s.release();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message, r(s));
    }
  };
  await s.acquire();
  await s.acquire();
  ts = [0, 1, 2].map(() => aio.createTask(s.acquire()));
  await aio.sleep(0);
  s.release();
  ts[0].cancel();
  s.release();
  print(r(s));
  overRelease();
  await aio.sleep(0);
  print(r(s), ts.map((t) => (t.done() && t.cancelled() ? t.cancelled() : t.done())));
  overRelease();
  res = await aio.gather(...ts, { returnExceptions: true });
  print(res.map(tname), r(s));
  overRelease();

  print("== test_get_cancel_drop_many_pending_readers, one item");
  const q = new aio.Queue();
  const g = [0, 1, 2].map(() => aio.createTask(q.get()));
  await aio.sleep(0);
  q.putNowait("x");
  g[0].cancel();
  print(String(q));
  await aio.sleep(0);
  print(String(q), g.map((t) => t.done()));
  await aio.sleep(0);
  print(String(q), g.map((t) => (t.done() && !t.cancelled() ? t.result() : t.done())));
  g[2].cancel();
  await aio.gather(...g, { returnExceptions: true });
  print(String(q));
});
