import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Deterministic pseudo-random stress of Semaphore and BoundedSemaphore (Park-Miller generator):
// acquirer tasks (acquire()/release() in try/finally, or `async with`) holding for a few
// iterations, release() from the main task (a BoundedSemaphore may raise ValueError), the main
// task taking a unit when locked() says it can, cancellations of waiting, just-woken and holding
// tasks, and single loop iterations in between. Each step logs the operation, the events of the
// tasks that ran, the repr and locked(); the totals are checked at the end. Only release()
// checks a BoundedSemaphore's bound, against a counter that leaves out the units handed to
// woken waiters, so the counter can end above the initial value, as in asyncio 3.11. (ValueError is a
// RangeError here.)
let seed = 987654;
function rnd(n) {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
}
const r = (x) => String(x);
const pad3 = (n) => String(n).padStart(3, " ");

const run = aio.coroutine(function* (bounded, value, steps) {
  const sem = bounded ? new aio.BoundedSemaphore(value) : new aio.Semaphore(value);
  print("--", r(sem), "steps", steps);
  const events = [];
  const tasks = [];
  let held = 0;
  let mainUnits = 0;

  const user = aio.coroutine(function* (name, hold, style) {
    try {
      if (style === "with") {
        yield* sem.with(function* () {
          held += 1;
          events.push(name + ":in");
          try {
            for (let i = 0; i < hold; i++) yield* aio.sleep(0);
          } finally {
            held -= 1;
          }
        });
        events.push(name + ":out");
      } else {
        yield* sem.acquire();
        held += 1;
        events.push(name + ":got");
        try {
          for (let i = 0; i < hold; i++) yield* aio.sleep(0);
        } finally {
          held -= 1;
          try {
            sem.release();
            events.push(name + ":released");
          } catch (e) {
            if (!(e instanceof RangeError)) throw e;
            events.push(name + ":ValueError");
          }
        }
      }
    } catch (e) {
      if (e instanceof aio.CancelledError) {
        events.push(name + ":cancelled");
        throw e;
      }
      if (e instanceof RangeError) {
        // `async with` on a BoundedSemaphore: the release at the exit failed (units in flight)
        events.push(name + ":ValueError at exit");
        return "V";
      }
      throw e;
    }
  });

  for (let step = 0; step < steps; step++) {
    const op = rnd(10);
    let what;
    if (op < 3) {
      const name = `t${tasks.length}`;
      const hold = rnd(3);
      tasks.push(aio.createTask(user(name, hold, rnd(2) ? "with" : "acq")));
      what = "spawn " + name;
    } else if (op === 3) {
      try {
        sem.release();
        what = "release";
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        what = "release ValueError " + e.message;
      }
    } else if (op === 4) {
      const live = tasks.filter((t) => !t.done());
      if (live.length) {
        const t = live[rnd(live.length)];
        what = `cancel t${tasks.indexOf(t)} -> ${t.cancel() ? "True" : "False"}`;
      } else {
        what = "cancel nothing";
      }
    } else if (op === 5) {
      if (!sem.locked()) {
        yield* sem.acquire();
        mainUnits += 1;
        what = "main took a unit";
      } else if (mainUnits) {
        mainUnits -= 1;
        sem.release();
        what = "main gave a unit back";
      } else {
        what = "main skips";
      }
    } else {
      yield* aio.sleep(0);
      what = "tick";
    }
    print(" " + pad3(step), what, events, r(sem), sem.locked(), "held", held);
    events.length = 0;
  }
  while (mainUnits) {
    mainUnits -= 1;
    try {
      sem.release();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print(" main's unit: ValueError");
    }
  }
  for (const t of tasks) if (!t.done()) t.cancel();
  const res = yield* aio.gather(...tasks, { returnExceptions: true });
  print(" end", events, r(sem), "held", held);
  print(" outcomes", res.map((x) => (x instanceof aio.CancelledError ? "C" : x === "V" ? "V" : ".")).join(""));
});

await aio.run(function* () {
  yield* run(false, 1, 60);
  yield* run(false, 2, 60);
  yield* run(true, 2, 60);
  yield* run(true, 3, 80);
});
