import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10s_waitfor_timer_race.mjs.

// wait_for() whose timer fires in the same iteration as the wake-up of the operation it waits
// for, both orders, for the primitives adv6q_race_timeout does not cover: lock.acquire() (with
// a second waiter in line), event.wait(), cond.wait() inside `async with cond` (notify() and
// release() in one callback; when the timeout comes first the notified waiter is cancelled,
// takes the lock back and wait_for raises TimeoutError), barrier.wait() (the last party is a
// task created in the wake-up callback, so it trips the barrier one iteration late and the
// waiting party times out in both orders, cancelled after the trip) and q.join() (task_done()
// in the callback). Wake-up
// first: the inner task finishes before the outer task handles the timeout, so wait_for returns
// the result. Timeout first: the inner task is cancelled after its wake-up and passes the lock
// on. The two callbacks are due 150 ms or more apart and the loop is blocked past both, so they
// run in one iteration in deadline order.
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) {
  Atomics.wait(SAB, 0, 0, s * 1000);
}
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function state(t) {
  if (t === null) return "-";
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return "result " + repr(t.result());
}

const log = [];

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

const timed = aio.coroutine(async function (aw, timeout) {
  try {
    const v = await aio.waitFor(aw, timeout);
    log.push(tuple("w ->", v, aio.currentTask().cancelling()));
    return v;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log.push(tuple("w -> TimeoutError", aio.currentTask().cancelling()));
    return "timeout";
  }
});

const condUser = aio.coroutine(async function (cond) {
  return await cond.with(async function () {
    try {
      return await cond.wait();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cond waiter cancelled", args(e), cond.locked()));
      throw e;
    }
  });
});

const party = aio.coroutine(async function (b, name) {
  const i = await b.wait();
  log.push(tuple(name, "index", i));
  return i;
});

aio.run(
  aio.coroutine(async function main() {
    const loop = aio.getRunningLoop();
    for (const kind of ["lock", "event", "cond", "barrier", "join"]) {
      for (const first of ["wake", "timeout"]) {
        print("--", kind, first, "first");
        log.length = 0;
        let nxt = null;
        let p, op, wake;
        if (kind === "lock") {
          p = new aio.Lock();
          await p.acquire();
          op = p.acquire();
          wake = () => {
            log.push(tuple("release"));
            p.release();
          };
        } else if (kind === "event") {
          p = new aio.Event();
          op = p.wait();
          wake = () => {
            log.push(tuple("set"));
            p.set();
          };
        } else if (kind === "cond") {
          p = new aio.Condition();
          op = condUser(p);
          wake = () => {
            log.push(tuple("notify+release"));
            p.notify();
            p.release();
          };
        } else if (kind === "barrier") {
          p = new aio.Barrier(2);
          op = p.wait();
          wake = () => {
            log.push(tuple("last party arrives"));
            loop.createTask(party(p, "last"));
          };
        } else if (kind === "join") {
          p = new aio.Queue();
          p.putNowait("job");
          p.getNowait();
          op = p.join();
          wake = () => {
            log.push(tuple("task_done"));
            p.taskDone();
          };
        }
        const w = aio.createTask(timed(op, 0.2));
        await spin(2);
        if (kind === "lock") {
          nxt = aio.createTask(p.acquire());
          await spin(1);
        }
        if (kind === "cond") await p.acquire(); // free: the waiter released it in wait()
        const show = () => r(p);
        print("   ", show(), state(w), state(nxt));
        const now = loop.time();
        loop.callAt(first === "wake" ? now : now + 0.35, wake);
        block(0.45);
        for (let i = 0; i < 7; i++) {
          await spin(1);
          print(`    tick${i}`, ...log, "|", show(), state(w), state(nxt));
          log.length = 0;
        }
        if (kind === "lock") {
          if (p.locked()) p.release();
          await spin(2);
          print("    after", show(), state(w), state(nxt));
        }
        if (kind === "cond" && p.locked()) p.release();
        for (const t of [w, nxt]) if (t !== null && !t.done()) t.cancel();
        await aio.gather(...[w, nxt].filter((t) => t !== null), { returnExceptions: true });
      }
    }
  })(),
);
