import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { ValueError } from "./comp_util.mjs";

// Mixed twin of cpy2_sync_taskgroup.mjs: the coroutines defined in the main body and every with() body are async functions, the rest generators.
// CPython test_queues.py test_why_are_getters_waiting / test_why_are_putters_waiting and
// test_locks.py test_timeout_in_block / test_context_manager scenarios inside TaskGroups and
// timeouts, as traces: a consumer that fails while the producer waits in put() (the producer is
// cancelled, the queue keeps what was put); a Barrier party that fails while the others wait (each
// cancelled party leaves the barrier filling, n_waiting back to 0); a timeout() rescheduled by
// a callback while in cond.wait() (TimeoutError with the lock held again); `async with lock`
// around the creation of tasks that use the lock (FIFO entry after the holder).
const r = (x) => String(x);
class KeyError extends Error {
  constructor(m) {
    super(m);
    this.name = "KeyError";
  }
}

await aio.run(function* () {
  print("== test_why_are_getters_waiting, the consumer fails");
  const q = new aio.Queue(1);
  let log = [];
  const producer = aio.coroutine(async function () {
    try {
      for (let i = 0; i < 10; i++) {
        await q.put(i);
        log.push(["put", i, String(q)]);
      }
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(["producer cancelled", String(q)]);
      throw e;
    }
  });
  const consumer = aio.coroutine(async function () {
    for (let k = 0; k < 3; k++) log.push(["get", await q.get(), String(q)]);
    throw new ValueError("consumer broke");
  });
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(producer());
      tg.createTask(consumer());
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    log.push(["group", eg.errors.map((e) => e.message), String(q)]);
  }
  for (const x of log) print(" ", ...x);

  print("== test_filling_tasks_cancel_one, a party fails in a TaskGroup");
  const b = new aio.Barrier(4);
  log = [];
  const party = aio.coroutine(async function (k) {
    try {
      if (k === 2) {
        await aio.sleep(0);
        throw new KeyError(String(k));
      }
      const i = await b.wait();
      log.push([k, "passed", i]);
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(tuple(k, "cancelled"));
      throw e;
    }
  });
  try {
    yield* aio.taskGroup(function* (tg) {
      for (let k = 0; k < 4; k++) tg.createTask(party(k));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("group", eg.errors.length, r(b));
  }
  // TaskGroup cancels the others in the iteration order of a set (by address): sorted here
  print(log.sort((x, y) => x[0] - y[0]));
  print(r(b), b.nWaiting);

  print("== test_timeout_in_block, a rescheduled timeout()");
  const cond = new aio.Condition();
  const loop = aio.getRunningLoop();
  let cm;
  yield* cond.with(async function () {
    const t0 = loop.time();
    try {
      await aio.timeout(10, async function (c) {
        cm = c;
        loop.callSoon(() => c.reschedule(loop.time() + 0.1));
        await cond.wait();
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      const el = loop.time() - t0;
      print("TimeoutError", 0.09 < el && el < 1, cond.locked(), r(cond), cm.expired());
    }
  });
  print(r(cond));

  print("== test_context_manager (Lock), held around a TaskGroup");
  const lock = new aio.Lock();
  const order = [];
  const user = aio.coroutine(async function (k) {
    await lock.with(async function () {
      order.push(k);
      await aio.sleep(0);
    });
  });
  yield* aio.taskGroup(function* (tg) {
    yield* lock.with(async function () {
      for (let k = 0; k < 3; k++) tg.createTask(user(k));
      await aio.sleep(0);
      print("holding", r(lock));
    });
    print("released", r(lock));
  });
  print(order, r(lock));
});
