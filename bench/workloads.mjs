#!/usr/bin/env node
// Every Node-side workload of `npm run bench` (shared/BENCH.md, W1-W8), for aionode and for the
// best idiomatic hand-written Node equivalent.
//
//   node bench/workloads.mjs <W1..W8> <variant> [--quick]      (npm run build first: imports dist/)
//
// Variants: `aionode` (W1, W4, W5, W7, W8), `aionode-generator` / `aionode-async` (W2, W3, W6),
// `aionode-timersFirst` (W7: loop option timersFirst), `node` (all). The aionode backend is the one
// AIONODE_BACKEND selects (the driver, bench/run.mjs, runs each aionode variant on both).
//
// HOW: one invocation = one measurement in a fresh process. It runs the workload once and prints
// ONE JSON object on stdout (nothing else); on failure it prints nothing there, writes the reason
// on stderr and exits non-zero. `--quick` (always the last argument) runs a smoke-test size
// (CI runs it): W1, W2, W3, W5 and W6 at a fifth of their size, W4 200,000 timers, W7 0.5 s,
// W8 4 x 50,000 posts. Quick figures are not comparable with full ones.
//
// WHY it looks like this: every figure must be comparable with bench/py/workloads.py, so each
// workload follows the same steps in both languages: the same sizes, the same 32-bit LCG (seed
// 12345, x / 2^32) consumed in the same order, inputs prepared before the clock starts, the clock
// read at the same points from a monotonic clock (performance.now(), never a loop's cached time),
// and results checked (sums, counts) so that a fast wrong run cannot count.
//
// The `node` variants use what a good Node engineer would write with built-ins only:
//   W1 a setImmediate burst; W2 async functions awaiting a setImmediate hop; W3 a minimal
//   promise-based queue; W4/W5 setTimeout/clearTimeout; W6 async functions awaiting a setTimeout
//   promise; W7 setTimeout re-armed, producers on setImmediate; W8 worker_threads posting batches
//   of NODE_W8_BATCH numbers in a transferred Int32Array (one postMessage per batch), each number
//   then handled by a callback on the main thread.
//
// Memory ("peak RSS growth", MB = 2^20 bytes): on Linux the kernel's peak-RSS mark (VmHWM) is
// reset to the current RSS by writing 5 to /proc/self/clear_refs right before the measured part;
// growth = VmHWM at the measuring point - VmRSS at the reset (the Python side does the same).
// Elsewhere it falls back to process.resourceUsage().maxRSS, which cannot be reset.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

const self = fileURLToPath(import.meta.url);

// ------------------------------------------------------------------ shared helpers
/** The shared generator: x = (1664525*x + 1013904223) mod 2^32, value x / 2^32. */
export function lcg(seed = 12345) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

/** The percentile both sides use on sorted values: s[min(n-1, floor(n*p))]. */
const pct = (s, p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];

/** p50/p99/max/min of lateness values (µs) and the 101 quantiles 0%, 1%, ..., 100%. */
function latenessSummary(late) {
  const s = Float64Array.from(late).sort();
  const quantiles = new Array(101);
  for (let k = 0; k <= 100; k++) quantiles[k] = pct(s, k / 100);
  return { p50: pct(s, 0.5), p99: pct(s, 0.99), max: s[s.length - 1], min: s[0], quantiles };
}

function statusKb(field) {
  const m = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(readFileSync("/proc/self/status", "utf8"));
  if (m === null) throw new Error(`${field} not in /proc/self/status`);
  return Number(m[1]);
}

/** Peak RSS growth from start() to peakMB(): see the file comment. */
class PeakRss {
  start() {
    globalThis.gc?.();
    try {
      writeFileSync("/proc/self/clear_refs", "5");
      this.proc = true;
      this.base = statusKb("VmRSS");
    } catch {
      this.proc = false;
      this.base = process.resourceUsage().maxRSS;
    }
    return this;
  }
  peakMB() {
    const kb = this.proc ? statusKb("VmHWM") : process.resourceUsage().maxRSS;
    return (kb - this.base) / 1024;
  }
}

