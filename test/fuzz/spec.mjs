// Differential fuzzing: a random asyncio program as a JSON spec, from a seed (the benchmark LCG).
// interp.py runs it on CPython's asyncio, interp.mjs / interpasync.mjs on aionode; the fuzz test
// (test/fuzz.test.ts) compares the traces. Ops (see interp.py):
//   s sleep(0) | p print cancelling() | u uncancel() | c cancel(task j, msg) | a await task j |
//   g gather(tasks, returnExceptions) | sh shield(task j) | wf waitFor(task j, timeout) |
//   w wait(tasks, returnWhen) | to timeout(delay) block | tg TaskGroup block with children |
//   catch: a block that catches CancelledError and goes on | lk: a block holding a Lock |
//   ac: asCompleted over tasks | ev/es Event wait/set | qp/qg Queue putNowait/get |
//   r raise ValueError | ret return a value | sem: a block holding a Semaphore (value 2) or a
//   BoundedSemaphore (value 1) | sr release a semaphore outright | cw/cn Condition wait / notify(n)
//   or notifyAll | bw/ba/br Barrier wait / abort / reset | qpa Queue put (waits while full) |
//   qn getNowait | qj join | tr/te inside a timeout block: reschedule (now, never, far) / expired() |
//   cs callSoon(cb) | cl callLater(0 or 10 s, cb) | hc cancel a handle made so far (cb prints).
// Queues are FIFO, LIFO or priority, unbounded or of size 2; qg and qn call taskDone after a get.
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
  const nSems = 1 + int(2);
  const nConds = 1 + int(2);
  const parties = 2 + int(2);
  const queueKinds = [];
  for (let i = 0; i < nQueues; i++) queueKinds.push([pick(["Q", "L", "P"]), pick([0, 0, 2])]);
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

  /** The second half of the op set: semaphores, conditions, the barrier, more of the queues. */
  function opMore(self, depth, inTimeout) {
    const r = rnd();
    if (r < 0.3 && depth < 2) return ["sem", int(nSems), ops(self, depth + 1, 1 + int(3), true, inTimeout)];
    if (r < 0.36) return ["sr", int(nSems)];
    if (r < 0.48) return ["cw", int(nConds)];
    if (r < 0.58) return ["cn", int(nConds), pick([1, 2, null])];
    if (r < 0.72) return ["bw"];
    if (r < 0.74) return ["ba"];
    if (r < 0.76) return ["br"];
    if (r < 0.84) return ["qpa", int(nQueues), int(100)];
    if (r < 0.92) return ["qn", int(nQueues)];
    return ["qj", int(nQueues)];
  }

  function op(self, depth, nested, inTimeout) {
    if (inTimeout && rnd() < 0.25) return rnd() < 0.7 ? ["tr", pick(["now", null, "far"])] : ["te"];
    if (rnd() < 0.3) return opMore(self, depth, inTimeout);
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
    if (r < 0.59 && depth < 2) return ["to", pick([0, 10]), ops(self, depth + 1, 1 + int(4), true, true)];
    if (r < 0.64 && depth < 2) {
      const children = [];
      for (let i = 0, n = 1 + int(3); i < n; i++) children.push(actorSpec(`k${childCount++}`, self, depth + 1));
      return ["tg", children, ops(self, depth + 1, 1 + int(3), true, inTimeout)];
    }
    if (r < 0.69 && depth < 2) return ["catch", ops(self, depth + 1, 1 + int(4), true, inTimeout)];
    if (r < 0.73 && depth < 2) return ["lk", int(nLocks), ops(self, depth + 1, 1 + int(3), true, inTimeout)];
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

  function ops(self, depth, n, nested, inTimeout) {
    const out = [];
    for (let i = 0; i < n; i++) {
      const o = op(self, depth, nested, inTimeout);
      out.push(o);
      if (o[0] === "r" || o[0] === "ret") break;
    }
    return out;
  }

  function actorSpec(name, self, depth) {
    return { name, ops: ops(self, depth, 3 + int(8), false, false), swallow: rnd() < 0.3 };
  }

  const tasks = [];
  for (let i = 0; i < nTasks; i++) tasks.push(actorSpec(`t${i}`, i, 0));
  const main = [];
  for (let i = 0, n = 4 + int(12); i < n; i++) {
    const r = rnd();
    if (r < 0.6) main.push(["s"]);
    else if (r < 0.75) main.push(["c", int(nTasks), pick([null, "main" + int(10)])]);
    else if (r < 0.8) main.push(["es", int(nEvents)]);
    else if (r < 0.85) main.push(["cn", int(nConds), pick([1, 2, null])]);
    else if (r < 0.86) main.push(["ba"]);
    else main.push(["qp", int(nQueues), int(100)]);
  }
  const spec = { tasks, main, events: nEvents, queues: queueKinds, locks: nLocks, sems: nSems, conds: nConds, parties, drain: 200 };
  addCallbacks(spec, seed);
  return spec;
}

/**
 * Plain callbacks beside the tasks: cs, cl and hc ops inserted into every op list (main's, the
 * tasks', the children's and the blocks'), each callback printing when it runs, so the traces
 * pin where callSoon entries and due timers run among task steps, and which cancelled handles
 * never run. They come from a second stream of the seed, so the ops above stay what they were.
 */
function addCallbacks(spec, seed) {
  const rnd = lcg(seed ^ 0x5bd1e995);
  const int = (n) => Math.floor(rnd() * n);
  const callbackOp = () => {
    const r = rnd();
    if (r < 0.4) return ["cs"];
    if (r < 0.75) return ["cl", r < 0.65 ? 0 : 10];
    return ["hc", int(8)];
  };
  const visit = (ops) => {
    for (const o of ops) {
      if (o[0] === "to" || o[0] === "lk" || o[0] === "sem") visit(o[2]);
      else if (o[0] === "catch") visit(o[1]);
      else if (o[0] === "tg") {
        for (const child of o[1]) visit(child.ops);
        visit(o[2]);
      }
    }
    for (let i = ops.length; i >= 0; i--) if (rnd() < 0.12) ops.splice(i, 0, callbackOp());
  };
  visit(spec.main);
  for (const t of spec.tasks) visit(t.ops);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(JSON.stringify(makeSpec(Number(process.argv[2] ?? 1))));
}
