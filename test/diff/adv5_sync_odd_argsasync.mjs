import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_odd_args.mjs.

// Odd but legal argument values: Condition.notify() with fractional, infinite, negative and
// default n among waiters (some cancelled), Semaphore(0) and BoundedSemaphore(0) (its first
// release is a ValueError: RangeError here), a semaphore released in a burst beyond its initial
// value, queues carrying null and falsy items (LIFO and FIFO, get() while waiters are listed),
// and the reprs.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const c = new aio.Condition();

  const w = aio.coroutine(async function (name) {
    await c.with(async function () {
      try {
        await c.wait();
        log.push(tuple("woke", name));
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name));
        throw e;
      }
    });
  });
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- notify(n) with odd n");
  for (const n of [1.5, Infinity, -0.5, 0.2, 2.0000001, undefined]) {
    const ts = range(0, 4).map((i) => aio.createTask(w(i)));
    await spin(1);
    ts[0].cancel();
    await c.with(async function () {
      if (n === undefined) c.notify();
      else c.notify(n);
      print("notify", n, r(c));
    });
    await spin(3);
    print(" ", ...log, "|", r(c), ts.filter((t) => t.done()).length);
    log.length = 0;
    await c.with(async function () {
      c.notifyAll();
    });
    await aio.gather(...ts, { returnExceptions: true });
    log.length = 0;
  }

  print("-- semaphores with value 0");
  const s = new aio.Semaphore(0);
  print(r(s), s.locked());
  for (let i = 0; i < 3; i++) s.release();
  print("burst", r(s), s.locked());
  for (let i = 0; i < 3; i++) await s.acquire();
  print("drained", r(s), s.locked());
  const b = new aio.BoundedSemaphore(0);
  print(r(b), b.locked());
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(b));
  }
  const t = aio.createTask(b.acquire());
  await spin(1);
  print("waiting", r(b));
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message, r(b));
  }
  t.cancel();
  await aio.gather(t, { returnExceptions: true });
  print("after cancel", r(b), t.cancelled());

  print("-- falsy items");
  for (const cls of [aio.Queue, aio.LifoQueue]) {
    const q = new cls();
    const got = [];
    const g = aio.coroutine(async function () {
      got.push(await q.get());
    });
    const ts = range(0, 2).map(() => aio.createTask(g()));
    await spin(1);
    for (const item of [null, 0, "", [], false]) q.putNowait(item);
    print(cls.name, String(q));
    await spin(2);
    print(" got", got, String(q));
    const rest = [];
    while (!q.empty()) rest.push(q.getNowait());
    print(" rest", rest, q.empty(), q.qsize());
  }
});
