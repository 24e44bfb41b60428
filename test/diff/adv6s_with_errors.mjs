import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// with() on Lock and Condition (`async with`) under hostile bodies: a body that releases the
// lock itself (the exit's release raises RuntimeError, also replacing the body's own error), a
// body that raises with waiters queued (the lock passes to the first), a re-entrant with() of
// the lock inside itself under waitFor (TimeoutError, the outer still releases), a body
// cancelled in a wait() of the condition (the lock is held again when the exit releases it), a
// body whose task is cancelled while waiting to enter (the body never runs), a value returned
// from the body, and the lock still usable after each.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
class ValueError extends Error {
  name = "ValueError";
}
class LookupError extends Error {
  name = "LookupError";
}
const st = (t) => {
  if (!t.done()) return "P";
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? `${e.name}(${e.message})` : t.result();
};

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);

  const flush = (tag, ...ts) => {
    print(tag, ...log, "|", r(lock), r(cond), ts.map(st));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });

  const user = aio.coroutine(function* (name) {
    yield* lock.with(function* () {
      log.push(tuple("in", name));
      yield* aio.sleep(0);
      log.push(tuple("out", name));
    });
    return name;
  });

  print("-- the body releases the lock itself");
  const selfRelease = aio.coroutine(function* (raiseToo) {
    yield* lock.with(function* () {
      lock.release();
      log.push(tuple("released inside", lock.locked()));
      if (raiseToo) throw new ValueError("body");
    });
    return "unreached";
  });
  for (const raiseToo of [false, true]) {
    const t = aio.createTask(selfRelease(raiseToo));
    yield* spin(1);
    flush(`raise_too=${raiseToo ? "True" : "False"}`, t);
  }

  print("-- the body raises with waiters queued");
  const raiser = aio.coroutine(function* () {
    yield* lock.with(function* () {
      log.push(tuple("in", "raiser"));
      yield* aio.sleep(0);
      throw new LookupError("k");
    });
  });
  let ts = [aio.createTask(raiser()), aio.createTask(user("u1")), aio.createTask(user("u2"))];
  yield* spin(1);
  flush("queued", ...ts);
  yield* spin(4);
  flush("after", ...ts);

  print("-- re-entrant async with under wait_for");
  const reenter = aio.coroutine(function* () {
    return yield* lock.with(function* () {
      log.push(tuple("outer", lock.locked()));
      try {
        yield* aio.waitFor(lock.acquire(), 0.05);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        log.push(tuple("inner timed out", r(lock)));
      }
      return "reenter";
    });
  });
  let t = aio.createTask(reenter());
  let u = aio.createTask(user("u3"));
  yield* aio.sleep(0.3);
  flush("timed out", t, u);
  yield* spin(3);
  flush("after", t, u);

  print("-- cancelled inside cond.wait() in the body");
  const cwaiter = aio.coroutine(function* (name) {
    yield* cond.with(function* () {
      try {
        yield* cond.wait();
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled in wait", name, args(e), lock.locked()));
        throw e;
      } finally {
        log.push(tuple("finally", name, lock.locked()));
      }
    });
  });
  ts = [aio.createTask(cwaiter("c1")), aio.createTask(cwaiter("c2"))];
  yield* spin(1);
  yield* lock.acquire();
  flush("main holds", ...ts);
  ts[0].cancel("first");
  cond.notify(1);
  flush("c1 cancelled, notify 1 (c1's waiter is done: c2)", ...ts);
  yield* spin(2);
  flush("spin", ...ts);
  lock.release();
  yield* spin(4);
  flush("released", ...ts);

  print("-- cancelled while waiting to enter");
  const never = aio.coroutine(function* (name) {
    yield* lock.with(function* () {
      log.push(tuple("BODY RAN", name));
    });
    return name;
  });
  yield* lock.acquire();
  ts = [aio.createTask(never("n1")), aio.createTask(never("n2"))];
  yield* spin(1);
  ts[0].cancel();
  lock.release();
  ts[1].cancel("also");
  flush("both cancelled, lock released", ...ts);
  yield* spin(2);
  flush("after", ...ts);

  print("-- a value from the body, then reuse");
  const valued = aio.coroutine(function* () {
    return yield* cond.with(function* () {
      return tuple("v", lock.locked());
    });
  });
  t = aio.createTask(valued());
  yield* spin(1);
  flush("valued", t);
  ts = [0, 1, 2].map((i) => aio.createTask(user(`z${i}`)));
  yield* spin(8);
  flush("reuse", ...ts);
});
