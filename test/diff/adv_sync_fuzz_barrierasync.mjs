import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of adv_sync_fuzz_barrier.mjs.
// Deterministic pseudo-random stress of Barrier(3): parties that pass it once or twice,
// cancellations while filling, draining or blocked, reset() and abort() from helper tasks,
// interleaved with single loop iterations. Each round logs the outcomes and the barrier's state.
class LCG {
  constructor(seed) {
    this.x = BigInt(seed);
  }
  next(n) {
    this.x = (this.x * 1103515245n + 12345n) % 2147483648n;
    return Number((this.x >> 8n) % BigInt(n));
  }
}

const py = (v) => (v ? "True" : "False");
const state = (b) => {
  const s = String(b);
  return s.slice(s.indexOf("["), -1) + ` n_waiting=${b.nWaiting} broken=${py(b.broken)}`;
};

const run = aio.coroutine(async function (seed) {
  const rnd = new LCG(seed);
  const b = new aio.Barrier(3);
  const tasks = [];
  const events = [];
  let counter = 0;

  const party = aio.coroutine(async function (name, rounds) {
    for (let r = 0; r < rounds; r++) {
      let i;
      try {
        i = await b.wait();
      } catch (e) {
        if (e instanceof aio.CancelledError) {
          events.push(`${name}:cancelled`);
          throw e;
        }
        if (e instanceof aio.BrokenBarrierError) {
          events.push(`${name}:broken(${e.message})`);
          return;
        }
        throw e;
      }
      events.push(`${name}:passed${r}=${i}`);
    }
  });

  const helper = aio.coroutine(async function (what) {
    await b[what]();
    events.push(`${what} done`);
  });

  const lines = [];
  for (let step = 0; step < 70; step++) {
    const op = rnd.next(12);
    if (op < 4) {
      counter += 1;
      tasks.push(aio.createTask(party(`p${counter}`, 1 + rnd.next(2))));
    } else if (op < 6) {
      const pending = tasks.filter((t) => !t.done());
      if (pending.length > 0) {
        const i = rnd.next(pending.length);
        events.push(`main:cancel ${i}/${pending.length}`);
        pending[i].cancel();
      }
    } else if (op === 6) {
      tasks.push(aio.createTask(helper("reset")));
    } else if (op === 7 && rnd.next(3) === 0) {
      tasks.push(aio.createTask(helper("abort")));
    } else {
      await aio.sleep(0);
      lines.push(`  [${step}] ` + events.join(" ") + " | " + state(b));
      events.length = 0;
    }
  }
  for (const t of tasks) t.cancel();
  await aio.gather(...tasks, { returnExceptions: true });
  lines.push("  end " + events.join(" ") + " | " + state(b));
  print(`-- seed ${seed}`);
  for (const line of lines) print(line);
});

await aio.run(async function () {
  for (const seed of [2, 9, 21]) await run(seed);
});
