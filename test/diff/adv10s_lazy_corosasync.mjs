import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10s_lazy_coros.mjs.

// The primitives' and queues' coroutines are lazy: lock.acquire(), sem.acquire(), ev.wait(),
// cond.wait(), barrier.wait(), q.get(), q.put() and q.join() do nothing until their first step,
// so the state when they run decides, not the state when they were created. Coroutines made
// while they would not block run when they must (and wait), others made while they would block
// run after the state changed (and do not wait); tasks started in the reverse of creation order
// line up in the order of their first steps; a task cancelled before its first step never
// touches the primitive (no waiter, no unit, no item taken); cond.wait() made while the lock
// was held but first run after it was released raises RuntimeError then; wait_for(coro, 0)
// never starts it. Per step: who got what, and the reprs.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return `${t.exception().name}(${repr(str(t.exception()))})`;
  return repr(t.result());
}

const log = [];
const states = (ts) => [...ts].map(([n, t]) => `${n}=${st(t)}`);

const run = aio.coroutine(async function (name, c) {
  let v;
  try {
    v = await c;
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    else if (e instanceof aio.TimeoutError) {
      log.push(tuple(name, "TimeoutError"));
      return "timeout";
    }
    throw e;
  }
  log.push(tuple(name, "->", v));
  return v;
});

aio.run(
  aio.coroutine(async function main() {
    const lock = new aio.Lock();
    let sem = new aio.Semaphore(2);
    const ev = new aio.Event();
    ev.set();
    const cond = new aio.Condition();
    const b = new aio.Barrier(2);
    let q = new aio.Queue(1);

    print("-- made while nothing would block");
    let coros = [
      ["a1", lock.acquire()], ["a2", lock.acquire()], ["a3", lock.acquire()],
      ["s1", sem.acquire()], ["s2", sem.acquire()], ["s3", sem.acquire()],
      ["e1", ev.wait()], ["p1", q.put("x")], ["p2", q.put("y")], ["j1", q.join()],
    ];
    print("  ", r(lock), r(sem), r(ev), String(q));
    ev.clear();
    let ts = new Map();
    for (const [name, c] of [...coros].reverse()) ts.set(name, aio.createTask(run(name, c), { name }));
    ts.get("a2").cancel("before start");
    ts.get("s3").cancel("before start");

    const show = (tag) => {
      print("  ", tag, ...log, "|", r(lock), r(sem), r(ev), String(q));
      print("     ", ...states(ts));
      log.length = 0;
    };

    for (let i = 0; i < 3; i++) {
      await aio.sleep(0);
      show(`step${i}`);
    }
    lock.release();
    sem.release();
    ev.set();
    log.push(tuple("main got", q.getNowait()));
    q.taskDone();
    show("released, set, took one");
    for (let i = 0; i < 3; i++) {
      await aio.sleep(0);
      show(`step${i}`);
    }
    for (const t of ts.values()) t.cancel();
    await aio.gather(...ts.values(), { returnExceptions: true });
    lock.release();

    print("-- made while everything would block");
    await lock.acquire();
    q = new aio.Queue();
    const q2 = new aio.Queue(1);
    q2.putNowait("full");
    ev.clear();
    sem = new aio.Semaphore(0);
    coros = [["a1", lock.acquire()], ["s1", sem.acquire()], ["e1", ev.wait()], ["g1", q.get()], ["p1", q2.put("z")], ["b1", b.wait()]];
    lock.release();
    sem.release();
    ev.set();
    q.putNowait("item");
    log.push(tuple("main got", q2.getNowait()));
    await aio.sleep(0);
    ts = new Map();
    for (const [name, c] of coros) ts.set(name, aio.createTask(run(name, c), { name }));
    for (let i = 0; i < 3; i++) {
      await aio.sleep(0);
      print("  ", `step${i}`, ...log, "|", r(lock), r(sem), r(ev), String(q), String(q2), r(b));
      print("     ", ...states(ts));
      log.length = 0;
    }
    log.push(tuple("main index", await b.wait()));
    await aio.sleep(0);
    print("  ", "barrier", ...log, "|", r(b), ...states(ts));
    log.length = 0;
    lock.release();

    print("-- cond.wait() made under the lock, first run without it");
    await cond.acquire();
    const cw = cond.wait();
    const cw2 = cond.wait();
    cond.release();
    const t1 = aio.createTask(run("cw", cw));
    await aio.sleep(0);
    print("  ", ...log, "|", r(cond), st(t1));
    log.length = 0;
    await cond.acquire();
    const t2 = aio.createTask(run("cw2", cw2));
    await aio.sleep(0);
    print("   under the lock again", ...log, "|", r(cond), st(t2));
    log.length = 0;
    await cond.acquire(); // cw2's wait() released it
    cond.notify();
    cond.release();
    await aio.sleep(0);
    await aio.sleep(0);
    print("   notified", ...log, "|", r(cond), st(t2));
    log.length = 0;

    print("-- wait_for(coro, 0) never starts it; a positive timeout does");
    await lock.acquire();
    ts = new Map([
      ["w0", aio.createTask(run("w0", aio.waitFor(q.get(), 0)))],
      ["w1", aio.createTask(run("w1", aio.waitFor(lock.acquire(), 0)))],
      ["w2", aio.createTask(run("w2", aio.waitFor(q.get(), 10)))],
      ["w3", aio.createTask(run("w3", aio.waitFor(lock.acquire(), 10)))],
    ]);
    q.putNowait("one");
    for (let i = 0; i < 4; i++) {
      await aio.sleep(0);
      print("  ", `step${i}`, ...log, "|", r(lock), String(q), ...states(ts));
      log.length = 0;
    }
    lock.release();
    for (let i = 0; i < 3; i++) await aio.sleep(0);
    print("   released", ...log, "|", r(lock), String(q), ...states(ts));
  })(),
);
