import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Condition.waitFor(predicate) against hostile predicates: one that raises on its first call
// (no lock needed, nothing queued), one that raises after a wake-up (the error leaves with the
// lock held and the waiter list clean), one that cancels its own task (the wait ends at once
// with the message, lock taken back), one that releases the lock (RuntimeError from wait), one
// that notifies the other waiters itself, falsy results (0, '', null) keep waiting and the
// truthy value is returned; waitFor under aio.waitFor timing out while main holds the lock
// (TimeoutError only once the lock is back); the loop and the condition keep working after all.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
class ValueError extends Error {
  name = "ValueError";
}
class KeyError extends Error {
  name = "KeyError";
}
const st = (t) => {
  if (!t.done()) return "P";
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

await aio.run(function* () {
  const log = [];
  const cond = new aio.Condition();

  const flush = (tag, ...ts) => {
    print(tag, ...log, "|", r(cond), ts.map(st));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });

  print("-- raises on the first call, lock not held");
  let calls = 0;
  const boom = () => {
    calls++;
    throw new ValueError(`first ${calls}`);
  };
  try {
    yield* cond.waitFor(boom);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ValueError", e.message, cond.locked(), r(cond));
  }
  print("-- true at once without the lock");
  print("result", yield* cond.waitFor(() => "ready"), r(cond));
  print("-- false without the lock");
  try {
    yield* cond.waitFor(() => 0);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(cond));
  }

  print("-- raises after a wake-up");
  const seq = { n: 0 };
  const raiser = aio.coroutine(function* (name) {
    const pred = () => {
      seq.n++;
      log.push(tuple("pred", name, seq.n));
      if (seq.n >= 3) throw new KeyError(name);
      return false;
    };
    return yield* cond.with(function* () {
      try {
        return yield* cond.waitFor(pred);
      } catch (e) {
        if (e instanceof KeyError) log.push(tuple("KeyError", args(e), cond.locked(), r(cond)));
        throw e;
      }
    });
  });
  let t1 = aio.createTask(raiser("x"));
  let t2 = aio.createTask(raiser("y"));
  yield* spin(2);
  flush("both waiting", t1, t2);
  yield* cond.with(function* () {
    cond.notifyAll();
    flush("notify_all", t1, t2);
  });
  yield* spin(3);
  flush("after", t1, t2);
  yield* cond.with(function* () {
    cond.notifyAll();
  });
  yield* spin(3);
  flush("after second notify", t1, t2);

  print("-- cancels its own task inside the predicate");
  const selfcancel = aio.coroutine(function* (name, when) {
    let n = 0;
    const pred = () => {
      n++;
      log.push(tuple("pred", name, n));
      if (n === when) aio.currentTask().cancel(`from pred ${n}`);
      return false;
    };
    yield* cond.with(function* () {
      try {
        yield* cond.waitFor(pred);
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, args(e), cond.locked()));
        throw e;
      }
    });
  });
  t1 = aio.createTask(selfcancel("first", 1));
  t2 = aio.createTask(selfcancel("second", 2));
  yield* spin(2);
  flush("started", t1, t2);
  yield* cond.with(function* () {
    cond.notifyAll();
  });
  yield* spin(3);
  flush("after notify", t1, t2);

  print("-- releases the lock inside the predicate");
  const releaser = aio.coroutine(function* () {
    const pred = () => {
      cond.release();
      log.push(tuple("released in pred", cond.locked()));
      return false;
    };
    yield* cond.acquire();
    try {
      yield* cond.waitFor(pred);
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      log.push(tuple("RuntimeError", e.message, cond.locked()));
      return "re";
    }
  });
  t1 = aio.createTask(releaser());
  yield* spin(2);
  flush("releaser", t1);

  print("-- a predicate that notifies the others, falsy values");
  const vals = { a: [0, "", null, "A!"], b: ["", 7], c: [null, 0, false, "C"] };
  const picky = aio.coroutine(function* (name) {
    const pred = () => {
      const v = vals[name].shift();
      log.push(tuple("pred", name, v));
      if (name === "b" && v === "") {
        cond.notify(1);
        log.push(tuple("b notified", r(cond)));
      }
      return v;
    };
    return yield* cond.with(function* () {
      const res = yield* cond.waitFor(pred);
      log.push(tuple("got", name, res));
      return res;
    });
  });
  const ts = ["a", "b", "c"].map((n) => aio.createTask(picky(n)));
  yield* spin(2);
  flush("all waiting", ...ts);
  for (let i = 0; i < 5; i++) {
    yield* cond.with(function* () {
      cond.notify(1);
      flush(`notify 1 #${i}`, ...ts);
    });
    yield* spin(3);
    flush("after", ...ts);
  }
  yield* cond.with(function* () {
    cond.notifyAll();
  });
  yield* spin(3);
  flush("notify_all", ...ts);

  print("-- under wait_for() timing out while main holds the lock");
  const timed = aio.coroutine(function* (name) {
    return yield* cond.with(function* () {
      try {
        yield* aio.waitFor(cond.waitFor(() => false), 0.05);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        log.push(tuple("timeout", name, cond.locked()));
        return "T";
      }
    });
  });
  t1 = aio.createTask(timed("t"));
  yield* spin(1);
  flush("waiting", t1);
  yield* cond.acquire();
  flush("main holds", t1);
  yield* aio.sleep(0.3);
  flush("deadline passed, main still holds", t1);
  cond.release();
  yield* spin(4);
  flush("released", t1);

  print("-- still works");
  let checks = 0;
  const counted = () => {
    checks++;
    return checks > 1 && "done";
  };
  const last = aio.coroutine(function* () {
    return yield* cond.with(function* () {
      return yield* cond.waitFor(counted);
    });
  });
  t1 = aio.createTask(last());
  yield* spin(2);
  yield* cond.with(function* () {
    cond.notify();
  });
  yield* spin(3);
  flush("end", t1);
});
