import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_nosuspend.mjs.
// Operations that complete without suspending the task (as in asyncio, where the coroutine
// returns without yielding): a callback scheduled before them runs only when the task next
// really waits. Each probe logs around the operation; a callSoon callback marks where the loop
// got control back.
await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const log = [];

  const probe = aio.coroutine(async function (name, make) {
    loop.callSoon((x) => log.push(x), "cb " + name);
    log.push("before " + name);
    const res = await make();
    log.push(tuple("after", name, res === undefined ? null : res));
    await aio.sleep(0);
    print(...log);
    log.length = 0;
  });

  const lock = new aio.Lock();
  await probe("lock.acquire", () => lock.acquire());
  lock.release();

  const withLock = aio.coroutine(async function () {
    return await lock.with(async function () {
      return lock.locked();
    });
  });
  await probe("async with lock", withLock);

  const sem = new aio.Semaphore(2);
  await probe("sem.acquire", () => sem.acquire());
  const bsem = new aio.BoundedSemaphore(1);
  const withBsem = aio.coroutine(async function () {
    return await bsem.with(async function () {
      return bsem.locked();
    });
  });
  await probe("async with bsem", withBsem);

  const ev = new aio.Event();
  ev.set();
  await probe("event.wait", () => ev.wait());

  const cond = new aio.Condition();
  const condWaitFor = aio.coroutine(async function () {
    return await cond.with(async function () {
      return await cond.waitFor(() => 42);
    });
  });
  await probe("cond.wait_for", condWaitFor);

  const b = new aio.Barrier(1);
  await probe("barrier(1).wait", () => b.wait());
  const withBarrier = aio.coroutine(async function () {
    return await b.with(async function (i) {
      return i;
    });
  });
  await probe("async with barrier(1)", withBarrier);
  await probe("barrier.reset", () => b.reset());
  await probe("barrier.abort", () => b.abort());
  print("broken", b.broken);

  const q = new aio.Queue(1);
  await probe("queue.put", () => q.put("item"));
  await probe("queue.get", () => q.get());
  q.taskDone();
  await probe("queue.join", () => q.join());
  const lq = new aio.LifoQueue();
  lq.putNowait(1);
  lq.putNowait(2);
  await probe("lifo.get", () => lq.get());
  const pq = new aio.PriorityQueue();
  await probe("prio.put", () => pq.put(tuple(1, "x")));
  await probe("prio.get", () => pq.get());
});
