import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Operations that complete without suspending the task (as in asyncio, where the coroutine
// returns without yielding): a callback scheduled before them runs only when the task next
// really waits. Each probe logs around the operation; a callSoon callback marks where the loop
// got control back.
await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const log = [];

  const probe = aio.coroutine(function* (name, make) {
    loop.callSoon((x) => log.push(x), "cb " + name);
    log.push("before " + name);
    const res = yield* make();
    log.push(tuple("after", name, res === undefined ? null : res));
    yield* aio.sleep(0);
    print(...log);
    log.length = 0;
  });

  const lock = new aio.Lock();
  yield* probe("lock.acquire", () => lock.acquire());
  lock.release();

  const withLock = aio.coroutine(function* () {
    return yield* lock.with(function* () {
      return lock.locked();
    });
  });
  yield* probe("async with lock", withLock);

  const sem = new aio.Semaphore(2);
  yield* probe("sem.acquire", () => sem.acquire());
  const bsem = new aio.BoundedSemaphore(1);
  const withBsem = aio.coroutine(function* () {
    return yield* bsem.with(function* () {
      return bsem.locked();
    });
  });
  yield* probe("async with bsem", withBsem);

  const ev = new aio.Event();
  ev.set();
  yield* probe("event.wait", () => ev.wait());

  const cond = new aio.Condition();
  const condWaitFor = aio.coroutine(function* () {
    return yield* cond.with(function* () {
      return yield* cond.waitFor(() => 42);
    });
  });
  yield* probe("cond.wait_for", condWaitFor);

  const b = new aio.Barrier(1);
  yield* probe("barrier(1).wait", () => b.wait());
  const withBarrier = aio.coroutine(function* () {
    return yield* b.with(function* (i) {
      return i;
    });
  });
  yield* probe("async with barrier(1)", withBarrier);
  yield* probe("barrier.reset", () => b.reset());
  yield* probe("barrier.abort", () => b.abort());
  print("broken", b.broken);

  const q = new aio.Queue(1);
  yield* probe("queue.put", () => q.put("item"));
  yield* probe("queue.get", () => q.get());
  q.taskDone();
  yield* probe("queue.join", () => q.join());
  const lq = new aio.LifoQueue();
  lq.putNowait(1);
  lq.putNowait(2);
  yield* probe("lifo.get", () => lq.get());
  const pq = new aio.PriorityQueue();
  yield* probe("prio.put", () => pq.put(tuple(1, "x")));
  yield* probe("prio.get", () => pq.get());
});
