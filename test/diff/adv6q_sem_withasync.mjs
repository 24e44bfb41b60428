import * as aio from "aionode";
import { print, pyStr, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6q_sem_with.mjs.

// `async with sem:` (sem.with() in aionode) at every point: entered at once, entered after a
// wait, woken and cancelled in the same iteration (the body never runs, the unit goes on),
// cancelled inside the body (the unit is released before the CancelledError leaves), a body
// that raises (released, the error propagates), a body that returns a value, nested entries on
// one Semaphore(2) (the inner one waits when the outer holds the last unit: a self-deadlock
// broken by a timeout), BoundedSemaphore released inside its own body (ValueError at the exit),
// the value/locked()/repr seen from inside each body (the unit released inside lets a waiter in,
// whose own release then fails). BoundedSemaphore's ValueError is a RangeError here.
class KeyError extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "KeyError";
  }
}
// str(KeyError('x')) is "'x'" in Python
const estr = (e) => (e instanceof KeyError ? pyStr(e.message) : e.message);
const ename = (e) => (e instanceof RangeError ? "ValueError" : e.name);
const r = (x) => String(x);

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return ename(t.exception()) + ":" + estr(t.exception());
  return "result " + repr(t.result());
}

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

await aio.run(async function () {
  const log = [];
  let sem = null;
  const flush = (tag) => {
    print(tag, ...log, "|", r(sem), sem.locked());
    log.length = 0;
  };

  const user = aio.coroutine(async function (name, hold = 1, fail = false) {
    try {
      await sem.with(async function () {
        log.push(tuple(name, "in", r(sem)));
        await spin(hold);
        if (fail) throw new KeyError(name);
        log.push(tuple(name, "leaving"));
      });
      log.push(tuple(name, "out", r(sem)));
      return name;
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(tuple(name, "cancelled", r(sem)));
      else if (e instanceof KeyError) log.push(tuple(name, "raised", repr(e), r(sem)));
      throw e;
    }
  });

  print("-- a line of users");
  sem = new aio.Semaphore(1);
  await sem.acquire();
  const ts = {};
  for (const n of "abcdef") ts[n] = aio.createTask(user(n, 2, n === "c"));
  await spin(1);
  flush("all wait");
  ts.b.cancel();
  sem.release();
  ts.a.cancel();
  flush("b cancelled, released, a woken and cancelled");
  await spin(1);
  flush("tick1");
  await spin(1);
  flush("tick2");
  await spin(2);
  flush("tick4");
  await spin(1);
  ts.d.cancel();
  flush("d cancelled inside");
  await spin(10);
  flush("all done");
  print("states", Object.fromEntries(Object.entries(ts).map(([n, t]) => [n, state(t)])));

  print("-- body raises");
  sem = new aio.Semaphore(1);
  let t = aio.createTask(user("x", 1, true));
  const u = aio.createTask(user("y"));
  await spin(6);
  flush("after");
  print("states", state(t), state(u));

  print("-- nested on Semaphore(2)");
  sem = new aio.Semaphore(2);
  const nested = aio.coroutine(async function (name, depth) {
    await sem.with(async function () {
      log.push(tuple(name, "depth", depth, r(sem)));
      if (depth < 3) {
        try {
          await aio.waitFor(nested(name, depth + 1), 0.02);
        } catch (e) {
          if (!(e instanceof aio.TimeoutError)) throw e;
          log.push(tuple(name, "timeout at depth", depth + 1, r(sem)));
        }
      }
    });
    return depth;
  });
  t = aio.createTask(nested("n", 1));
  await t;
  flush("nested " + state(t));

  print("-- bounded released inside its body");
  sem = new aio.BoundedSemaphore(1);
  const bad = aio.coroutine(async function () {
    await sem.with(async function () {
      sem.release();
      log.push(tuple("released inside", r(sem)));
      await aio.sleep(0);
    });
    log.push("bad left");
  });
  t = aio.createTask(bad());
  const w = aio.createTask(user("w"));
  await spin(5);
  flush("after " + state(t) + " " + state(w));
});