// W7's producers spin ~20 µs. Every performance.now() returns a fresh heap number: reading the
// clock in a tight loop (~400 reads per spin) made the young generation collect every ~10 ms, and
// those pauses showed up as timer lateness of the harness rather than of the loop under test.
// So the spin stays time-based (as Python's: it ends at the first clock reading past its end) but
// does the first three quarters of its time as integer work without looking at the clock, then
// reads the clock about once a microsecond (the work per microsecond is calibrated at start-up):
// a quarter of the readings (each one 16 bytes for the collector).
let spinSink = 0;
function busy(n) {
  let x = spinSink;
  for (let i = 0; i < n; i++) x = (x * 31 + i) | 0;
  spinSink = x;
}
const SPIN_CHUNK = (() => {
  let perUs = 100;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    busy(200_000);
    perUs = Math.max(1, Math.round(200_000 / ((performance.now() - t) * 1000)));
  }
  return perUs;
})();
const spinUs = (us) => {
  const end = performance.now() + us / 1000;
  busy(SPIN_CHUNK * Math.floor(us * 0.75));
  do busy(SPIN_CHUNK);
  while (performance.now() < end);
};

const aionode = () => import("aionode");

// ------------------------------------------------------------------ W1 callsoon
let W1_N = 1_000_000; // a fifth with --quick (QUICK_SCALE)

async function w1Aionode() {
  const aio = await aionode();
  let count = 0;
  const inc = () => {
    count++;
  };
  let t0 = 0;
  let t1 = 0;
  await aio.run(function* () {
    const loop = aio.getRunningLoop();
    const done = loop.createFuture();
    t0 = performance.now();
    for (let i = 0; i < W1_N; i++) loop.callSoon(inc);
    loop.callSoon(() => done.setResult(undefined));
    yield* done;
    t1 = performance.now();
  });
  if (count !== W1_N) throw new Error(`count ${count}`);
  return { value: W1_N / ((t1 - t0) / 1000), unit: "callbacks/s" };
}

async function w1Node() {
  let count = 0;
  const t0 = performance.now();
  await new Promise((resolve) => {
    const inc = () => {
      if (++count === W1_N) resolve();
    };
    for (let i = 0; i < W1_N; i++) setImmediate(inc);
  });
  const t1 = performance.now();
  if (count !== W1_N) throw new Error(`count ${count}`);
  return { value: W1_N / ((t1 - t0) / 1000), unit: "callbacks/s" };
}

// ------------------------------------------------------------------ W2 tasks
let W2_N = 100_000; // a fifth with --quick (QUICK_SCALE)

async function w2Aionode(style) {
  const aio = await aionode();
  const work =
    style === "generator"
      ? aio.coroutine(function* (i) {
          yield* aio.sleep(0);
          return i;
        })
      : aio.coroutine(async (i) => {
          await aio.sleep(0);
          return i;
        });
  let t0 = 0;
  let t1 = 0;
  const sum = await aio.run(function* () {
    t0 = performance.now();
    const tasks = new Array(W2_N);
    for (let i = 0; i < W2_N; i++) tasks[i] = aio.createTask(work(i));
    const res = yield* aio.gather(...tasks);
    let s = 0;
    for (const r of res) s += r;
    t1 = performance.now();
    return s;
  });
  if (sum !== (W2_N * (W2_N - 1)) / 2) throw new Error(`sum ${sum}`);
  return { value: W2_N / ((t1 - t0) / 1000), unit: "tasks/s" };
}

async function w2Node() {
  const hop = () => new Promise((resolve) => setImmediate(resolve));
  const work = async (i) => {
    await hop();
    return i;
  };
  const t0 = performance.now();
  const ps = new Array(W2_N);
  for (let i = 0; i < W2_N; i++) ps[i] = work(i);
  const res = await Promise.all(ps);
  let s = 0;
  for (const r of res) s += r;
  const t1 = performance.now();
  if (s !== (W2_N * (W2_N - 1)) / 2) throw new Error(`sum ${s}`);
  return { value: W2_N / ((t1 - t0) / 1000), unit: "tasks/s" };
}

// ------------------------------------------------------------------ W3 pingpong
let W3_N = 200_000; // a fifth with --quick (QUICK_SCALE)

