import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of adv_sync_fuzz_locks.mjs.
// Deterministic pseudo-random stress of Lock, Semaphore(2), BoundedSemaphore(2), Condition and
// Event: worker tasks that acquire, hold for a few iterations and release (some resist one
// cancellation), main-task releases and over-releases, Event set/clear, Condition notify(n) and
// notifyAll, and cancellations of waiting, just-woken and holding tasks, interleaved with single
// loop iterations. Every outcome is logged per round with the primitive's state.
class LCG {
  constructor(seed) {
    this.x = BigInt(seed);
  }
  next(n) {
    this.x = (this.x * 1103515245n + 12345n) % 2147483648n;
    return Number((this.x >> 8n) % BigInt(n));
  }
}

const state = (p) => {
  const s = String(p);
  return s.slice(s.indexOf("["), -1);
};

const run = aio.coroutine(async function (kind, seed) {
  const rnd = new LCG(seed);
  const p = {
    Lock: () => new aio.Lock(),
    Semaphore: () => new aio.Semaphore(2),
    BoundedSemaphore: () => new aio.BoundedSemaphore(2),
    Condition: () => new aio.Condition(),
    Event: () => new aio.Event(),
  }[kind]();
  const tasks = [];
  const events = [];
  let counter = 0;
  const isCancel = (e) => e instanceof aio.CancelledError;

  const worker = aio.coroutine(async function (name, hold, holdout) {
    try {
      if (kind === "Event") {
        await p.wait();
        events.push(`${name}:woke`);
        return;
      }
      if (kind === "Condition") {
        await p.with(async function () {
          events.push(`${name}:in`);
          await p.wait();
          events.push(`${name}:notified`);
          for (let i = 0; i < hold; i++) await aio.sleep(0);
        });
        events.push(`${name}:out`);
        return;
      }
      await p.acquire();
    } catch (e) {
      if (isCancel(e)) events.push(`${name}:cancelled waiting`);
      throw e;
    }
    events.push(`${name}:acquired`);
    try {
      for (let i = 0; i < hold; i++) {
        try {
          await aio.sleep(0);
        } catch (e) {
          if (!isCancel(e) || !holdout) throw e;
          holdout = false;
          aio.currentTask().uncancel();
          events.push(`${name}:resisted`);
        }
      }
    } catch (e) {
      if (isCancel(e)) events.push(`${name}:cancelled holding`);
      throw e;
    } finally {
      try {
        p.release();
        events.push(`${name}:released`);
      } catch (e) {
        if (e instanceof aio.RuntimeError) events.push(`${name}:release RuntimeError`);
        else if (e instanceof RangeError) events.push(`${name}:release refused`);
        else throw e;
      }
    }
  });

  const lines = [];
  for (let step = 0; step < 80; step++) {
    const op = rnd.next(10);
    if (op < 3) {
      counter += 1;
      tasks.push(aio.createTask(worker(`w${counter}`, rnd.next(3), rnd.next(3) === 0)));
    } else if (op === 3) {
      const pending = tasks.filter((t) => !t.done());
      if (pending.length > 0) {
        const i = rnd.next(pending.length);
        events.push(`main:cancel ${i}/${pending.length}`);
        pending[i].cancel();
      }
    } else if (op === 4) {
      if (kind === "Event") {
        p.set();
        events.push("main:set");
      } else if (kind === "Condition") {
        const n = rnd.next(3);
        if (p.locked()) events.push("main:lock busy");
        else {
          await p.acquire();
          if (n === 2) p.notifyAll();
          else p.notify(n + 1);
          p.release();
          events.push(`main:notify ${n}`);
        }
      } else {
        try {
          p.release();
          events.push("main:release");
        } catch (e) {
          if (e instanceof aio.RuntimeError) events.push("main:release RuntimeError");
          else if (e instanceof RangeError) events.push("main:release refused");
          else throw e;
        }
      }
    } else if (op === 5 && kind === "Event") {
      p.clear();
      events.push("main:clear");
    } else {
      await aio.sleep(0);
      lines.push(`  [${step}] ` + events.join(" ") + " | " + state(p));
      events.length = 0;
    }
  }
  for (const t of tasks) t.cancel();
  await aio.gather(...tasks, { returnExceptions: true });
  lines.push("  end " + events.join(" ") + " | " + state(p));
  print(`-- ${kind} seed ${seed}`);
  for (const line of lines) print(line);
});

await aio.run(async function () {
  for (const kind of ["Lock", "Semaphore", "BoundedSemaphore", "Condition", "Event"]) {
    for (const seed of [5, 11]) await run(kind, seed);
  }
});
