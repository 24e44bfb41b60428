import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_pipeline_storm.mjs.

// A pipeline under a cancellation storm: producers put into a bounded queue while holding a
// semaphore unit, consumers take items under a lock and count them with taskDone(), a barrier
// gathers the consumers; at fixed ticks main cancels a producer waiting on put(), a consumer
// waiting on get(), and a finished producer, then aborts the barrier and shuts the rest down.
// The trace records every step, the reprs at each tick and join() completing once every item
// fetched is marked done (a cancelled consumer marks its item done in finally).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const q = new aio.Queue(2);
  const sem = new aio.Semaphore(2);
  const lock = new aio.Lock();
  const bar = new aio.Barrier(3);

  const producer = aio.coroutine(async function (p) {
    try {
      for (let i = 0; i < 3; i++) {
        await sem.with(async function () {
          await q.put([p, i]);
          log.push(tuple("put", p, i));
        });
      }
      return `P${p}`;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("producer cancelled", p));
      throw e;
    }
  });

  const consumer = aio.coroutine(async function (c) {
    let n = 0;
    try {
      while (n < 3) {
        const item = await q.get();
        try {
          await lock.with(async function () {
            log.push(tuple("take", c, item));
            await aio.sleep(0);
          });
          n += 1;
        } finally {
          q.taskDone();
        }
      }
      const i = await bar.wait();
      log.push(tuple("barrier", c, i));
      return `C${c}`;
    } catch (e) {
      if (isCancel(e)) {
        log.push(tuple("consumer cancelled", c, n));
        throw e;
      }
      if (e instanceof aio.BrokenBarrierError) {
        log.push(tuple("broken", c));
        return `B${c}`;
      }
      throw e;
    }
  });

  const flush = (tag) => {
    print(tag, ...log);
    print("   ", String(q), r(sem), r(lock), r(bar));
    log.length = 0;
  };
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));

  const ps = [0, 1, 2, 3].map((p) => aio.createTask(producer(p)));
  const cs = [0, 1, 2].map((c) => aio.createTask(consumer(c)));
  for (let tick = 1; tick < 13; tick++) {
    await aio.sleep(0);
    if (tick === 2) ps[3].cancel();
    if (tick === 3) cs[2].cancel();
    if (tick === 5) ps[0].cancel();
    flush(`tick ${tick}`);
  }
  print("producers", states(ps));
  print("consumers", states(cs));
  await bar.abort();
  for (const t of [...ps, ...cs]) t.cancel();
  const res = await aio.gather(...ps, ...cs, { returnExceptions: true });
  flush("shutdown");
  print("results", res.map((x) => (x instanceof Error ? x.name : x)));
  while (!q.empty()) {
    q.getNowait();
    q.taskDone();
  }
  await q.join();
  print("joined", String(q));
});