async function w3Aionode(style) {
  const aio = await aionode();
  const [playerA, playerB] =
    style === "generator"
      ? [
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
        ]
      : [
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
        ];
  let t0 = 0;
  let t1 = 0;
  const [sum, count] = await aio.run(function* () {
    const q1 = new aio.Queue();
    const q2 = new aio.Queue();
    t0 = performance.now();
    const r = yield* aio.gather(playerA(q1, q2, W3_N), playerB(q1, q2, W3_N));
    t1 = performance.now();
    return r;
  });
  if (sum !== (W3_N * (W3_N + 1)) / 2 || count !== W3_N) throw new Error(`sum ${sum} count ${count}`);
  return { value: W3_N / ((t1 - t0) / 1000), unit: "round trips/s" };
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

async function w3Node() {
  const q1 = new NodeAsyncQueue();
  const q2 = new NodeAsyncQueue();
  const a = async () => {
    let sum = 0;
    for (let i = 0; i < W3_N; i++) {
      q1.put(i);
      sum += await q2.get();
    }
    return sum;
  };
  const b = async () => {
    let count = 0;
    for (let i = 0; i < W3_N; i++) {
      const v = await q1.get();
      q2.put(v + 1);
      count++;
    }
    return count;
  };
  const t0 = performance.now();
  const [sum, count] = await Promise.all([a(), b()]);
  const t1 = performance.now();
  if (sum !== (W3_N * (W3_N + 1)) / 2 || count !== W3_N) throw new Error(`sum ${sum} count ${count}`);
  return { value: W3_N / ((t1 - t0) / 1000), unit: "round trips/s" };
}

// ------------------------------------------------------------------ W4 timer-churn
/** W4's inputs: n delays (s) uniform in [1 s, 100 s) from the shared LCG. */
function w4Delays(quick) {
  const n = quick ? 200_000 : 1_000_000;
  const rnd = lcg();
  const delays = new Float64Array(n);
  for (let i = 0; i < n; i++) delays[i] = 1 + 99 * rnd();
  return delays;
}
function w4Never() {
  throw new Error("a W4 timer fired");
}

async function w4Aionode(quick) {
  const aio = await aionode();
  const delays = w4Delays(quick);
  const n = delays.length;
  let t0 = 0;
  let t1 = 0;
  let rssMB = 0;
  let nativeBytesPerTimer;
  await aio.run(function* () {
    const loop = aio.getRunningLoop();
    const hs = new Array(n);
    const mem = new PeakRss().start();
    t0 = performance.now();
    for (let i = 0; i < n; i++) hs[i] = loop.callLater(delays[i], w4Never);
    rssMB = mem.peakMB();
    if (aio.backend === "native") {
      // The native wheel's own bytes per pending timer, once its buffered commands are applied
      // (one native call, the one the loop makes before it sleeps).
      loop._timers.nextDeadline();
      nativeBytesPerTimer = loop._timers.nativeBytes / n;
    }
    for (let i = 0; i < n; i += 2) hs[i].cancel();
    for (let i = 1; i < n; i += 2) hs[i].cancel();
    yield* aio.sleep(0); // one loop iteration, as the Python side does
    t1 = performance.now();
  });
  const out = { value: (2 * n) / ((t1 - t0) / 1000), unit: "ops/s", rssMB };
  if (nativeBytesPerTimer !== undefined) out.nativeBytesPerTimer = nativeBytesPerTimer;
  return out;
}

async function w4Node(quick) {
  const delays = w4Delays(quick);
  const n = delays.length;
  const hs = new Array(n);
  const mem = new PeakRss().start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) hs[i] = setTimeout(w4Never, delays[i] * 1000);
  const rssMB = mem.peakMB();
  for (let i = 0; i < n; i += 2) clearTimeout(hs[i]);
  for (let i = 1; i < n; i += 2) clearTimeout(hs[i]);
  await new Promise((resolve) => setImmediate(resolve)); // one loop turn, as the others do
  const t1 = performance.now();
  return { value: (2 * n) / ((t1 - t0) / 1000), unit: "ops/s", rssMB };
}

// ------------------------------------------------------------------ W5 timer-fire
let W5_N = 100_000; // a fifth with --quick (QUICK_SCALE)

/** Lateness = fire - max(deadline, end of burst) (µs); earliest = min(fire - deadline); wall (s). */
function w5Figures(fired, deadlines, burstEnd, t0) {
  const n = fired.length;
  const late = new Float64Array(n);
  let earliest = Infinity;
  let last = 0;
  for (let i = 0; i < n; i++) {
    late[i] = (fired[i] - Math.max(deadlines[i], burstEnd)) * 1000;
    earliest = Math.min(earliest, (fired[i] - deadlines[i]) * 1000);
    last = Math.max(last, fired[i]);
  }
  return { ...latenessSummary(late), earliest, wall: (last - t0) / 1000 };
}

