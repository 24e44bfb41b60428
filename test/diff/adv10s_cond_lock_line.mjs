import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Condition waiters and plain users of the same Lock competing for it, with cancellations at
// each point: notified waiters queue for the lock behind plain users already in line; one
// cancelled while queued for the lock passes the lock's wake-up on and queues again AT THE
// BACK (its re-acquire loop swallows the cancellation), so it takes the lock after users that
// came later, and only then raises; notify(n) skips waiters cancelled before it and does not
// count them; a waiter notified and cancelled before it runs drops the notification; a waiter
// cancelled twice while re-acquiring raises once; waiters that catch the CancelledError with
// the lock held and wait again join the condition's line at the back. The order in which the
// lock is taken is the trace, with the lock's and condition's reprs per step.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];
const order = [];

const cwaiter = aio.coroutine(function* (cond, name, again) {
  yield* cond.acquire();
  order.push(name + "+");
  let rounds = 0;
  try {
    for (;;) {
      try {
        yield* cond.wait();
        log.push(tuple(name, "notified", cond.locked()));
        order.push(name);
        break;
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple(name, "cancelled", args(e), cond.locked(), aio.currentTask().cancelling()));
        order.push(name + "!");
        rounds += 1;
        if (again && rounds === 1) {
          aio.currentTask().uncancel();
          log.push(tuple(name, "waits again"));
          continue;
        }
        throw e;
      }
    }
    yield* aio.sleep(0);
  } finally {
    cond.release();
  }
  return name;
});

const luser = aio.coroutine(function* (lock, name) {
  try {
    yield* lock.acquire();
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
  order.push(name);
  log.push(tuple(name, "has lock"));
  yield* aio.sleep(0);
  lock.release();
  return name;
});

const scenario = aio.coroutine(function* (script) {
  log.length = 0;
  order.length = 0;
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);
  const ts = new Map();
  for (const n of ["w0", "w1", "w2", "w3"]) ts.set(n, aio.createTask(cwaiter(cond, n, n === "w1")));
  yield* aio.sleep(0);

  const show = (tag) => {
    print("   ", tag, ...log, "|", r(lock), r(cond), ...[...ts].map(([n, t]) => `${n}=${st(t)}`));
    log.length = 0;
  };

  show("waiting");
  for (const op of script) {
    const kind = op[0];
    if (kind === "hold") {
      yield* lock.acquire();
      log.push(tuple("main holds"));
    } else if (kind === "release") {
      lock.release();
      log.push(tuple("main releases"));
    } else if (kind === "notify") {
      const held = lock.locked();
      if (!held) yield* lock.acquire();
      cond.notify(op[1]);
      log.push(tuple("notify", op[1]));
      if (!held) lock.release();
    } else if (kind === "user") {
      ts.set(op[1], aio.createTask(luser(lock, op[1])));
    } else if (kind === "cancel") {
      log.push(tuple("cancel", op[1], ts.get(op[1]).cancel(op.length > 2 ? op[2] : undefined)));
    } else if (kind === "step") {
      for (let i = 0; i < op[1]; i++) yield* aio.sleep(0);
    }
    show(op.map(String).join(" "));
  }
  for (let i = 0; i < 12; i++) {
    yield* aio.sleep(0);
    if (log.length) show(`drain${i}`);
  }
  if ([...ts.values()].some((t) => !t.done())) {
    yield* lock.acquire();
    cond.notifyAll();
    lock.release();
    log.push(tuple("notify_all"));
    for (let i = 0; i < 12; i++) yield* aio.sleep(0);
  }
  for (const t of ts.values()) t.cancel();
  yield* aio.gather(...ts.values(), { returnExceptions: true });
  show("end");
  print("    order", order);
});

const SCRIPTS = [
  // notified waiters queue behind a plain user that came first
  [["hold"], ["user", "u1"], ["step", 1], ["notify", 2], ["user", "u2"], ["step", 1], ["release"]],
  // a notified waiter cancelled while queued for the lock goes to the back
  [["hold"], ["notify", 2], ["step", 1], ["user", "u1"], ["step", 1], ["cancel", "w0", "m"], ["step", 1], ["release"]],
  // the same, cancelled after release() handed it the lock (woken, not yet run)
  [["hold"], ["notify", 2], ["step", 1], ["user", "u1"], ["step", 1], ["release"], ["cancel", "w0", "m"]],
  // cancelled twice while re-acquiring
  [["hold"], ["notify", 1], ["step", 1], ["cancel", "w0", "a"], ["step", 1], ["cancel", "w0", "b"], ["step", 1], ["release"]],
  // notify(2) skips waiters cancelled before it
  [["cancel", "w0", "x"], ["cancel", "w1"], ["notify", 2], ["step", 3]],
  // notified and cancelled in the same step: the notification is dropped
  [["notify", 2], ["cancel", "w0", "y"], ["step", 3], ["notify", 1], ["step", 3]],
  // w1 catches its cancellation, takes the lock, waits again at the back of the line
  [["cancel", "w1", "z"], ["step", 2], ["notify", 1], ["step", 3], ["notify", 3], ["step", 4]],
  // cancelled while waiting, with main holding the lock: raises only once main releases
  [["hold"], ["cancel", "w1", "q"], ["user", "u1"], ["step", 3], ["notify", 1], ["step", 2], ["release"]],
];

aio.run(
  aio.coroutine(function* main() {
    for (let i = 0; i < SCRIPTS.length; i++) {
      print("-- script", i);
      yield* scenario(SCRIPTS[i]);
    }
  })(),
);
