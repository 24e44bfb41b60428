#!/usr/bin/env node
// Quick measurement (the seed of bench/): W1 callsoon, W2 tasks (both coroutine styles),
// W3 queue ping-pong (both coroutine styles), W4 timer churn, for aionode and for the plain-Node
// equivalent, each run in a fresh process, several runs, medians (min-max).
// Usage: node bench/quick.mjs [--runs N] [--only W3[,W4...]]
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

/** W3 on aionode: tasks A and B exchange 200,000 round trips through two Queues (either coroutine style). */
async function aionodeW3(aio, playerA, playerB) {
  const N = 200_000;
  let t0 = 0;
  const [sum, count] = await aio.run(function* () {
    const q1 = new aio.Queue();
    const q2 = new aio.Queue();
    t0 = performance.now();
    return yield* aio.gather(playerA(q1, q2, N), playerB(q1, q2, N));
  });
  const dt = (performance.now() - t0) / 1000;
  if (sum !== (N * (N + 1)) / 2 || count !== N) throw new Error(`sum ${sum} count ${count}`);
  return { value: N / dt, unit: "round trips/s" };
}

/** W3's Node contender: the smallest idiomatic promise-based async queue (unbounded, like W3's). */
class NodeAsyncQueue {
  constructor() {
    this.items = [];
    this.waiters = [];
  }
  put(item) {
    if (this.waiters.length > 0) this.waiters.shift()(item);
    else this.items.push(item);
  }
  get() {
    if (this.items.length > 0) return Promise.resolve(this.items.shift());
    return new Promise((resolve) => this.waiters.push(resolve));
  }
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
  async "W3:aionode-generator"() {
    const aio = await import("aionode");
    return aionodeW3(
      aio,
      aio.coroutine(function* (q1, q2, n) {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          yield* q1.put(i);
          sum += yield* q2.get();
        }
        return sum;
      }),
      aio.coroutine(function* (q1, q2, n) {
        let count = 0;
        for (let i = 0; i < n; i++) {
          const v = yield* q1.get();
          yield* q2.put(v + 1);
          count++;
        }
        return count;
      }),
    );
  },
  async "W3:aionode-async"() {
    const aio = await import("aionode");
    return aionodeW3(
      aio,
      aio.coroutine(async (q1, q2, n) => {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          await q1.put(i);
          sum += await q2.get();
        }
        return sum;
      }),
      aio.coroutine(async (q1, q2, n) => {
        let count = 0;
        for (let i = 0; i < n; i++) {
          const v = await q1.get();
          await q2.put(v + 1);
          count++;
        }
        return count;
      }),
    );
  },
  async "W3:node-async-queue"() {
    const N = 200_000;
    const q1 = new NodeAsyncQueue();
    const q2 = new NodeAsyncQueue();
    const a = async () => {
      let sum = 0;
      for (let i = 0; i < N; i++) {
        q1.put(i);
        sum += await q2.get();
      }
      return sum;
    };
    const b = async () => {
      let count = 0;
      for (let i = 0; i < N; i++) {
        const v = await q1.get();
        q2.put(v + 1);
        count++;
      }
      return count;
    };
    const t0 = performance.now();
    const [sum, count] = await Promise.all([a(), b()]);
    const dt = (performance.now() - t0) / 1000;
    if (sum !== (N * (N + 1)) / 2 || count !== N) throw new Error(`sum ${sum} count ${count}`);
    return { value: N / dt, unit: "round trips/s" };
  },
  async "W4:aionode"() {
    const aio = await import("aionode");
    const { N, delays, noop } = w4Setup();
    const rss0 = process.memoryUsage().rss;
    let t0 = 0;
    let peak = 0;
    let nativeBytes;
    await aio.run(function* () {
      const loop = aio.getRunningLoop();
      t0 = performance.now();
      const hs = new Array(N);
      for (let i = 0; i < N; i++) hs[i] = loop.callLater(delays[i], noop);
      peak = process.memoryUsage().rss;
      // The native wheel's own bytes per pending timer (its commands applied: one advance).
      if (aio.backend === "native") {
        loop._timers.nextDeadline();
        nativeBytes = loop._timers.nativeBytes / N;
      }
      for (let i = 0; i < N; i += 2) hs[i].cancel();
      for (let i = 1; i < N; i += 2) hs[i].cancel();
      yield* aio.sleep(0);
    });
    const dt = (performance.now() - t0) / 1000;
    return { value: (2 * N) / dt, unit: "ops/s", rssMB: (peak - rss0) / 2 ** 20, nativeBytesPerTimer: nativeBytes };
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
const onlyArg = process.argv.indexOf("--only");
const ONLY = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(",")) : null;
const groups = [
  ["W1", ["W1:aionode", "W1:node-setImmediate", "W1:node-queueMicrotask"], "W1:node-setImmediate"],
  ["W2", ["W2:aionode-generator", "W2:aionode-async", "W2:node-async-setImmediate"], "W2:node-async-setImmediate"],
  ["W3", ["W3:aionode-generator", "W3:aionode-async", "W3:node-async-queue"], "W3:node-async-queue"],
  ["W4", ["W4:aionode", "W4:node-setTimeout"], "W4:node-setTimeout"],
].filter(([w]) => ONLY === null || ONLY.has(w));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (v) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(1));
// Every aionode contender runs once per backend (forced with AIONODE_BACKEND), in the same run.
const { backendReason } = await import("aionode");
const BACKENDS = ["native", "js"];
console.log(`aionode quick bench — node ${process.version}, ${RUNS} runs each, contenders interleaved (native: ${backendReason})`);
for (const [w, names, baseline] of groups) {
  const rows = names.flatMap((n) => (n.includes(":aionode") ? BACKENDS.map((b) => [n, b]) : [[n, null]]));
  const label = ([n, b]) => (b === null ? n : `${n} [${b}]`);
  const results = Object.fromEntries(rows.map((r) => [label(r), []]));
  for (let r = 0; r < RUNS; r++) {
    for (const row of rows) {
      const env = row[1] === null ? process.env : { ...process.env, AIONODE_BACKEND: row[1] };
      const out = execFileSync(process.execPath, ["--expose-gc", self, "--child", row[0]], { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] });
      results[label(row)].push(JSON.parse(out));
    }
  }
  const base = median(results[baseline].map((x) => x.value));
  console.log(`\n${w}`);
  for (const row of rows) {
    const n = label(row);
    const vals = results[n].map((x) => x.value);
    const m = median(vals);
    let line = `  ${n.padEnd(36)} ${fmt(m).padStart(8)} ${results[n][0].unit.padEnd(12)} (${fmt(Math.min(...vals))}-${fmt(Math.max(...vals))})  x${(m / base).toFixed(2)} vs ${baseline.split(":")[1]}`;
    if (results[n][0].rssMB !== undefined) line += `  peak RSS +${median(results[n].map((x) => x.rssMB)).toFixed(0)} MB`;
    if (results[n][0].nativeBytesPerTimer !== undefined) line += `, native ${median(results[n].map((x) => x.nativeBytesPerTimer)).toFixed(0)} B/timer`;
    console.log(line);
  }
}
