import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// CPython test_locks.py ConditionTests, as traces: test_wait, test_wait_unacquired,
// test_wait_for, test_wait_for_unacquired, test_notify, test_notify_all,
// test_notify_unacquired, test_notify_all_unacquired, test_repr (with real waiters),
// test_context_manager, test_explicit_lock.
const r = (x) => String(x);
const isRt = (e) => e instanceof aio.RuntimeError;

await aio.run(function* () {
  print("== test_wait");
  let cond = new aio.Condition();
  let result = [];
  let c = aio.coroutine(function* (i) {
    yield* cond.acquire();
    const got = yield* cond.wait();
    if (got) result.push(i);
    print(`c${i} woke`, got, cond.locked(), r(cond));
    return true;
  });
  let ts = [1, 2, 3].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  print("waiting", result, cond.locked(), r(cond));
  print("acquire", yield* cond.acquire());
  cond.notify();
  yield* aio.sleep(0);
  print("notify(), tick", result, cond.locked(), r(cond));
  cond.release();
  yield* aio.sleep(0);
  print("release, tick", result, cond.locked(), r(cond));
  cond.notify(2);
  yield* aio.sleep(0);
  print("notify(2), tick", result, cond.locked(), r(cond));
  cond.release();
  yield* aio.sleep(0);
  print("release, tick", result, cond.locked(), r(cond));
  cond.release();
  yield* aio.sleep(0);
  print("release, tick", result, cond.locked(), r(cond));
  print("tasks", ts.map((t) => tuple(t.done(), t.result())));
  cond.release();

  print("== test_wait_unacquired");
  cond = new aio.Condition();
  try {
    yield* cond.wait();
  } catch (e) {
    if (!isRt(e)) throw e;
    print("RuntimeError", e.message, r(cond));
  }

  print("== test_wait_for");
  cond = new aio.Condition();
  let presult = false;
  const calls = [];
  const predicate = () => {
    calls.push(presult);
    return presult;
  };
  result = [];
  const c1 = aio.coroutine(function* () {
    yield* cond.acquire();
    const got = yield* cond.waitFor(predicate);
    if (got) {
      result.push(1);
      cond.release();
    }
    print("c1 done", got);
    return true;
  });
  const t = aio.createTask(c1());
  yield* aio.sleep(0);
  print("waiting", result, calls, r(cond));
  yield* cond.acquire();
  cond.notify();
  cond.release();
  yield* aio.sleep(0);
  print("notified, predicate false", result, calls, r(cond));
  presult = true;
  yield* cond.acquire();
  cond.notify();
  cond.release();
  yield* aio.sleep(0);
  print("notified, predicate true", result, calls, r(cond));
  print("task", t.done(), t.result());

  print("== test_wait_for_unacquired");
  cond = new aio.Condition();
  print("at once", yield* cond.waitFor(() => [1, 2, 3]), r(cond));
  try {
    yield* cond.waitFor(() => false);
  } catch (e) {
    if (!isRt(e)) throw e;
    print("RuntimeError", e.message, r(cond));
  }

  for (const [label, how] of [["test_notify", "n"], ["test_notify_all", "all"]]) {
    print("==", label);
    cond = new aio.Condition();
    result = [];
    c = aio.coroutine(function* (i) {
      yield* cond.acquire();
      if (yield* cond.wait()) {
        result.push(i);
        print(`c${i} woke`, r(cond));
        cond.release();
      }
      return true;
    });
    ts = (how === "n" ? [1, 2, 3] : [1, 2]).map((i) => aio.createTask(c(i)));
    yield* aio.sleep(0);
    print("waiting", result, r(cond));
    yield* cond.acquire();
    if (how === "n") {
      cond.notify(1);
      print("notify(1)", r(cond));
      cond.release();
      yield* aio.sleep(0);
      print("tick", result, r(cond));
      yield* cond.acquire();
      cond.notify(1);
      cond.notify(2048);
      print("notify(1) notify(2048)", r(cond));
    } else {
      cond.notifyAll();
      print("notify_all()", r(cond));
    }
    cond.release();
    yield* aio.sleep(0);
    print("tick", result, r(cond));
    print("tasks", ts.map((t) => tuple(t.done(), t.result())));
  }

  print("== test_notify_unacquired");
  cond = new aio.Condition();
  try {
    cond.notify();
  } catch (e) {
    if (!isRt(e)) throw e;
    print("RuntimeError", e.message);
  }

  print("== test_notify_all_unacquired");
  try {
    cond.notifyAll();
  } catch (e) {
    if (!isRt(e)) throw e;
    print("RuntimeError", e.message);
  }

  print("== test_repr");
  cond = new aio.Condition();
  print(r(cond));
  yield* cond.acquire();
  print(r(cond));
  cond.release();
  const waiter = aio.coroutine(function* () {
    return yield* cond.with(function* () {
      return yield* cond.wait();
    });
  });
  const ws = [];
  for (let i = 0; i < 2; i++) {
    ws.push(aio.createTask(waiter()));
    yield* aio.sleep(0);
    print(`waiter ${i + 1}`, r(cond));
  }
  yield* cond.acquire();
  print("acquired", r(cond));
  cond.notifyAll();
  print("notified", r(cond));
  cond.release();
  print("results", yield* aio.gather(...ws), r(cond));

  print("== test_context_manager");
  cond = new aio.Condition();
  print("before", cond.locked());
  yield* cond.with(function* () {
    print("inside", cond.locked(), r(cond));
  });
  print("after", cond.locked());

  print("== test_explicit_lock");
  const f = aio.coroutine(function* (lock = null, cnd = null) {
    if (lock === null) lock = new aio.Lock();
    if (cnd === null) cnd = new aio.Condition(lock);
    const row = [lock.locked(), cnd.locked()];
    yield* cnd.with(function* () {
      row.push(lock.locked(), cnd.locked());
    });
    row.push(lock.locked(), cnd.locked());
    yield* lock.with(function* () {
      row.push(lock.locked(), cnd.locked());
    });
    row.push(lock.locked(), cnd.locked());
    print(" ", row);
  });
  yield* f();
  yield* f(new aio.Lock());
  const lock = new aio.Lock();
  yield* f(lock, new aio.Condition(lock));
});
