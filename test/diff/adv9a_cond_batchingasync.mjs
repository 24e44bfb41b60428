import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv9a_cond_batching.mjs.

// Condition-based batching: producers append to a buffer under the condition and notify; a
// batcher waits (waitFor with a predicate) until three items are buffered or the stream is
// closed and flushes them as a batch; a second batcher flushes a partial batch when a latency
// budget expires (aio.waitFor around cond.waitFor inside cond.with: the inner task re-acquires
// the lock before the timeout is reported). notify(0), notify(-1), notify(2.5) and notifyAll()
// wake 0, 0, 3 and all waiters; a predicate that throws; wait() and notify() without the lock; a
// waiter cancelled after notify() woke it (the wake-up is not passed on, as asyncio 3.11's
// Condition does not); the trace shows every append, wake-up, batch and the lock's state.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const flush = (tag) => {
    print(tag, "|", log.join("; "));
    log.length = 0;
  };

  {
    print("-- size-triggered batches");
    const cond = new aio.Condition();
    const buf = [];
    let closed = false;
    const batches = [];
    const producer = aio.coroutine(async function (p, items) {
      for (const x of items) {
        await cond.with(async function () {
          buf.push(x);
          log.push(`p${p} appends ${repr(x)} (buf ${buf.length})`);
          cond.notify();
        });
        await aio.sleep(0);
      }
      log.push(`p${p} done`);
    });
    const batcher = aio.coroutine(async function () {
      while (true) {
        const end = await cond.with(async function () {
          await cond.waitFor(() => buf.length >= 3 || closed);
          if (!buf.length && closed) {
            log.push("batcher sees close");
            return true;
          }
          const batch = buf.splice(0, 3);
          batches.push(batch);
          log.push(`batch ${repr(batch)} (left ${buf.length})`);
          return false;
        });
        if (end) return batches.length;
      }
    });
    const b = aio.createTask(batcher());
    const ps = [0, 1, 2].map((p) => aio.createTask(producer(p, [0, 1, 2, 3].map((i) => `${"abc"[p]}${i}`))));
    let tick = 0;
    while (!ps.every((p) => p.done())) {
      await aio.sleep(0);
      tick += 1;
      flush(`tick ${tick}`);
    }
    await cond.with(async function () {
      closed = true;
      cond.notifyAll();
      log.push(`main closes, lock ${repr(cond.locked())}`);
    });
    print("batcher ->", await b);
    flush("closed");
    print("batches", batches);
  }

  {
    print("-- latency-bounded batches");
    const cond = new aio.Condition();
    const buf = [];
    const timedBatcher = aio.coroutine(async function () {
      const out = [];
      for (let rnd = 0; rnd < 3; rnd++) {
        await cond.with(async function () {
          let why;
          try {
            await aio.waitFor(cond.waitFor(() => buf.length >= 3), 0.3);
            why = "full";
          } catch (e) {
            if (!(e instanceof aio.TimeoutError)) throw e;
            why = "timeout";
          }
          log.push(`round ${rnd} ${why}, lock ${repr(cond.locked())}, buf ${repr(buf)}`);
          out.push(tuple(why, buf.slice(0, 3)));
          buf.splice(0, 3);
        });
      }
      return out;
    });
    const tb = aio.createTask(timedBatcher());
    await aio.sleep(0);
    for (const x of "xyz") {
      await cond.with(async function () {
        buf.push(x);
        cond.notify();
      });
    }
    await aio.sleep(0.05);
    flush("after three");
    await cond.with(async function () {
      buf.push("w");
      cond.notify();
    });
    await aio.sleep(0.1);
    flush("0.15 s later");
    print("timed batcher ->", await tb);
    flush("end");
  }

  {
    print("-- notify counts");
    const cond = new aio.Condition();
    const woken = [];
    const waiter = aio.coroutine(async function (i) {
      return await cond.with(async function () {
        try {
          await cond.wait();
          woken.push(i);
          return i;
        } catch (e) {
          if (isCancel(e)) log.push(`waiter ${i} cancelled, lock held by it: ${repr(cond.locked())}`);
          throw e;
        }
      });
    });
    const ws = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => aio.createTask(waiter(i)));
    await aio.sleep(0);
    for (const n of [0, -1, 2.5]) {
      await cond.with(async function () { cond.notify(n); });
      await aio.sleep(0);
      await aio.sleep(0);
      print(`notify(${repr(n)}) woke`, woken, r(cond));
      woken.length = 0;
    }
    await cond.with(async function () { cond.notify(1); });
    ws[3].cancel("late");
    ws[4].cancel("queued");
    await aio.sleep(0);
    await aio.sleep(0);
    flush(`notify(1) + cancel the woken one and a queued one: woke ${repr(woken)}`);
    woken.length = 0;
    await cond.with(async function () { cond.notifyAll(); });
    const res = await aio.gather(...ws, { returnExceptions: true });
    print("notify_all woke", woken, "results", res.map((x) => (x instanceof Error ? x.name : x)), r(cond));

    print("-- misuse");
    try {
      cond.notify();
    } catch (e) {
      print("notify without lock:", e.name, str(e));
    }
    try {
      await cond.wait();
    } catch (e) {
      print("wait without lock:", e.name, str(e));
    }
    const badPred = () => { throw new ValueError("predicate broke"); };
    try {
      await cond.with(async function () { await cond.waitFor(badPred); });
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("predicate raised", repr(e), "lock", cond.locked());
    }
    const calls = [];
    const counting = () => {
      calls.push(calls.length);
      return calls.length >= 3;
    };
    const nudger = aio.coroutine(async function () {
      for (let i = 0; i < 4; i++) {
        await cond.with(async function () { cond.notify(); });
        await aio.sleep(0);
      }
    });
    const nt = aio.createTask(nudger());
    await cond.with(async function () {
      print("wait_for returns", await cond.waitFor(counting), "after", calls.length, "predicate calls");
    });
    await nt;
    print("alive", await aio.sleep(0, "yes"), r(cond));
  }
});
