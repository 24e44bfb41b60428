import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of adv_sync_fuzz_queue.mjs.
// Deterministic pseudo-random stress of Queue / LifoQueue / PriorityQueue with maxsize 1-2:
// getter and putter tasks, putNowait/getNowait from the main task, cancellations of waiting
// and of just-woken tasks, all interleaved with single loop iterations. Every outcome is logged
// per round; the queue's contents and the unfinished count must agree at each step.
class LCG {
  constructor(seed) {
    this.x = BigInt(seed);
  }
  next(n) {
    this.x = (this.x * 1103515245n + 12345n) % 2147483648n;
    return Number((this.x >> 8n) % BigInt(n));
  }
}

const run = aio.coroutine(async function (kind, maxsize, seed) {
  const rnd = new LCG(seed);
  const q = new { Queue: aio.Queue, LifoQueue: aio.LifoQueue, PriorityQueue: aio.PriorityQueue }[kind](maxsize);
  const tasks = [];
  const events = [];
  let counter = 0;

  const getter = aio.coroutine(async function (name) {
    let v;
    try {
      v = await q.get();
    } catch (e) {
      if (e instanceof aio.CancelledError) events.push(`${name}:cancelled`);
      throw e;
    }
    events.push(`${name}:got ${v}`);
  });

  const putter = aio.coroutine(async function (name, v) {
    try {
      await q.put(v);
    } catch (e) {
      if (e instanceof aio.CancelledError) events.push(`${name}:cancelled`);
      throw e;
    }
    events.push(`${name}:put ${v}`);
  });

  const py = (b) => (b ? "True" : "False");
  const lines = [];
  for (let step = 0; step < 60; step++) {
    const op = rnd.next(10);
    if (op < 2) {
      counter += 1;
      tasks.push(aio.createTask(getter(`g${counter}`)));
    } else if (op < 4) {
      counter += 1;
      tasks.push(aio.createTask(putter(`p${counter}`, rnd.next(50))));
    } else if (op === 4) {
      const v = rnd.next(50);
      try {
        q.putNowait(v);
        events.push(`main:put_nowait ${v}`);
      } catch (e) {
        if (!(e instanceof aio.QueueFull)) throw e;
        events.push("main:QueueFull");
      }
    } else if (op === 5) {
      try {
        events.push(`main:get_nowait ${q.getNowait()}`);
      } catch (e) {
        if (!(e instanceof aio.QueueEmpty)) throw e;
        events.push("main:QueueEmpty");
      }
    } else if (op === 6) {
      const pending = tasks.filter((t) => !t.done());
      if (pending.length > 0) {
        const i = rnd.next(pending.length);
        events.push(`main:cancel ${i}/${pending.length}`);
        pending[i].cancel();
      }
    } else if (op === 7) {
      try {
        q.taskDone();
        events.push("main:task_done");
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        events.push("main:task_done ValueError");
      }
    } else {
      await aio.sleep(0);
      lines.push(`  [${step}] ` + events.join(" ") + ` | size=${q.qsize()} full=${py(q.full())} empty=${py(q.empty())}`);
      events.length = 0;
    }
  }
  for (const t of tasks) t.cancel();
  await aio.gather(...tasks, { returnExceptions: true });
  lines.push("  end " + events.join(" ") + ` | size=${q.qsize()}`);
  const rest = [];
  while (!q.empty()) rest.push(q.getNowait());
  lines.push(`  rest [${rest.join(", ")}]`);
  print(`-- ${kind}(${maxsize}) seed ${seed}`);
  for (const line of lines) print(line);
});

await aio.run(async function () {
  for (const kind of ["Queue", "LifoQueue", "PriorityQueue"]) {
    for (const [maxsize, seed] of [[1, 1], [2, 7], [0, 3]]) await run(kind, maxsize, seed);
  }
});