async function w5Aionode() {
  const aio = await aionode();
  const rnd = lcg();
  const fired = new Float64Array(W5_N);
  const deadlines = new Float64Array(W5_N);
  let burstEnd = 0;
  let t0 = 0;
  await aio.run(function* () {
    const loop = aio.getRunningLoop();
    const done = loop.createFuture();
    let left = W5_N;
    const cb = (i) => {
      fired[i] = performance.now();
      if (--left === 0) done.setResult(undefined);
    };
    t0 = performance.now();
    for (let i = 0; i < W5_N; i++) {
      const d = rnd();
      deadlines[i] = performance.now() + d * 1000;
      loop.callLater(d, cb, i);
    }
    burstEnd = performance.now();
    yield* done;
  });
  return w5Figures(fired, deadlines, burstEnd, t0);
}

async function w5Node() {
  const rnd = lcg();
  const fired = new Float64Array(W5_N);
  const deadlines = new Float64Array(W5_N);
  let left = W5_N;
  let resolve;
  const done = new Promise((r) => (resolve = r));
  const cb = (i) => {
    fired[i] = performance.now();
    if (--left === 0) resolve();
  };
  const t0 = performance.now();
  for (let i = 0; i < W5_N; i++) {
    const d = rnd() * 1000;
    deadlines[i] = performance.now() + d;
    setTimeout(cb, d, i);
  }
  const burstEnd = performance.now();
  await done;
  return w5Figures(fired, deadlines, burstEnd, t0);
}

// ------------------------------------------------------------------ W6 sleepers
let W6_TASKS = 10_000; // a fifth with --quick (QUICK_SCALE)
const W6_SLEEPS = 20;

/** Task i's delays (s) are LCG values i*20 .. i*20+19 (task-major); ideal = the largest task total. */
function w6Delays() {
  const rnd = lcg();
  const delays = new Float64Array(W6_TASKS * W6_SLEEPS);
  for (let k = 0; k < delays.length; k++) delays[k] = 0.01 * rnd();
  let ideal = 0;
  for (let i = 0; i < W6_TASKS; i++) {
    let s = 0;
    for (let j = i * W6_SLEEPS; j < (i + 1) * W6_SLEEPS; j++) s += delays[j];
    ideal = Math.max(ideal, s);
  }
  return { delays, ideal };
}

async function w6Aionode(style) {
  const aio = await aionode();
  const { delays, ideal } = w6Delays();
  const sleeper =
    style === "generator"
      ? aio.coroutine(function* (lo, hi) {
          for (let j = lo; j < hi; j++) yield* aio.sleep(delays[j]);
        })
      : aio.coroutine(async (lo, hi) => {
          for (let j = lo; j < hi; j++) await aio.sleep(delays[j]);
        });
  let t0 = 0;
  let t1 = 0;
  let rssMB = 0;
  await aio.run(function* () {
    const mem = new PeakRss().start();
    t0 = performance.now();
    const tasks = new Array(W6_TASKS);
    for (let i = 0; i < W6_TASKS; i++) tasks[i] = aio.createTask(sleeper(i * W6_SLEEPS, (i + 1) * W6_SLEEPS));
    yield* aio.gather(...tasks);
    t1 = performance.now();
    rssMB = mem.peakMB();
  });
  return { value: t1 - t0 - ideal * 1000, unit: "ms overhead", rssMB };
}

async function w6Node() {
  const { delays, ideal } = w6Delays();
  const sleep = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));
  const sleeper = async (lo, hi) => {
    for (let j = lo; j < hi; j++) await sleep(delays[j]);
  };
  const mem = new PeakRss().start();
  const t0 = performance.now();
  const ps = new Array(W6_TASKS);
  for (let i = 0; i < W6_TASKS; i++) ps[i] = sleeper(i * W6_SLEEPS, (i + 1) * W6_SLEEPS);
  await Promise.all(ps);
  const t1 = performance.now();
  const rssMB = mem.peakMB();
  return { value: t1 - t0 - ideal * 1000, unit: "ms overhead", rssMB };
}

// ------------------------------------------------------------------ W7 latency-under-load
/** A 1 ms timer re-armed from its own callback while 4 producer chains spin ~20 µs each. */
async function w7Aionode(quick, options) {
  const aio = await aionode();
  const duration = quick ? 500 : 2000;
  const loop = aio.newEventLoop(options);
  const late = [];
  let stop = false;
  let end = 0;
  const done = loop.createFuture();
  const producer = () => {
    spinUs(20);
    if (!stop) loop.callSoon(producer);
  };
  const tick = (deadline) => {
    const now = performance.now();
    late.push((now - deadline) * 1000);
    if (now >= end) {
      stop = true;
      done.setResult(undefined);
      return;
    }
    loop.callLater(0.001, tick, performance.now() + 1);
  };
  end = performance.now() + duration;
  for (let i = 0; i < 4; i++) loop.callSoon(producer);
  loop.callLater(0.001, tick, performance.now() + 1);
  await loop.runUntilComplete(done);
  loop.close();
  return { ...latenessSummary(late), n: late.length };
}

