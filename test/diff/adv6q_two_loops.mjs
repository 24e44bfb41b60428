import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Queues and semaphores used from two event loops (two asyncio.run calls): a queue binds to
// the loop its first waiter waits on, join() binds its own Event, a semaphore binds when an
// acquire() waits; from the second loop every operation that does not wait still works (put_nowait,
// get() of a queued item, put() with room, acquire() of a free unit, release, task_done), and
// the ones that must wait raise RuntimeError naming the primitive (the queue, the Event, the
// semaphore) without lining up a waiter; primitives never waited on work in both loops; the
// second loop goes on after each error. (Addresses are cut from Python's reprs.)
const r = (x) => String(x);

const q = new aio.Queue(2);
const lq = new aio.LifoQueue();
const sem = new aio.Semaphore(1);
const bs = new aio.BoundedSemaphore(2);

const spin = aio.coroutine(function* (k) {
  for (let i = 0; i < k; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  print("-- first loop");
  q.putNowait("x");
  const j = aio.createTask(q.join());
  yield* spin(1);
  print("  joiner waits", j.done(), String(q));
  print("  got", q.getNowait());
  q.taskDone();
  const g = aio.createTask(q.get());
  yield* sem.acquire();
  const a = aio.createTask(sem.acquire());
  yield* spin(1);
  print("  joined", j.done(), String(q), r(sem));
  q.putNowait("y");
  sem.release();
  yield* spin(1);
  print("  getter", g.result(), "acquirer", a.result(), String(q), r(sem));
  lq.putNowait(1);
  yield* bs.acquire();
  print("  unbound ones", String(lq), r(bs));
  sem.release();
  print("  released", r(sem));
});

await aio.run(function* () {
  print("-- second loop");
  const attempt = aio.coroutine(function* (label, make) {
    try {
      const v = yield* make();
      print("  ", label, "->", repr(v));
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print("  ", label, "-> RuntimeError", e.message);
    }
  });
  yield* attempt("get, queue empty", () => q.get());
  print("   ", String(q));
  q.putNowait("z");
  yield* attempt("get, item queued", () => q.get());
  yield* attempt("put, room", () => q.put("p1"));
  yield* attempt("put, room", () => q.put("p2"));
  yield* attempt("put, full", () => q.put("p3"));
  print("   ", String(q));
  yield* attempt("join, unfinished", () => q.join());
  for (let n = q.qsize(); n > 0; n--) q.getNowait();
  while (true) {
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      break;
    }
  }
  yield* attempt("join, finished", () => q.join());
  print("   ", String(q));
  yield* attempt("acquire, free", () => sem.acquire());
  yield* attempt("acquire, taken", () => sem.acquire());
  print("   ", r(sem));
  sem.release();
  print("   released", r(sem));
  yield* attempt("lifo get", () => lq.get());
  yield* attempt("bounded acquire", () => bs.acquire());
  const later = aio.coroutine(function* () {
    yield* aio.sleep(0);
    bs.release();
    lq.putNowait(2);
  });
  let t = aio.createTask(later());
  yield* attempt("bounded acquire, waits in this loop", () => bs.acquire());
  yield* attempt("lifo get, waits in this loop", () => lq.get());
  yield* t;
  print("   ", String(lq), r(bs));
  const fresh = new aio.Queue();
  t = aio.createTask(fresh.get());
  yield* spin(1);
  fresh.putNowait("fresh");
  yield* spin(1);
  print("   new queue", t.result(), String(fresh));
});
