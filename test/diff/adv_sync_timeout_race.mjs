import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// A timeout that expires in the same iteration as the wake-up of a lock, semaphore, queue or
// condition waiter. Timeout.reschedule() to a past deadline schedules the expiry with callSoon,
// so the order of reschedule() and release()/putNowait()/notify() decides: wake-up first, the
// operation completes and the timeout is disarmed; expiry first, the woken waiter is cancelled,
// passes its wake-up on, and TimeoutError is raised. waitFor(..., 0) never runs the operation.
await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const log = [];
  const cms = {};

  const guarded = aio.coroutine(function* (name, op) {
    try {
      const res = yield* aio.timeout(10, function* (cm) {
        cms[name] = cm;
        return yield* op();
      });
      log.push(tuple("done", name, res === undefined ? null : res, cms[name].expired()));
      return res;
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      log.push(tuple("timeout", name, cms[name].expired()));
      return "timeout";
    }
  });

  const past = () => loop.time() - 1;

  const taker = aio.coroutine(function* (name, prim) {
    yield* prim.acquire();
    log.push(tuple("taker got", name));
    return name;
  });

  for (const kind of ["Lock", "Semaphore"]) {
    for (const first of ["release", "expire"]) {
      print(`-- ${kind}: ${first} first`);
      const prim = kind === "Lock" ? new aio.Lock() : new aio.Semaphore(1);
      yield* prim.acquire();
      const g = aio.createTask(guarded("g", () => prim.acquire()));
      const nxt = aio.createTask(taker("next", prim));
      yield* aio.sleep(0);
      if (first === "release") {
        prim.release();
        cms.g.reschedule(past());
      } else {
        cms.g.reschedule(past());
        prim.release();
      }
      yield* aio.sleep(0);
      print(...log, prim.locked());
      log.length = 0;
      const res = yield* g;
      if (res !== "timeout") prim.release();
      yield* nxt;
      print(...log, res, prim.locked());
      log.length = 0;
      prim.release();
    }
  }

  for (const first of ["put", "expire"]) {
    print(`-- Queue.get: ${first} first`);
    const q = new aio.Queue();
    const g = aio.createTask(guarded("g", () => q.get()));
    const g2 = aio.createTask(guarded("g2", () => q.get()));
    yield* aio.sleep(0);
    if (first === "put") {
      q.putNowait("item");
      cms.g.reschedule(past());
    } else {
      cms.g.reschedule(past());
      q.putNowait("item");
    }
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print(...log, q.qsize(), g.done(), g2.done());
    log.length = 0;
    if (!g2.done()) cms.g2.reschedule(past());
    print(yield* g, yield* g2, q.qsize());
    log.length = 0;
  }

  for (const first of ["get", "expire"]) {
    print(`-- Queue.put: ${first} first`);
    const q = new aio.Queue(1);
    q.putNowait("old");
    const p = aio.createTask(guarded("p", () => q.put("new")));
    yield* aio.sleep(0);
    if (first === "get") {
      q.getNowait();
      cms.p.reschedule(past());
    } else {
      cms.p.reschedule(past());
      q.getNowait();
    }
    yield* aio.sleep(0);
    print(...log, q.qsize(), q.full());
    log.length = 0;
    print(yield* p, q.qsize());
  }

  for (const first of ["notify", "expire"]) {
    print(`-- Condition.wait: ${first} first`);
    const cond = new aio.Condition();
    const cwait = aio.coroutine(function* () {
      return yield* cond.with(function* () {
        const r = yield* guarded("c", () => cond.wait());
        log.push(tuple("holding", cond.locked()));
        return r;
      });
    });
    const c = aio.createTask(cwait());
    yield* aio.sleep(0);
    yield* cond.with(function* () {
      if (first === "notify") {
        cond.notify();
        cms.c.reschedule(past());
      } else {
        cms.c.reschedule(past());
        cond.notify();
      }
    });
    yield* aio.sleep(0);
    print(...log, cond.locked());
    log.length = 0;
    print(yield* c, cond.locked());
    print(...log);
    log.length = 0;
  }

  print("-- wait_for(..., 0) on operations that would not block");
  const lock = new aio.Lock();
  const q = new aio.Queue();
  q.putNowait("item");
  const ev = new aio.Event();
  ev.set();
  for (const [name, mk] of [["lock", () => lock.acquire()], ["get", () => q.get()], ["event", () => ev.wait()], ["put", () => q.put(2)]]) {
    try {
      print(name, "ok", yield* aio.waitFor(mk(), 0));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print(name, "timeout", lock.locked(), q.qsize());
    }
  }
  yield* aio.timeout(0, function* () {
    print("timeout(0) does not interrupt", yield* lock.acquire(), yield* q.get());
  });
  try {
    yield* aio.timeout(0, function* () {
      yield* lock.acquire();
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("timeout(0) on a held lock", lock.locked());
  }
});