async function w7Node(quick) {
  const duration = quick ? 500 : 2000;
  const late = [];
  let stop = false;
  const producer = () => {
    spinUs(20);
    if (!stop) setImmediate(producer);
  };
  await new Promise((resolve) => {
    let end = 0;
    const tick = (deadline) => {
      const now = performance.now();
      late.push((now - deadline) * 1000);
      if (now >= end) {
        stop = true;
        resolve();
        return;
      }
      setTimeout(tick, 1, performance.now() + 1);
    };
    end = performance.now() + duration;
    for (let i = 0; i < 4; i++) setImmediate(producer);
    setTimeout(tick, 1, performance.now() + 1);
  });
  return { ...latenessSummary(late), n: late.length };
}

// ------------------------------------------------------------------ W8 threadsafe
const W8_WORKERS = 4;
/** Numbers per postMessage in the node variant (a transferred Int32Array). */
const NODE_W8_BATCH = 1024;

/**
 * W8's figure and check, common to both variants. Both start the workers, wait until every one
 * is ready, release them at once through a SharedArrayBuffer flag (start-up is not measured:
 * state.t0), and stop the clock when the last message was handled (state.t1).
 */
function w8Check(state, total, perWorker) {
  const expectedSum = (W8_WORKERS * perWorker * (perWorker - 1)) / 2;
  if (state.received !== total || state.sum !== expectedSum) {
    throw new Error(`received ${state.received} of ${total} messages (sum ${state.sum}, expected ${expectedSum})`);
  }
  return { value: total / ((state.t1 - state.t0) / 1000), unit: "messages/s", received: state.received, expected: total };
}

async function w8Aionode(quick) {
  const aio = await aionode();
  const perWorker = quick ? 50_000 : 250_000;
  const total = W8_WORKERS * perWorker;
  const state = { received: 0, sum: 0, t0: 0, t1: 0 };
  await aio.run(function* () {
    const loop = aio.getRunningLoop();
    const done = loop.createFuture();
    const h = aio.openThreadsafe(loop, {
      count(i) {
        state.sum += i;
        if (++state.received === total) {
          state.t1 = performance.now();
          done.setResult(undefined);
        }
      },
    });
    const go = new Int32Array(new SharedArrayBuffer(8));
    let exited = 0;
    const failures = [];
    for (let w = 0; w < W8_WORKERS; w++) {
      const c = h.forWorker();
      const worker = new Worker(self, {
        workerData: { role: "w8-aionode", loop: c.descriptor, go: go.buffer, perWorker },
        transferList: c.transfer,
      });
      worker.on("error", (e) => failures.push(e));
      worker.on("exit", () => exited++);
    }
    // Wait (without blocking the loop thread) until every worker is connected.
    while (Atomics.load(go, 1) < W8_WORKERS) {
      if (failures.length > 0) throw failures[0];
      yield* aio.sleep(0.005);
    }
    state.t0 = performance.now();
    Atomics.store(go, 0, 1);
    Atomics.notify(go, 0);
    // Every worker has posted everything once it exited; what is still in flight then arrives
    // within a few iterations. A missing message ends the wait instead of hanging.
    while (!done.done() && exited < W8_WORKERS) yield* aio.wait([done], { timeout: 0.05 });
    for (let k = 0; k < 100 && !done.done(); k++) yield* aio.sleep(0.01);
    h.close();
    if (failures.length > 0) throw failures[0];
  });
  return w8Check(state, total, perWorker);
}

