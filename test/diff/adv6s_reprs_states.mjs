import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Reprs of Lock, Event, Condition, Semaphore, BoundedSemaphore and Barrier in every state they
// pass through (waiters counted until the cancelled ones have run, a notified waiter still
// counted, the barrier filling/draining/resetting/broken), and of tasks that run the primitives'
// coroutines directly: coro=<Lock.acquire()>, <Event.wait()>, <Condition.wait()>,
// <Condition.wait_for()>, <Semaphore.acquire()> (also for a BoundedSemaphore), <Barrier.wait()>,
// <Barrier.reset()>, <Barrier.abort()>, pending, waiting, cancelling and finished (result,
// exception, cancelled). Source locations are stripped.
const r = (x) => String(x);
const show = (label, obj) => print(" ", label, String(obj).replace(/ (running at|done, defined at|at) \S+:\d+/g, ""));

const holder = aio.coroutine(function* holder(cond, ev, name) {
  return yield* cond.with(function* () {
    return yield* cond.waitFor(() => ev.isSet() && name);
  });
});

await aio.run(function* () {
  const lock = new aio.Lock();
  const ev = new aio.Event();
  const cond = new aio.Condition();
  const sem = new aio.Semaphore(1);
  const bsem = new aio.BoundedSemaphore(2);
  const bar = new aio.Barrier(3);
  const prims = [lock, ev, cond, sem, bsem, bar];

  const reprs = (tag) => {
    print(tag);
    for (const p of prims) print(" ", r(p));
  };
  const tick = aio.coroutine(function* () {
    yield* aio.sleep(0);
  });

  reprs("-- fresh");
  yield* lock.acquire();
  yield* cond.acquire();
  yield* sem.acquire();
  yield* bsem.acquire();
  yield* bsem.acquire();
  reprs("-- all held");

  const coros = {
    lock: lock.acquire(),
    event: ev.wait(),
    "cond.wait": cond.wait(),
    "cond.wait_for": cond.waitFor(() => false),
    sem: sem.acquire(),
    bsem: bsem.acquire(),
    "barrier.wait": bar.wait(),
    "barrier.wait2": bar.wait(),
  };
  const ts = {};
  for (const [k, c] of Object.entries(coros)) ts[k] = aio.createTask(c, { name: k });
  print("-- tasks created");
  for (const [k, t] of Object.entries(ts)) show(k, t);
  // cond.wait() needs the lock: main holds it, so the task's wait fails
  yield* tick();
  print("-- after one step");
  for (const [k, t] of Object.entries(ts)) show(k, t);
  reprs("-- prims");
  // the cond.wait task released main's lock (a Lock has no owner)
  const cx = aio.createTask(cond.wait(), { name: "cond.wait#2" });
  const cy = aio.createTask(cond.waitFor(() => ev.isSet()), { name: "cond.wait_for#2" });
  yield* tick();
  print("-- more condition tasks (lock free: they fail)");
  show("cond.wait#2", cx);
  show("cond.wait_for#2", cy);
  cx.exception();

  const hs = [0, 1, 2].map((i) => aio.createTask(holder(cond, ev, `h${i}`), { name: `h${i}` }));
  yield* tick();
  reprs("-- three holders waiting on the condition");
  print("-- cancel lock, sem and one holder");
  for (const k of ["lock", "sem"]) {
    ts[k].cancel();
    show(k, ts[k]);
  }
  hs[1].cancel("holder out");
  show("h1", hs[1]);
  reprs("-- cancelled, not yet run");
  yield* tick();
  reprs("-- after they ran");
  for (const k of ["lock", "sem"]) show(k, ts[k]);
  show("h1", hs[1]);

  print("-- set the event, notify all");
  ev.set();
  reprs("-- event set");
  show("event", ts.event);
  yield* cond.with(function* () {
    cond.notifyAll();
    reprs("-- notified, not yet run");
  });
  yield* tick();
  yield* tick();
  for (const h of hs) show(h.getName(), h);
  show("cond.wait", ts["cond.wait"]);
  reprs("-- the cond.wait task took the lock back");
  cond.release();
  yield* tick();
  yield* tick();
  for (const h of hs) show(h.getName(), h);
  reprs("-- after");

  print("-- barrier: a third party trips it");
  const t3 = aio.createTask(bar.wait(), { name: "barrier.wait3" });
  yield* tick();
  reprs("-- draining");
  for (const k of ["barrier.wait", "barrier.wait2"]) show(k, ts[k]);
  show("barrier.wait3", t3);
  yield* tick();
  reprs("-- drained");
  for (const k of ["barrier.wait", "barrier.wait2"]) show(k, ts[k]);
  const w1 = aio.createTask(bar.wait(), { name: "w1" });
  yield* tick();
  const rs = aio.createTask(bar.reset(), { name: "reset" });
  show("reset", rs);
  yield* tick();
  reprs("-- resetting");
  show("reset", rs);
  show("w1", w1);
  yield* tick();
  show("w1", w1);
  reprs("-- reset done");
  const ab = aio.createTask(bar.abort(), { name: "abort" });
  yield* tick();
  show("abort", ab);
  reprs("-- broken");

  print("-- release the rest");
  lock.release();
  sem.release();
  bsem.release();
  reprs("-- released");
  yield* tick();
  show("bsem", ts.bsem);
  reprs("-- bsem waiter took its unit");
  bsem.release();
  bsem.release();
  try {
    bsem.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  reprs("-- end");
  for (const t of [...Object.values(ts), ...hs, cy, w1]) if (t.done() && !t.cancelled()) t.exception();
});
