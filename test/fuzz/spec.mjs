// Differential fuzzing: a random asyncio program as a JSON spec, from a seed (the benchmark LCG).
// interp.py runs it on CPython's asyncio, interp.mjs / interpasync.mjs on aionode; the fuzz test
// (test/fuzz.test.ts) compares the traces. Ops (see interp.py):
//   s sleep(0) | p print cancelling() | u uncancel() | c cancel(task j, msg) | a await task j |
//   g gather(tasks, returnExceptions) | sh shield(task j) | wf waitFor(task j, timeout) |
//   w wait(tasks, returnWhen) | to timeout(delay) block | tg TaskGroup block with children |
//   catch: a block that catches CancelledError and goes on | lk: a block holding a Lock |
//   ac: asCompleted over tasks | ev/es Event wait/set | qp/qg Queue putNowait/get |
//   r raise ValueError | ret return a value.
// Awaits only go to tasks with a higher index (no cycles), blocks nest at most twice, and the
// delays of timeout() and waitFor() are 0 (expires at once, deterministically) or 10 s (never
// expires), so a trace never depends on the clock. main only sleeps, cancels, sets and puts (it never
// blocks), then sets every event, fills the queues and cancels what is left, so every program ends.

function lcg(seed) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

export function makeSpec(seed) {
  const rnd = lcg(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (xs) => xs[int(xs.length)];
  const nTasks = 3 + int(5);
  const nEvents = 1 + int(2);
  const nQueues = 1 + int(2);
  const nLocks = 1 + int(2);
  let childCount = 0;

  /** Some distinct task indices above `self` (all tasks when self is -1). */
  function targets(self, max) {
    const pool = [];
    for (let j = self + 1; j < nTasks; j++) pool.push(j);
    const out = [];
    const n = Math.min(pool.length, 1 + int(max));
    while (out.length < n) {
      const j = pool.splice(int(pool.length), 1)[0];
      out.push(j);
    }
    return out;
  }

  function op(self, depth, nested) {
    const r = rnd();
    const higher = self + 1 < nTasks;
    if (r < 0.2) return ["s"];
    if (r < 0.24) return ["p"];
    if (r < 0.26) return ["u"];
    if (r < 0.31) return ["c", int(nTasks), pick([null, "m" + int(10)])];
    if (r < 0.37 && higher) return ["a", targets(self, 1)[0]];
    if (r < 0.43 && higher) return ["g", targets(self, 3), rnd() < 0.5];
    if (r < 0.46 && higher) return ["sh", targets(self, 1)[0]];
    if (r < 0.5 && higher) return ["wf", targets(self, 1)[0], pick([0, 10, null])];
    if (r < 0.54 && higher) return ["w", targets(self, 3), pick(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"])];
    if (r < 0.59 && depth < 2) return ["to", pick([0, 10]), ops(self, depth + 1, 1 + int(4), true)];
    if (r < 0.64 && depth < 2) {
      const children = [];
      for (let i = 0, n = 1 + int(3); i < n; i++) children.push(actorSpec(`k${childCount++}`, self, depth + 1));
      return ["tg", children, ops(self, depth + 1, 1 + int(3), true)];
    }
    if (r < 0.69 && depth < 2) return ["catch", ops(self, depth + 1, 1 + int(4), true)];
    if (r < 0.73 && depth < 2) return ["lk", int(nLocks), ops(self, depth + 1, 1 + int(3), true)];
    // One task only: asyncio's as_completed() registers on a set of futures, so those already done
    // come out in hash order (memory addresses), which no other implementation can reproduce.
    if (r < 0.76 && higher) return ["ac", targets(self, 1)];
    if (r < 0.8) return ["ev", int(nEvents)];
    if (r < 0.84) return ["es", int(nEvents)];
    if (r < 0.88) return ["qp", int(nQueues), int(100)];
    if (r < 0.92) return ["qg", int(nQueues)];
    if (r < 0.95) return ["r", "e" + int(100)];
    if (!nested) return ["ret", int(100)];
    return ["s"];
  }

  function ops(self, depth, n, nested) {
    const out = [];
    for (let i = 0; i < n; i++) {
      const o = op(self, depth, nested);
      out.push(o);
      if (o[0] === "r" || o[0] === "ret") break;
    }
    return out;
  }

  function actorSpec(name, self, depth) {
    return { name, ops: ops(self, depth, 3 + int(8), false), swallow: rnd() < 0.3 };
  }

  const tasks = [];
  for (let i = 0; i < nTasks; i++) tasks.push(actorSpec(`t${i}`, i, 0));
  const main = [];
  for (let i = 0, n = 4 + int(12); i < n; i++) {
    const r = rnd();
    if (r < 0.6) main.push(["s"]);
    else if (r < 0.75) main.push(["c", int(nTasks), pick([null, "main" + int(10)])]);
    else if (r < 0.85) main.push(["es", int(nEvents)]);
    else main.push(["qp", int(nQueues), int(100)]);
  }
  return { tasks, main, events: nEvents, queues: nQueues, locks: nLocks, drain: 200 };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(JSON.stringify(makeSpec(Number(process.argv[2] ?? 1))));
}
