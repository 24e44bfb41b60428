#!/usr/bin/env node
// Probes behind the figures the README quotes next to the bench table: costs of the machine and
// of Node primitives that explain where aionode's time goes. Each probe runs in a fresh process
// (some need --expose-gc); medians of several runs. Usage: node bench/probes.mjs [--runs N]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);

const probes = {
  /** ns per clock read. */
  async clock() {
    const N = 2_000_000;
    let x = 0;
    let t = performance.now();
    for (let i = 0; i < N; i++) x += performance.now();
    const perf = ((performance.now() - t) * 1e6) / N;
    t = performance.now();
    for (let i = 0; i < N; i++) x += Date.now();
    const date = ((performance.now() - t) * 1e6) / N;
    return { "performance.now() ns": perf, "Date.now() ns": date, _: x > 0 };
  },
  /** ns to enqueue a microtask. */
  async microtask() {
    const N = 1_000_000;
    const f = () => {};
    let t = performance.now();
    for (let i = 0; i < N; i++) queueMicrotask(f);
    const qm = ((performance.now() - t) * 1e6) / N;
    await new Promise((r) => setImmediate(r));
    const R = Promise.resolve();
    t = performance.now();
    for (let i = 0; i < N; i++) R.then(f);
    const rt = ((performance.now() - t) * 1e6) / N;
    await new Promise((r) => setImmediate(r));
    return { "queueMicrotask ns": qm, "resolved.then ns": rt };
  },
  /** Bytes retained per pending W2 task (all 100k alive). */
  async retained() {
    const aio = await import("aionode");
    const N = 100_000;
    const measure = (make) => {
      globalThis.gc();
      const h0 = process.memoryUsage().heapUsed;
      const keep = make();
      globalThis.gc();
      const bytes = (process.memoryUsage().heapUsed - h0) / N;
      return [bytes, keep];
    };
    const work = aio.coroutine(function* (i) {
      yield* aio.sleep(0);
      return i;
    });
    let aionodeBytes = 0;
    await aio.run(function* () {
      const [b, tasks] = measure(() => {
        const ts = new Array(N);
        for (let i = 0; i < N; i++) ts[i] = aio.createTask(work(i));
        return ts;
      });
      aionodeBytes = b;
      yield* aio.gather(...tasks);
    });
    const hop = () => new Promise((r) => setImmediate(r));
    const nwork = async (i) => {
      await hop();
      return i;
    };
    const [nodeBytes, ps] = measure(() => {
      const out = new Array(N);
      for (let i = 0; i < N; i++) out[i] = nwork(i);
      return out;
    });
    await Promise.all(ps);
    return { "aionode generator task B": aionodeBytes, "node async fn + setImmediate B": nodeBytes };
  },
  /** Promise-heavy code (async fn, two awaits each) with and without an AsyncLocalStorage enabled. */
  async als() {
    const { AsyncLocalStorage } = await import("node:async_hooks");
    const N = 100_000;
    const work = async (i) => {
      await null;
      await new Promise((r) => setImmediate(r));
      return i;
    };
    const round = async () => {
      const t = performance.now();
      const ps = new Array(N);
      for (let i = 0; i < N; i++) ps[i] = work(i);
      await Promise.all(ps);
      return ((performance.now() - t) * 1e3) / N;
    };
    await round();
    const plain = await round();
    new AsyncLocalStorage().enterWith(1);
    await round();
    const withAls = await round();
    return { "plain us/task": plain, "with ALS us/task": withAls, "ALS slowdown %": (withAls / plain - 1) * 100 };
  },
  /** Lateness of 1.5 ms timers with spinWindow 0 and 0.003. */
  async spin() {
    const aio = await import("aionode");
    const out = {};
    for (const spin of [0, 0.003]) {
      const loop = aio.newEventLoop({ spinWindow: spin });
      const late = [];
      await loop.runUntilComplete(
        aio.coroutine(function* () {
          for (let i = 0; i < 100; i++) {
            const when = loop.time() + 0.0015;
            const f = loop.createFuture();
            loop.callAt(when, () => {
              late.push((performance.now() / 1000 - when) * 1e6);
              f.setResult();
            });
            yield* f;
          }
        })(),
      );
      loop.close();
      late.sort((a, b) => a - b);
      out[`spinWindow ${spin}: lateness p50 us`] = late[50];
      out[`spinWindow ${spin}: earliest us`] = late[0];
    }
    return out;
  },
};

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await probes[process.argv[3]]()));
  process.exit(0);
}

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`aionode probes — node ${process.version}, medians of ${RUNS} fresh processes`);
for (const name of Object.keys(probes)) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const out = execFileSync(process.execPath, ["--expose-gc", self, "--child", name], { encoding: "utf8" });
    runs.push(JSON.parse(out));
  }
  for (const key of Object.keys(runs[0]).filter((k) => k !== "_")) {
    console.log(`  ${name.padEnd(10)} ${key.padEnd(40)} ${median(runs.map((x) => x[key])).toFixed(1)}`);
  }
}
