import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Lock fairness: waiters acquire in FIFO order; a released lock is not stolen by a newcomer
// while the woken waiter has not run yet; locked() and repr on the way.
const r = (x) => String(x);

await aio.run(function* () {
  const lock = new aio.Lock();
  print("initial", lock.locked(), r(lock));
  print("acquire", yield* lock.acquire(), lock.locked(), r(lock));

  const order = [];
  const worker = aio.coroutine(function* (name, hold) {
    print("want", name);
    const res = yield* lock.acquire();
    print("got", name, res);
    order.push(name);
    for (let i = 0; i < hold; i++) yield* aio.sleep(0);
    print("release", name);
    lock.release();
    return name;
  });

  const tasks = [["a", 1], ["b", 0], ["c", 2]].map(([n, h]) => aio.createTask(worker(n, h)));
  yield* aio.sleep(0);
  print("waiting", r(lock));
  lock.release();
  print("released", lock.locked(), r(lock));
  // A newcomer arriving now must queue behind the woken waiter.
  const late = aio.createTask(worker("late", 0));
  // Acquire attempt from main while the first waiter is woken but has not run.
  const grab = aio.createTask(lock.acquire());
  for (let i = 0; i < 8; i++) {
    yield* aio.sleep(0);
    print("tick", i, lock.locked(), order);
  }
  print("results", yield* aio.gather(...tasks, late));
  print("grab done", grab.done(), grab.done() ? grab.result() : null, r(lock));
  lock.release();
  print("final", r(lock));

  print("-- many waiters keep order");
  const seen = [];
  const quick = aio.coroutine(function* (i) {
    yield* lock.with(function* () {
      seen.push(i);
      yield* aio.sleep(0);
    });
  });
  yield* lock.acquire();
  const ts = [];
  for (let i = 0; i < 10; i++) ts.push(aio.createTask(quick(i)));
  yield* aio.sleep(0);
  lock.release();
  yield* aio.gather(...ts);
  print("seen", seen, r(lock));
});
