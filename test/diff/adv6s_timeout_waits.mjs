import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// timeout() expiring around the primitives' waits: cond.wait() expiring while it waits for the
// notification (TimeoutError once the lock is back, main holding it past the deadline),
// expiring after the notification while it re-acquires (the reacquire loop swallows the
// cancellation, re-raises a bare CancelledError, and timeout() still turns it into TimeoutError),
// the same with an outer cancel() on top (CancelledError wins, cancelling() counts both);
// cond.waitFor(), lock.acquire(), event.wait() and barrier.wait() expiring (the barrier not
// broken, its slot given back); a deadline rescheduled to null while waiting; expired() and the
// task's cancelling()/uncancel() state afterwards.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);
  const ev = new aio.Event();
  const bar = new aio.Barrier(2);

  const flush = (tag, ...ts) => {
    print(tag, ...log, "|", r(lock), r(cond), ts.map(st));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });

  const guarded = aio.coroutine(function* (name, awFn, delay, hold = true) {
    const t = aio.currentTask();
    let cm = null;
    try {
      yield* aio.timeout(delay, function* (c) {
        cm = c;
        if (hold) yield* lock.acquire();
        try {
          const v = yield* awFn();
          log.push(tuple("ok", name, v));
        } finally {
          if (hold && lock.locked()) lock.release();
        }
      });
      return "done";
    } catch (e) {
      if (e instanceof aio.TimeoutError) {
        log.push(tuple("timeout", name, cm.expired(), t.cancelling(), lock.locked()));
        return "T";
      }
      if (isCancel(e)) log.push(tuple("cancelled", name, args(e), cm.expired(), t.cancelling()));
      throw e;
    }
  });

  print("-- cond.wait() expires while waiting, main holds the lock over the deadline");
  let t = aio.createTask(guarded("w1", () => cond.wait(), 0.05));
  yield* spin(1);
  yield* lock.acquire();
  flush("main holds", t);
  yield* aio.sleep(0.3);
  flush("deadline passed", t);
  lock.release();
  yield* spin(3);
  flush("released", t);

  print("-- cond.wait() notified, deadline passes while it re-acquires");
  t = aio.createTask(guarded("w2", () => cond.wait(), 0.05));
  yield* spin(1);
  yield* lock.acquire();
  cond.notify();
  yield* spin(1);
  flush("notified, queued on the lock", t);
  yield* aio.sleep(0.3);
  flush("deadline passed", t);
  lock.release();
  yield* spin(3);
  flush("released", t);

  print("-- same, with an outer cancel on top");
  t = aio.createTask(guarded("w3", () => cond.wait(), 0.05));
  yield* spin(1);
  yield* lock.acquire();
  cond.notify();
  yield* spin(1);
  yield* aio.sleep(0.3);
  t.cancel("outer");
  flush("deadline passed, outer cancel", t);
  lock.release();
  yield* spin(3);
  flush("released", t);

  print("-- cond.wait_for() expiring");
  t = aio.createTask(guarded("wf", () => cond.waitFor(() => ev.isSet()), 0.05));
  yield* aio.sleep(0.3);
  flush("expired", t);

  print("-- lock.acquire() expiring behind a holder");
  yield* lock.acquire();
  t = aio.createTask(guarded("acq", () => lock.acquire(), 0.05, false));
  yield* aio.sleep(0.3);
  flush("expired", t);
  lock.release();
  flush("released", t);

  print("-- event.wait() expiring, and one rescheduled to None");
  t = aio.createTask(guarded("ev", () => ev.wait(), 0.05, false));
  const rescheduled = aio.coroutine(function* () {
    let cm = null;
    yield* aio.timeout(0.05, function* (c) {
      cm = c;
      yield* aio.sleep(0);
      cm.reschedule(null);
      log.push(tuple("rescheduled", cm.when()));
      const v = yield* ev.wait();
      log.push(tuple("ev ok", v, cm.expired()));
    });
    return "R";
  });
  let t2 = aio.createTask(rescheduled());
  yield* aio.sleep(0.3);
  flush("one expired", t, t2);
  ev.set();
  yield* spin(2);
  flush("set", t, t2);

  print("-- barrier.wait() expiring");
  t = aio.createTask(guarded("bar", () => bar.wait(), 0.05, false));
  yield* spin(2);
  print("waiting", r(bar), bar.nWaiting);
  yield* aio.sleep(0.3);
  flush("expired", t);
  print("after", r(bar), bar.nWaiting, bar.broken);
  const t1 = aio.createTask(bar.wait());
  t2 = aio.createTask(bar.wait());
  yield* spin(3);
  flush("barrier still works", t1, t2);

  print("-- uncancel state after a swallowed timeout");
  const swallow = aio.coroutine(function* () {
    try {
      yield* aio.timeout(0.05, function* () {
        yield* cond.with(function* () {
          yield* cond.wait();
        });
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
    }
    const me = aio.currentTask();
    log.push(tuple("after swallow", me.cancelling()));
    yield* aio.sleep(0);
    return "S";
  });
  t = aio.createTask(swallow());
  yield* aio.sleep(0.3);
  flush("end", t);
});
