import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError } from "./comp_util.mjs";

// CPython test_locks.py LockTests, as traces: test_repr, test_acquire, test_acquire_cancel,
// test_finished_waiter_cancelled, test_release_not_acquired, test_release_no_waiters,
// test_context_manager. (test_cancel_race and test_cancel_release_race: lock_cancel.mjs.)
const r = (x) => String(x);

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("== test_repr");
  let lock = new aio.Lock();
  print(r(lock));
  print("acquire", yield* lock.acquire(), r(lock));
  const w = aio.createTask(lock.acquire());
  yield* aio.sleep(0);
  print("one waiter", r(lock));
  lock.release();
  print("released", r(lock));
  yield* w;
  print("waiter got it", r(lock));
  lock.release();
  print("end", r(lock));

  print("== test_acquire");
  lock = new aio.Lock();
  const result = [];
  print("first acquire", yield* lock.acquire());
  const c = aio.coroutine(function* (i) {
    const got = yield* lock.acquire();
    result.push(i);
    print(`c${i} acquired`, got, r(lock));
    return got;
  });
  const t1 = aio.createTask(c(1));
  const t2 = aio.createTask(c(2));
  yield* aio.sleep(0);
  print("waiting", result, r(lock));
  lock.release();
  print("released", r(lock));
  yield* aio.sleep(0);
  print("after 1 tick", result, r(lock));
  yield* aio.sleep(0);
  print("after 2 ticks", result, r(lock));
  const t3 = aio.createTask(c(3));
  lock.release();
  yield* aio.sleep(0);
  print("t3 made, released", result, r(lock));
  lock.release();
  yield* aio.sleep(0);
  print("released again", result, r(lock));
  print("tasks", [t1, t2, t3].map((t) => tuple(t.done(), t.result())));
  lock.release();

  print("== test_acquire_cancel");
  lock = new aio.Lock();
  print("acquire", yield* lock.acquire());
  const task = aio.createTask(lock.acquire());
  loop.callSoon(() => task.cancel());
  try {
    yield* task;
    print("not cancelled?");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("CancelledError", repr(e), task.cancelled(), r(lock));
  }
  lock.release();
  print("released", r(lock));

  print("== test_finished_waiter_cancelled");
  lock = new aio.Lock();
  yield* lock.acquire();
  print("locked", lock.locked());
  const tb = aio.createTask(lock.acquire(), { name: "tb" });
  yield* aio.sleep(0);
  print("tb waits", r(lock));
  const tc = aio.createTask(lock.acquire(), { name: "tc" });
  tb.cancel();
  lock.release();
  print("cancel tb, release", r(lock), tb.done(), tc.done());
  yield* aio.sleep(0);
  print("after tick", lock.locked(), tb.cancelled(), tc.done(), r(lock));
  print("tc", yield* tc, r(lock));
  lock.release();

  print("== test_release_not_acquired");
  lock = new aio.Lock();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(lock));
  }

  print("== test_release_no_waiters");
  lock = new aio.Lock();
  yield* lock.acquire();
  print("locked", lock.locked());
  lock.release();
  print("after release", lock.locked(), r(lock));

  print("== test_context_manager");
  lock = new aio.Lock();
  print("before", lock.locked());
  yield* lock.with(function* () {
    print("inside", lock.locked(), r(lock));
  });
  print("after", lock.locked());
  try {
    yield* lock.with(function* () {
      print("inside again", lock.locked());
      throw new ValueError("boom");
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ValueError", e.message, lock.locked());
  }
});
