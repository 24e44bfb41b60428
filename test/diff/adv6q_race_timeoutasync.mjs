import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Async-function twin of adv6q_race_timeout.mjs.

// A wake-up and a timeout (or a cancel) in one iteration, both orders, with a second waiter in
// line: wait_for(q.get()) whose item arrives in the iteration its timeout fires (the item is
// returned when the put comes first; when the timeout comes first the woken getter is cancelled
// and hands the item to the next getter), the same for wait_for(q.put()) and a freed slot, and
// for wait_for(sem.acquire()) and release(); then plain task.cancel() racing put_nowait().
// The two callbacks are due at least 50 ms apart and the loop is blocked past both, so they
// run in one iteration in deadline order.
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const r = (x) => String(x);
const S = (q) => String(q);

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return "result " + repr(t.result());
}

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

const timed = aio.coroutine(async function (label, aw, timeout) {
  try {
    const v = await aio.waitFor(aw, timeout);
    print("  ", label, "->", repr(v));
    return v;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  ", label, "-> TimeoutError");
    return "timeout";
  }
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  for (const first of ["wake", "timeout"]) {
    print(`-- get: ${first} first`);
    let q = new aio.Queue();
    let w = aio.createTask(timed("w", q.get(), 0.3));
    await spin(1);
    let nxt = aio.createTask(q.get());
    await spin(1);
    print("  ", S(q));
    let now = loop.time();
    loop.callAt(first === "wake" ? now : now + 0.4, () => {
      print("   put");
      q.putNowait("x");
    });
    block(0.45);
    await spin(1);
    print("   tick1", S(q), state(w), state(nxt));
    await spin(5);
    print("   tick6", S(q), state(w), state(nxt));
    if (!nxt.done()) {
      q.putNowait("y");
      await spin(1);
      print("   fed y", state(nxt), S(q));
    }

    print(`-- put: ${first} first`);
    q = new aio.Queue(1);
    q.putNowait("a");
    w = aio.createTask(timed("w", q.put("b"), 0.3));
    await spin(1);
    nxt = aio.createTask(q.put("c"));
    await spin(1);
    print("  ", S(q));
    now = loop.time();
    const q2 = q;
    loop.callAt(first === "wake" ? now : now + 0.4, () => print("   get", q2.getNowait()));
    block(0.45);
    await spin(1);
    print("   tick1", S(q), state(w), state(nxt));
    await spin(5);
    print("   tick6", S(q), state(w), state(nxt));

    print(`-- acquire: ${first} first`);
    const sem = new aio.Semaphore(0);
    w = aio.createTask(timed("w", sem.acquire(), 0.3));
    await spin(1);
    nxt = aio.createTask(sem.acquire());
    await spin(1);
    print("  ", r(sem));
    now = loop.time();
    loop.callAt(first === "wake" ? now : now + 0.4, () => {
      print("   release");
      sem.release();
    });
    block(0.45);
    await spin(1);
    print("   tick1", r(sem), state(w), state(nxt));
    await spin(5);
    print("   tick6", r(sem), state(w), state(nxt), sem.locked());
  }

  for (const first of ["put", "cancel"]) {
    print(`-- cancel and put_nowait: ${first} first`);
    const q = new aio.LifoQueue();
    const gs = [0, 1, 2].map(() => aio.createTask(q.get()));
    await spin(1);
    const now = loop.time();
    const put = () => {
      print("   put 1 2");
      q.putNowait(1);
      q.putNowait(2);
    };
    const cancel = () => print("   cancel g0 g1", gs[0].cancel(), gs[1].cancel());
    loop.callAt(now + 0.01, first === "put" ? put : cancel);
    loop.callAt(now + 0.06, first === "put" ? cancel : put);
    print("  ", S(q));
    block(0.1);
    await spin(1);
    print("   tick1", S(q), gs.map(state));
    await spin(4);
    print("   tick5", S(q), gs.map(state));
  }
});
