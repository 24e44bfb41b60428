#!/usr/bin/env node
// Quick measurement (the seed of bench/): W1 callsoon, W2 tasks (both coroutine styles),
// W4 timer churn, for aionode and for the plain-Node equivalent, each run in a fresh process,
// several runs, medians (min-max). Usage: node bench/quick.mjs [--runs N]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const LCG_SEED = 12345;
function* lcg(seed = LCG_SEED) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    yield x / 4294967296;
  }
}

/** W1 with a Node scheduling primitive: a burst of 1M callbacks, each incrementing a counter. */
async function nodeBurst(schedule) {
  const N = 1_000_000;
  let count = 0;
  const t0 = performance.now();
  await new Promise((resolve) => {
    const inc = () => {
      if (++count === N) resolve();
    };
    for (let i = 0; i < N; i++) schedule(inc);
  });
  return { value: N / ((performance.now() - t0) / 1000), unit: "callbacks/s" };
}

/** W4's inputs: 1M delays uniform in [1 s, 100 s) from the shared LCG, and a callback that must never run. */
function w4Setup() {
  const N = 1_000_000;
  const rnd = lcg();
  const delays = new Float64Array(N);
  for (let i = 0; i < N; i++) delays[i] = 1 + 99 * rnd.next().value;
  const noop = () => {
    throw new Error("fired");
  };
  return { N, delays, noop };
}

/** W2 on aionode: 100,000 tasks running `work(i)` (either coroutine style), gathered. */
async function aionodeW2(aio, work) {
  const N = 100_000;
  let t0 = 0;
  const sum = await aio.run(function* () {
    t0 = performance.now();
    const tasks = new Array(N);
    for (let i = 0; i < N; i++) tasks[i] = aio.createTask(work(i));
    const res = yield* aio.gather(...tasks);
    let s = 0;
    for (const r of res) s += r;
    return s;
  });
  const dt = (performance.now() - t0) / 1000;
  if (sum !== (N * (N - 1)) / 2) throw new Error(`sum ${sum}`);
  return { value: N / dt, unit: "tasks/s" };
}

// ------------------------------------------------------------------ workloads (run in a child)
const workloads = {
  async "W1:aionode"() {
    const aio = await import("aionode");
    const N = 1_000_000;
    let count = 0;
    const inc = () => {
      count++;
    };
    let t0 = 0;
    await aio.run(function* () {
      const loop = aio.getRunningLoop();
      const done = loop.createFuture();
      t0 = performance.now();
      for (let i = 0; i < N; i++) loop.callSoon(inc);
      loop.callSoon(() => done.setResult(undefined));
      yield* done;
    });
    const dt = (performance.now() - t0) / 1000;
    if (count !== N) throw new Error(`count ${count}`);
    return { value: N / dt, unit: "callbacks/s" };
  },
  "W1:node-setImmediate": () => nodeBurst(setImmediate),
  "W1:node-queueMicrotask": () => nodeBurst(queueMicrotask),
  async "W2:aionode-generator"() {
    const aio = await import("aionode");
    return aionodeW2(
      aio,
      aio.coroutine(function* (i) {
        yield* aio.sleep(0);
        return i;
      }),
    );
  },
  async "W2:aionode-async"() {
    const aio = await import("aionode");
    return aionodeW2(
      aio,
      aio.coroutine(async (i) => {
        await aio.sleep(0);
        return i;
      }),
    );
  },
  async "W2:node-async-setImmediate"() {
    const N = 100_000;
    const hop = () => new Promise((r) => setImmediate(r));
    const work = async (i) => {
      await hop();
      return i;
    };
    const t0 = performance.now();
    const ps = new Array(N);
    for (let i = 0; i < N; i++) ps[i] = work(i);
    const res = await Promise.all(ps);
    let s = 0;
    for (const r of res) s += r;
    const dt = (performance.now() - t0) / 1000;
    if (s !== (N * (N - 1)) / 2) throw new Error(`sum ${s}`);
    return { value: N / dt, unit: "tasks/s" };
  },
  async "W4:aionode"() {
    const aio = await import("aionode");
    const { N, delays, noop } = w4Setup();
    const rss0 = process.memoryUsage().rss;
    let t0 = 0;
    let peak = 0;
    await aio.run(function* () {
      const loop = aio.getRunningLoop();
      t0 = performance.now();
      const hs = new Array(N);
      for (let i = 0; i < N; i++) hs[i] = loop.callLater(delays[i], noop);
      peak = process.memoryUsage().rss;
      for (let i = 0; i < N; i += 2) hs[i].cancel();
      for (let i = 1; i < N; i += 2) hs[i].cancel();
      yield* aio.sleep(0);
    });
    const dt = (performance.now() - t0) / 1000;
    return { value: (2 * N) / dt, unit: "ops/s", rssMB: (peak - rss0) / 2 ** 20 };
  },
  async "W4:node-setTimeout"() {
    const { N, delays, noop } = w4Setup();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const hs = new Array(N);
    for (let i = 0; i < N; i++) hs[i] = setTimeout(noop, delays[i] * 1000);
    const peak = process.memoryUsage().rss;
    for (let i = 0; i < N; i += 2) clearTimeout(hs[i]);
    for (let i = 1; i < N; i += 2) clearTimeout(hs[i]);
    const dt = (performance.now() - t0) / 1000;
    return { value: (2 * N) / dt, unit: "ops/s", rssMB: (peak - rss0) / 2 ** 20 };
  },
};

// ------------------------------------------------------------------ driver
if (process.argv[2] === "--child") {
  const r = await workloads[process.argv[3]]();
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const groups = [
  ["W1", ["W1:aionode", "W1:node-setImmediate", "W1:node-queueMicrotask"], "W1:node-setImmediate"],
  ["W2", ["W2:aionode-generator", "W2:aionode-async", "W2:node-async-setImmediate"], "W2:node-async-setImmediate"],
  ["W4", ["W4:aionode", "W4:node-setTimeout"], "W4:node-setTimeout"],
];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(1));
const { backend } = await import("aionode");
console.log(`aionode quick bench — backend ${backend}, node ${process.version}, ${RUNS} runs each, contenders interleaved`);
for (const [w, names, baseline] of groups) {
  const results = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const n of names) {
      const out = execFileSync(process.execPath, ["--expose-gc", self, "--child", n], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
      results[n].push(JSON.parse(out));
    }
  }
  const base = median(results[baseline].map((x) => x.value));
  console.log(`\n${w}`);
  for (const n of names) {
    const vals = results[n].map((x) => x.value);
    const m = median(vals);
    let line = `  ${n.padEnd(30)} ${fmt(m).padStart(8)} ${results[n][0].unit.padEnd(12)} (${fmt(Math.min(...vals))}-${fmt(Math.max(...vals))})  x${(m / base).toFixed(2)} vs ${baseline.split(":")[1]}`;
    if (results[n][0].rssMB !== undefined) line += `  peak RSS +${median(results[n].map((x) => x.rssMB)).toFixed(0)} MB`;
    console.log(line);
  }
}
