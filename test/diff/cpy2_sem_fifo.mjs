import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// CPython test_locks.py SemaphoreTests, FIFO order, as traces: test_acquire_fifo_order
// (Semaphore and BoundedSemaphore), test_acquire_fifo_order_2, test_acquire_fifo_order_3.
const r = (x) => String(x);

await aio.run(function* () {
  for (const cls of [aio.Semaphore, aio.BoundedSemaphore]) {
    print("== test_acquire_fifo_order", cls.name);
    const sem = new cls(1);
    const result = [];
    const coro = aio.coroutine(function* (tag) {
      yield* sem.acquire();
      result.push(`${tag}_1`);
      print(" ", tag, "first", r(sem));
      yield* aio.sleep(0.01);
      sem.release();
      yield* sem.acquire();
      result.push(`${tag}_2`);
      print(" ", tag, "second", r(sem));
      yield* aio.sleep(0.01);
      sem.release();
    });
    yield* aio.taskGroup(function* (tg) {
      for (const tag of ["c1", "c2", "c3"]) tg.createTask(coro(tag));
    });
    print("result", result, r(sem));
  }

  print("== test_acquire_fifo_order_2");
  let sem = new aio.Semaphore(1);
  let result = [];
  const c1 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(1);
    print("  c1", r(sem));
    return true;
  });
  const c2 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(2);
    print("  c2", r(sem));
    sem.release();
    yield* sem.acquire();
    result.push(4);
    print("  c2 again", r(sem));
    return true;
  });
  const c3 = aio.coroutine(function* () {
    yield* sem.acquire();
    result.push(3);
    print("  c3", r(sem));
    return true;
  });
  let tasks = [c1, c2, c3].map((c) => aio.createTask(c()));
  yield* aio.sleep(0);
  print("tick", result, r(sem));
  sem.release();
  sem.release();
  print("release x2", r(sem));
  print("gather", yield* aio.gather(...tasks), result, r(sem));

  print("== test_acquire_fifo_order_3");
  sem = new aio.Semaphore(0);
  result = [];
  const c = aio.coroutine(function* (i) {
    yield* sem.acquire();
    result.push(i);
    print(`  c${i}`, r(sem));
    return true;
  });
  tasks = [1, 2, 3].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  print("tick", r(sem));
  tasks[0].cancel();
  yield* aio.sleep(0);
  print("t1 cancelled", tasks[0].cancelled(), r(sem));
  sem.release();
  sem.release();
  print("release x2", r(sem));
  const res = yield* aio.gather(...tasks, { returnExceptions: true });
  print("gather", res.map(tname), result, r(sem));
});
