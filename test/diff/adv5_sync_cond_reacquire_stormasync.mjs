import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_cond_reacquire_storm.mjs.

// Condition.wait() re-acquiring its lock under repeated cancellation: a notified waiter that is
// cancelled twice while it waits for the lock swallows both, takes the lock and raises one bare
// CancelledError (cancelling() still counts both); a waiter cancelled before notify and again
// while re-acquiring; waitFor() with a predicate that throws (the error propagates with the lock
// held) and one that is truthy at once (no wait); a shared Lock between two conditions; reprs.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
class PyError extends Error {
  constructor(m) {
    super(m);
    this.name = this.constructor.name;
  }
}
class KeyError extends PyError {}
class ZeroDivisionError extends PyError {}

await aio.run(async function () {
  const log = [];
  const lock = new aio.Lock();
  const c1 = new aio.Condition(lock);
  const c2 = new aio.Condition(lock);

  const w = aio.coroutine(async function (name, cond) {
    await cond.with(async function () {
      try {
        const v = await cond.wait();
        log.push(tuple("woke", name, v));
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, args(e), cond.locked(), aio.currentTask().cancelling()));
        throw e;
      }
    });
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(c1), r(c2), r(lock));
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- cancelled twice while re-acquiring");
  let ts = [aio.createTask(w(0, c1)), aio.createTask(w(1, c2)), aio.createTask(w(2, c1))];
  await spin(1);
  flush("three waiting on two conditions");
  await lock.acquire();
  c1.notifyAll();
  c2.notify(1);
  flush("notified all, lock held");
  await spin(1);
  ts[0].cancel("first");
  await spin(1);
  ts[0].cancel("second");
  await spin(1);
  flush("0 cancelled twice while waiting for the lock");
  lock.release();
  await spin(5);
  flush("released");
  print("states", states(ts), ts.map((t) => t.cancelling()));

  print("-- cancelled before notify and again while re-acquiring");
  ts = range(0, 3).map((i) => aio.createTask(w(i, c1)));
  await spin(1);
  await lock.acquire();
  ts[1].cancel("a");
  c1.notify(1);
  flush("1 cancelled, notify(1)");
  await spin(1);
  ts[1].cancel("b");
  flush("1 cancelled again");
  lock.release();
  await spin(4);
  flush("released");
  print("states", states(ts), ts.map((t) => t.cancelling()));
  await c1.with(async function () {
    c1.notifyAll();
  });
  await spin(4);
  flush("notify_all");
  print("states", states(ts));

  print("-- wait_for with odd predicates");
  await c1.with(async function () {
    const res = await c1.waitFor(() => 0 || "truthy");
    print("at once", repr(res), r(c1));
    try {
      await c1.waitFor(() => {
        throw new ZeroDivisionError("division by zero");
      });
    } catch (e) {
      if (!(e instanceof ZeroDivisionError)) throw e;
      print("ZeroDivisionError", e.message, c1.locked());
    }
  });
  const calls = [];
  const pred = () => {
    calls.push(calls.length);
    if (calls.length === 3) throw new KeyError("third");
    return false;
  };
  const wf = aio.coroutine(async function () {
    return await c1.with(async function () {
      try {
        await c1.waitFor(pred);
      } catch (e) {
        if (!(e instanceof KeyError)) throw e;
        log.push(tuple("KeyError", repr(e), c1.locked()));
        return "K";
      }
    });
  });
  const t = aio.createTask(wf());
  await spin(1);
  for (let i = 0; i < 2; i++) {
    await c1.with(async function () {
      c1.notify();
    });
    await spin(2);
    flush("notify");
  }
  print("result", t.result(), calls, r(c1));
});
