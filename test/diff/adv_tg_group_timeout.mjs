import * as aio from "aionode";
import { print, repr, str, pyStr } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class LookupError extends Error { constructor(m) { super(m ?? ""); this.name = "LookupError"; } }
class KeyError extends Error { constructor(m) { super(pyStr(m)); this.name = "KeyError"; } } // str(KeyError('x')) is "'x'"
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const sleeper = aio.coroutine(function* (name, OnCancel = null, cleanup = 0) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    // Printed after the cleanup: siblings cancelled by one abort are cancelled in the order
    // of a set (of tasks, by address), so their cleanups differ in length.
    yield* ticks(cleanup);
    print("  ", name, "cancelled", repr(str(e)));
    if (OnCancel !== null) throw new OnCancel(name + "-cleanup");
    throw e;
  }
  return name;
});

const failAfter = aio.coroutine(function* (name, n, Exc = ValueError) {
  yield* ticks(n);
  if (Exc === null) {
    print("  ", name, "finishes");
    return name;
  }
  print("  ", name, "raises");
  throw new Exc(name);
});

const late = aio.coroutine(function* (name, ev) {
  yield* ev.wait();
  yield* ticks(2);
  print("  ", name, "finishes late");
  return name;
});

function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(str(e))})`;
}

const scenario = aio.coroutine(function* (label, body, cancelAfter = null) {
  print("--", label);
  const runner = aio.coroutine(function* () {
    const me = aio.currentTask();
    try {
      const r = yield* body();
      print("  result", repr(r));
    } catch (e) {
      if (isCancel(e)) {
        print("  CancelledError", repr(str(e)), "cancelling", me.cancelling());
        throw e;
      }
      print("  raised", fmt(e));
    }
    print("  cancelling", me.cancelling());
    yield* ticks(1);
    return "runner done";
  });
  const t = aio.createTask(runner());
  if (cancelAfter !== null) {
    yield* ticks(cancelAfter);
    t.cancel("outside");
  }
  try {
    print("  task ->", yield* t);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  task cancelled", repr(str(e)));
  }
});

await aio.run(function* () {
  const cms = {};

  const t1 = aio.coroutine(function* () {
    yield* aio.timeout(0.01, function* (cm) {
      cms.t1 = cm;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(sleeper("c1", KeyError));
        tg.createTask(sleeper("c2", null, 1));
        yield* aio.sleep(10);
      });
    });
  });
  yield* scenario("timeout expires in a group body, a child's cleanup fails: the group error passes the timeout", t1);
  print("  expired", cms.t1.expired(), repr(cms.t1));

  const t2 = aio.coroutine(function* () {
    yield* aio.timeout(0.01, function* (cm) {
      cms.t2 = cm;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(sleeper("c1", null, 2));
        tg.createTask(sleeper("c2", null, 1));
      });
    });
  });
  yield* scenario("timeout expires while the group waits on exit: TimeoutError", t2);
  print("  expired", cms.t2.expired(), repr(cms.t2));

  const childWithTimeout = aio.coroutine(function* (name) {
    yield* aio.timeout(0.01, function* () {
      yield* aio.sleep(10);
    });
  });
  const t3 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(childWithTimeout("k1"));
      tg.createTask(sleeper("k2"));
    });
  });
  yield* scenario("a child's own timeout expires: TimeoutError inside the group", t3);

  const t4 = aio.coroutine(function* () {
    yield* aio.timeout(0, function* (cm) {
      cms.t4 = cm;
      try {
        yield* ticks(3);
      } catch (e) {
        if (!isCancel(e)) throw e;
        throw new LookupError("body converted");
      }
    });
  });
  yield* scenario("timeout body converts the cancellation into another error", t4);
  print("  expired", cms.t4.expired(), repr(cms.t4));

  const t5 = aio.coroutine(function* () {
    const me = aio.currentTask();
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(sleeper("c1"));
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body got", repr(str(e)), "cancelling", me.cancelling());
        throw new ValueError("body replaces the external cancel");
      }
    });
  });
  yield* scenario("external cancel, the body raises another error", t5, 1);

  const t6 = aio.coroutine(function* () {
    const me = aio.currentTask();
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(failAfter("f1", 1));
      tg.createTask(sleeper("c2"));
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body uncancels ->", me.uncancel(), "then again ->", me.uncancel());
        throw e;
      }
    });
  });
  yield* scenario("the body uncancels the group's own cancel before the group does", t6);

  const t7 = aio.coroutine(function* () {
    const me = aio.currentTask();
    yield* aio.taskGroup(function* (tg) {
      me.cancel("self");
      print("  self-cancel requested, cancelling", me.cancelling());
    });
    print("  group exited without suspending");
    yield* ticks(1);
    print("  not reached");
  });
  yield* scenario("self-cancel inside an empty group body: delivered at the next await", t7);

  const t8 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      let cm = null;
      try {
        yield* aio.timeout(0.01, function* (c) {
          cm = c;
          cms.t8 = c;
          tg.createTask(sleeper("c1", null, 1));
          yield* aio.sleep(10);
        });
      } catch (e) {
        if (!isTimeout(e)) throw e;
        print("  body caught its TimeoutError, expired", cm.expired(), repr(tg));
      }
      tg.createTask(failAfter("f2", 1, KeyError));
      yield* ticks(3);
    });
  });
  yield* scenario("timeout inside a group body expires; later a child fails", t8);

  const t9 = aio.coroutine(function* () {
    yield* aio.timeout(5, function* (outer) {
      cms.t9 = outer;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(failAfter("f3", 0));
        yield* aio.timeout(5, function* () {
          yield* aio.sleep(10);
        });
      });
    });
  });
  yield* scenario("a child fails before either timeout: the group error, timeouts untouched", t9);
  print("  outer expired", cms.t9.expired(), repr(cms.t9));

  const t10 = aio.coroutine(function* () {
    yield* aio.timeout(0.01, function* (cm) {
      cms.t10 = cm;
      let c;
      yield* aio.taskGroup(function* (tg) {
        const ev = new aio.Event();
        c = tg.createTask(late("c1", ev));
        try {
          yield* aio.sleep(10);
        } catch (e) {
          if (!isCancel(e)) throw e;
          print("  body swallows the timeout's cancel");
        }
        ev.set();
        yield* ticks(1);
        print("  body done, c1 done", c.done());
      });
      print("  after the group: c1", c.result(), "expired", cm.expired());
    });
    return "t10 done";
  });
  yield* scenario("the group body swallows the timeout's cancel: the group waits for its child", t10);

  const t11 = aio.coroutine(function* () {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(sleeper("c1"));
      yield* aio.waitFor(sleeper("w", null, 1), 0.01);
    });
  });
  yield* scenario("wait_for timing out inside a group body: TimeoutError is the body's error", t11);
});
