#!/usr/bin/env node
// Micro operations of aionode with benchmark.js (the `benchmark` package), beside the workloads
// of bench/workloads.mjs:
//
//   node bench/micro.mjs [aionode|node] [--quick]     (npm run build first: imports dist/)
//
//   callSoon + run        a callSoon whose callback then runs on the (running) loop
//   Future create+resolve createFuture() + setResult()
//   Task create+complete  createTask() of a generator coroutine that returns at once, until done
//   callLater + cancel    callLater(10 s) + cancel()
//
// `aionode` (the default) measures them on the backend AIONODE_BACKEND selects (bench/run.mjs
// runs it once per backend); `node` measures the nearest Node built-ins for scale: setImmediate,
// a Promise and its resolve function, an async function that returns, setTimeout + clearTimeout.
//
// HOW: a loop runs forever in the background (runForever) while benchmark.js runs its cycles from
// Node's timers. Each benchmark is deferred: one benchmark.js op is BATCH operations done from the
// loop's callbacks (as real code does them: callLater from outside the loop also has to wake it),
// resolved when the last one has run, so a wake-up's cost is shared by BATCH operations. ops/s is
// benchmark.js's hz times BATCH; the relative margin of error (rme, %) is benchmark.js's own.
// Prints ONE JSON object on stdout: { variant, backend, results: [{ name, hz, rme, samples }] }.
import Benchmark from "benchmark";

const BATCH = 1000;
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const variant = args.find((a) => !a.startsWith("--")) ?? "aionode";
if (variant !== "aionode" && variant !== "node") {
  process.stderr.write(`unknown variant ${JSON.stringify(variant)}: aionode or node\n`);
  process.exit(2);
}
const options = { maxTime: quick ? 0.5 : 2, minSamples: quick ? 5 : 20 };

/**
 * The four operations: [name, benchmark.js options]. Every one is a deferred benchmark of BATCH
 * operations run on the loop (from its callbacks, as real code runs them); the last entry keeps the
 * created objects observable so that V8 cannot drop them.
 */
function aionodeCases(aio, loop) {
  const noop = () => {};
  let pending = null;
  let sink = null;
  const finish = () => pending.resolve();
  function* returns() {
    return 1;
  }
  const futures = () => {
    for (let i = 0; i < BATCH; i++) {
      sink = loop.createFuture();
      sink.setResult(i);
    }
    pending.resolve();
  };
  const timers = () => {
    for (let i = 0; i < BATCH; i++) loop.callLater(10, noop).cancel();
    pending.resolve();
  };
  /** A deferred benchmark whose op is `body` run as one loop callback (BATCH operations). */
  const inLoop = (body) => ({
    defer: true,
    fn(deferred) {
      pending = deferred;
      loop.callSoon(body);
    },
  });
  return [
    [
      "callSoon + run",
      {
        defer: true,
        fn(deferred) {
          pending = deferred;
          for (let i = 1; i < BATCH; i++) loop.callSoon(noop);
          loop.callSoon(finish);
        },
      },
    ],
    ["Future create + resolve", inLoop(futures)],
    [
      "Task create + complete",
      {
        defer: true,
        fn(deferred) {
          pending = deferred;
          let t;
          for (let i = 0; i < BATCH; i++) t = loop.createTask(returns());
          t.addDoneCallback(finish);
        },
      },
    ],
    ["callLater + cancel", inLoop(timers)],
    ["_sink", () => sink],
  ];
}

function nodeCases() {
  const noop = () => {};
  let pending = null;
  let left = 0;
  let sink = null;
  const countdown = () => {
    if (--left === 0) pending.resolve();
  };
  const returns = async () => 1;
  let resolveFn = null;
  const capture = (r) => {
    resolveFn = r;
  };
  const promises = () => {
    for (let i = 0; i < BATCH; i++) {
      sink = new Promise(capture);
      resolveFn(i);
    }
    pending.resolve();
  };
  const timers = () => {
    for (let i = 0; i < BATCH; i++) clearTimeout(setTimeout(noop, 10_000));
    pending.resolve();
  };
  /** A deferred benchmark whose op is `body` run as one setImmediate callback (BATCH operations). */
  const inLoop = (body) => ({
    defer: true,
    fn(deferred) {
      pending = deferred;
      setImmediate(body);
    },
  });
  return [
    [
      "callSoon + run",
      {
        defer: true,
        fn(deferred) {
          pending = deferred;
          left = BATCH;
          for (let i = 0; i < BATCH; i++) setImmediate(countdown);
        },
      },
    ],
    ["Future create + resolve", inLoop(promises)],
    [
      "Task create + complete",
      {
        defer: true,
        fn(deferred) {
          pending = deferred;
          left = BATCH;
          for (let i = 0; i < BATCH; i++) returns().then(countdown);
        },
      },
    ],
    ["callLater + cancel", inLoop(timers)],
    ["_sink", () => sink],
  ];
}

async function main() {
  let backend = null;
  let loop = null;
  let running = null;
  let cases;
  if (variant === "aionode") {
    const aio = await import("aionode");
    backend = aio.backend;
    loop = aio.newEventLoop();
    aio.setEventLoop(loop);
    running = loop.runForever();
    cases = aionodeCases(aio, loop);
  } else {
    cases = nodeCases();
  }
  const results = [];
  for (const [name, opts] of cases) {
    if (name === "_sink") continue;
    const bench = new Benchmark(name, { ...options, ...opts });
    await new Promise((resolve) => {
      bench.on("complete", resolve);
      bench.run({ async: true });
    });
    if (bench.error) throw bench.error;
    results.push({ name, hz: bench.hz * BATCH, rme: bench.stats.rme, samples: bench.stats.sample.length });
  }
  if (loop !== null) {
    // From inside the loop: a stop() called from a Node callback while the loop idles does not
    // wake it (asyncio's stop() is likewise meant to be called from a callback of the loop).
    loop.callSoon(() => loop.stop());
    await running;
    loop.close();
  }
  return { variant, backend, batch: BATCH, results };
}

try {
  const out = await main();
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
}