async function w8Node(quick) {
  const perWorker = quick ? 50_000 : 250_000;
  const total = W8_WORKERS * perWorker;
  const state = { received: 0, sum: 0, t0: 0, t1: 0 };
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  const count = (i) => {
    state.sum += i;
    if (++state.received === total) {
      state.t1 = performance.now();
      resolveDone();
    }
  };
  const onBatch = (batch) => {
    for (let k = 0; k < batch.length; k++) count(batch[k]);
  };
  const go = new Int32Array(new SharedArrayBuffer(8));
  const workers = [];
  let exited = 0;
  let failure = null;
  let resolveExits;
  const allExited = new Promise((r) => (resolveExits = r));
  for (let w = 0; w < W8_WORKERS; w++) {
    const worker = new Worker(self, { workerData: { role: "w8-node", go: go.buffer, perWorker } });
    worker.on("message", onBatch);
    worker.on("error", (e) => (failure ??= e));
    worker.on("exit", () => {
      if (++exited === W8_WORKERS) resolveExits();
    });
    workers.push(worker);
  }
  while (Atomics.load(go, 1) < W8_WORKERS) {
    if (failure !== null) throw failure;
    await new Promise((r) => setTimeout(r, 5));
  }
  state.t0 = performance.now();
  Atomics.store(go, 0, 1);
  Atomics.notify(go, 0);
  await Promise.race([done, allExited.then(() => new Promise((r) => setTimeout(r, 1000)))]);
  if (failure !== null) throw failure;
  return w8Check(state, total, perWorker);
}

/** Producer threads of W8 (this file, started as a Worker). */
async function w8Worker() {
  const { role, go: goBuffer, perWorker } = workerData;
  const go = new Int32Array(goBuffer);
  if (role === "w8-aionode") {
    const aio = await aionode();
    const remote = aio.connectLoop(workerData.loop);
    Atomics.add(go, 1, 1);
    Atomics.wait(go, 0, 0);
    for (let i = 0; i < perWorker; i++) remote.callSoonThreadsafe("count", i);
    remote.close();
  } else {
    Atomics.add(go, 1, 1);
    Atomics.wait(go, 0, 0);
    let batch = new Int32Array(NODE_W8_BATCH);
    let k = 0;
    for (let i = 0; i < perWorker; i++) {
      batch[k++] = i;
      if (k === NODE_W8_BATCH) {
        parentPort.postMessage(batch, [batch.buffer]);
        batch = new Int32Array(NODE_W8_BATCH);
        k = 0;
      }
    }
    if (k > 0) parentPort.postMessage(batch.subarray(0, k));
  }
}

// ------------------------------------------------------------------ entry point
/** workload -> variant -> (quick) => Promise<result>. */
export const WORKLOADS = {
  W1: { aionode: w1Aionode, node: w1Node },
  W2: { "aionode-generator": () => w2Aionode("generator"), "aionode-async": () => w2Aionode("async"), node: w2Node },
  W3: { "aionode-generator": () => w3Aionode("generator"), "aionode-async": () => w3Aionode("async"), node: w3Node },
  W4: { aionode: w4Aionode, node: w4Node },
  W5: { aionode: w5Aionode, node: w5Node },
  W6: { "aionode-generator": () => w6Aionode("generator"), "aionode-async": () => w6Aionode("async"), node: w6Node },
  W7: {
    aionode: (quick) => w7Aionode(quick, {}),
    "aionode-timersFirst": (quick) => w7Aionode(quick, { timersFirst: true }),
    node: w7Node,
  },
  W8: { aionode: w8Aionode, node: w8Node },
};

const USAGE = "usage: node bench/workloads.mjs <W1..W8> <variant> [--quick]";
/** --quick divides the sizes of W1, W2, W3, W5 and W6 by this (W4, W7 and W8 have their own reductions). */
const QUICK_SCALE = 5;

async function main(argv) {
  const [w, variant, ...flags] = argv;
  if (!(w in WORKLOADS)) throw new Error(`unknown workload ${JSON.stringify(w)}\n${USAGE}`);
  const fn = WORKLOADS[w][variant];
  if (fn === undefined) {
    throw new Error(`${w} has no variant ${JSON.stringify(variant)} (${Object.keys(WORKLOADS[w]).join(", ")})\n${USAGE}`);
  }
  for (const f of flags) if (f !== "--quick") throw new Error(`unknown option ${JSON.stringify(f)}\n${USAGE}`);
  if (flags.length > 0 && argv[argv.length - 1] !== "--quick") throw new Error("--quick must be the last argument");
  const quick = flags.includes("--quick");
  if (quick) {
    W1_N /= QUICK_SCALE;
    W2_N /= QUICK_SCALE;
    W3_N /= QUICK_SCALE;
    W5_N /= QUICK_SCALE;
    W6_TASKS /= QUICK_SCALE;
  }
  return fn(quick);
}

if (!isMainThread) {
  await w8Worker();
} else if (process.argv[1] === self) {
  let result;
  try {
    result = await main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
