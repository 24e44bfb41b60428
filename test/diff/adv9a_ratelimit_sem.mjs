import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Rate limiting with semaphores: (1) a concurrency limiter (Semaphore(2)) in front of eight
// requests that each take a few sleep(0) ticks; the trace shows entries, exits, the peak
// concurrency and the order the waiters got in (FIFO), with one waiter cancelled while queued,
// one cancelled inside, and one cancelled right after a release woke it (its unit passes to
// the next in line); (2) a token bucket: Semaphore(0) refilled by a timer every 200 ms, one
// token per refill, five clients waiting in line, one of them with a waitFor timeout that
// expires before its turn; (3) misuse: BoundedSemaphore released too often, Semaphore(-1), and
// the loop keeps working (Python's ValueError is aionode's RangeError).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const kinds = (res) => res.map((x) => (x instanceof Error ? x.name : x));

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("-- concurrency limiter");
  const sem = new aio.Semaphore(2);
  const active = [];
  let peak = 0;
  const order = [];

  const request = aio.coroutine(function* (i, ticks) {
    try {
      yield* sem.with(function* () {
        order.push(i);
        active.push(i);
        peak = Math.max(peak, active.length);
        print("  enter", i, "active", active, r(sem));
        try {
          for (let k = 0; k < ticks; k++) yield* aio.sleep(0);
        } finally {
          active.splice(active.indexOf(i), 1);
        }
        print("  leave", i, r(sem));
      });
      return i * 10;
    } catch (e) {
      if (isCancel(e)) print("  request", i, "cancelled", repr(str(e)), "active", active, r(sem));
      throw e;
    }
  });

  {
    const ts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => aio.createTask(request(i, 1 + (i % 3))));
    yield* aio.sleep(0);
    print("after first tick", r(sem), "locked", sem.locked());
    print("cancel queued 4 ->", ts[4].cancel("queued"));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print("tick 3", r(sem), "done", ts.map((t) => t.done()));
    print("cancel 2 inside ->", ts[2].cancel("inside"), "3 done", ts[3].done());
    const res = yield* aio.gather(...ts, { returnExceptions: true });
    print("results", kinds(res));
    print("entry order", order, "peak", peak, r(sem));
  }

  {
    print("-- a waiter cancelled right after a release woke it");
    yield* sem.acquire();
    yield* sem.acquire();
    const w = [8, 9, 10].map((i) => aio.createTask(request(i, 1), { name: `r${i}` }));
    yield* aio.sleep(0);
    print("  queued", r(sem));
    sem.release();
    print("  released", r(sem), "cancel 8 ->", w[0].cancel("woken"));
    yield* aio.sleep(0);
    print("  next tick", r(sem), w.map((t) => t.done()));
    sem.release();
    const res = yield* aio.gather(...w, { returnExceptions: true });
    print("  results", kinds(res), r(sem));
  }

  {
    print("-- token bucket");
    const bucket = new aio.Semaphore(0);
    const served = [];
    let refills = 0;
    let handle = null;
    const refill = () => {
      refills += 1;
      bucket.release();
      print("  refill", refills, r(bucket));
      if (refills < 6) handle = loop.callLater(0.2, refill);
    };
    const client = aio.coroutine(function* (name, timeout = null) {
      try {
        if (timeout === null) yield* bucket.acquire();
        else yield* aio.waitFor(bucket.acquire(), timeout);
        served.push(name);
        print("  served", name, "after refill", refills);
        return name;
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        print("  client", name, "gave up after refill", refills, r(bucket));
        return null;
      }
    });
    handle = loop.callLater(0.2, refill);
    const cs = [0, 1, 2, 3, 4].map((i) => aio.createTask(client(`c${i}`, i === 3 ? 0.5 : null)));
    const out = yield* aio.gather(...cs);
    print("clients", out, "served", served);
    yield* aio.sleep(0.3);
    print("bucket after the last refill", r(bucket), "locked", bucket.locked(), "refills", refills);
    handle.cancel();
    print("cancelled the refill timer; locked", bucket.locked());
  }

  {
    print("-- misuse");
    const b = new aio.BoundedSemaphore(1);
    yield* b.acquire();
    b.release();
    try {
      b.release();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("  over-release:", "ValueError", str(e), r(b));
    }
    try {
      new aio.Semaphore(-1);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("  negative:", "ValueError", str(e));
    }
    const s0 = new aio.Semaphore(0);
    try {
      yield* aio.waitFor(s0.acquire(), 0);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  acquire under wait_for(0) timed out", r(s0));
    }
    s0.release();
    s0.release();
    print("  released twice", r(s0), yield* s0.acquire(), yield* s0.acquire(), r(s0));
    print("  alive", yield* aio.sleep(0, "yes"));
  }
});
