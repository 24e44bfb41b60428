import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_timeout_race.mjs.
// A timeout that expires in the same iteration as the wake-up of a lock, semaphore, queue or
// condition waiter. Timeout.reschedule() to a past deadline schedules the expiry with callSoon,
// so the order of reschedule() and release()/putNowait()/notify() decides: wake-up first, the
// operation completes and the timeout is disarmed; expiry first, the woken waiter is cancelled,
// passes its wake-up on, and TimeoutError is raised. waitFor(..., 0) never runs the operation.
await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const log = [];
  const cms = {};

  const guarded = aio.coroutine(async function (name, op) {
    try {
      const res = await aio.timeout(10, async function (cm) {
        cms[name] = cm;
        return await op();
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

  const taker = aio.coroutine(async function (name, prim) {
    await prim.acquire();
    log.push(tuple("taker got", name));
    return name;
  });

  for (const kind of ["Lock", "Semaphore"]) {
    for (const first of ["release", "expire"]) {
      print(`-- ${kind}: ${first} first`);
      const prim = kind === "Lock" ? new aio.Lock() : new aio.Semaphore(1);
      await prim.acquire();
      const g = aio.createTask(guarded("g", () => prim.acquire()));
      const nxt = aio.createTask(taker("next", prim));
      await aio.sleep(0);
      if (first === "release") {
        prim.release();
        cms.g.reschedule(past());
      } else {
        cms.g.reschedule(past());
        prim.release();
      }
      await aio.sleep(0);
      print(...log, prim.locked());
      log.length = 0;
      const res = await g;
      if (res !== "timeout") prim.release();
      await nxt;
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
    await aio.sleep(0);
    if (first === "put") {
      q.putNowait("item");
      cms.g.reschedule(past());
    } else {
      cms.g.reschedule(past());
      q.putNowait("item");
    }
    await aio.sleep(0);
    await aio.sleep(0);
    print(...log, q.qsize(), g.done(), g2.done());
    log.length = 0;
    if (!g2.done()) cms.g2.reschedule(past());
    print(await g, await g2, q.qsize());
    log.length = 0;
  }

  for (const first of ["get", "expire"]) {
    print(`-- Queue.put: ${first} first`);
    const q = new aio.Queue(1);
    q.putNowait("old");
    const p = aio.createTask(guarded("p", () => q.put("new")));
    await aio.sleep(0);
    if (first === "get") {
      q.getNowait();
      cms.p.reschedule(past());
    } else {
      cms.p.reschedule(past());
      q.getNowait();
    }
    await aio.sleep(0);
    print(...log, q.qsize(), q.full());
    log.length = 0;
    print(await p, q.qsize());
  }

  for (const first of ["notify", "expire"]) {
    print(`-- Condition.wait: ${first} first`);
    const cond = new aio.Condition();
    const cwait = aio.coroutine(async function () {
      return await cond.with(async function () {
        const r = await guarded("c", () => cond.wait());
        log.push(tuple("holding", cond.locked()));
        return r;
      });
    });
    const c = aio.createTask(cwait());
    await aio.sleep(0);
    await cond.with(async function () {
      if (first === "notify") {
        cond.notify();
        cms.c.reschedule(past());
      } else {
        cms.c.reschedule(past());
        cond.notify();
      }
    });
    await aio.sleep(0);
    print(...log, cond.locked());
    log.length = 0;
    print(await c, cond.locked());
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
      print(name, "ok", await aio.waitFor(mk(), 0));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print(name, "timeout", lock.locked(), q.qsize());
    }
  }
  await aio.timeout(0, async function () {
    print("timeout(0) does not interrupt", await lock.acquire(), await q.get());
  });
  try {
    await aio.timeout(0, async function () {
      await lock.acquire();
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("timeout(0) on a held lock", lock.locked());
  }
});
