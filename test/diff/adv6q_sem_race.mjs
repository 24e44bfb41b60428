import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Semaphore fairness when a release and an acquire race in one iteration: a release() from a
// timer callback and a task whose sleep ends in the same iteration and then acquires (both
// orders): the unit goes to the waiter already in line, the newcomer queues even though it runs
// first; a woken waiter cancelled in that same iteration gives its unit back to whoever is in
// line by then (or to the counter); a task created in the release callback; BoundedSemaphore
// over-released from callbacks (ValueError caught there; RangeError here) while units are in
// flight; and an iteration counter (a call_soon ticker) to date each event.
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const r = (x) => String(x);

let tick = 0;
let ticking = false;

function ticker(loop) {
  tick += 1;
  if (ticking) loop.callSoon(ticker, loop);
}

const spin = aio.coroutine(function* (k) {
  for (let i = 0; i < k; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  let sem = null;

  const ev = (...a) => print(`   t${tick}`, ...a, r(sem));

  const acq = aio.coroutine(function* (name, delay = null, hold = 1) {
    if (delay !== null) {
      yield* aio.sleep(delay);
      ev(name, "wakes, locked()", sem.locked());
    }
    try {
      yield* sem.acquire();
    } catch (e) {
      if (e instanceof aio.CancelledError) ev(name, "cancelled");
      throw e;
    }
    ev(name, "acquired");
    yield* spin(hold);
    try {
      sem.release();
      ev(name, "released");
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      ev(name, "release ValueError", e.message);
    }
  });

  const release = (tag) => {
    try {
      sem.release();
      ev("release", tag);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      ev("release", tag, "ValueError", e.message);
    }
  };

  const run = aio.coroutine(function* (title, setup, bound = false, value = 1, pre = 1) {
    print("--", title);
    sem = bound ? new aio.BoundedSemaphore(value) : new aio.Semaphore(value);
    for (let i = 0; i < pre; i++) yield* sem.acquire();
    tick = 0;
    ticking = true;
    loop.callSoon(ticker, loop);
    const ts = setup(loop.time());
    yield* spin(1);
    ev("blocking");
    block(0.5);
    while (!ts.every((t) => t.done())) yield* aio.sleep(0);
    ticking = false;
    yield* spin(2);
    print("   end", r(sem), sem.locked(), ts.map((t) => (t.cancelled() ? "C" : "ok")));
  });

  const s1 = (first) => (now) => {
    const a = aio.createTask(acq("A"));
    const b = aio.createTask(acq("B", first === "release" ? 0.3 : 0.1));
    loop.callAt(now + (first === "release" ? 0.2 : 0.3), release, "main's");
    return [a, b];
  };
  yield* run("waiter in line, release then newcomer", s1("release"));
  yield* run("waiter in line, newcomer then release", s1("newcomer"));

  const s2 = (order) => (now) => {
    const a = aio.createTask(acq("A"));
    const b = aio.createTask(acq("B", order[0]));
    loop.callAt(now + order[1], release, "main's");
    loop.callAt(now + order[2], () => ev("cancel A", a.cancel()));
    return [a, b];
  };
  yield* run("release, newcomer, cancel woken", s2([0.2, 0.1, 0.3]));
  yield* run("newcomer, release, cancel woken", s2([0.1, 0.2, 0.3]));
  yield* run("cancel waiter, release, newcomer", s2([0.3, 0.2, 0.1]));

  const s3 = (now) => {
    const ts = [];
    const relAndSpawn = () => {
      release("spawning");
      ts.push(aio.createTask(acq("C")));
      ev("C created");
    };
    const b = aio.createTask(acq("B", 0.2));
    loop.callAt(now + 0.1, relAndSpawn);
    ts.push(b);
    return ts;
  };
  yield* run("no waiter, release spawns C, newcomer B same iteration", s3);

  const s4 = (now) => {
    const a = aio.createTask(acq("A", null, 2));
    const b = aio.createTask(acq("B", null, 2));
    loop.callAt(now + 0.1, release, "1");
    loop.callAt(now + 0.2, release, "2");
    loop.callAt(now + 0.3, release, "3");
    return [a, b];
  };
  yield* run("bounded(2): three releases in one iteration", s4, true, 2, 2);
});
