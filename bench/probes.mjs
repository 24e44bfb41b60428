#!/usr/bin/env node
// Probes behind the figures the README quotes next to the bench table: costs of the machine and
// of Node primitives that explain where aionode's time goes. Each probe runs in a fresh process
// (some need --expose-gc); medians of several runs (the largest, for keys marked "max:").
// Usage: node bench/probes.mjs [--runs N] [--only NAME,NAME]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);

/**
 * ns per object to make keep.length objects with make(i) and keep them all alive in `keep`
 * (emptied and collected first): the allocation plus the collector's copies (probes live and
 * asyncres; needs --expose-gc).
 */
function liveNs(keep, make) {
  const n = keep.length;
  keep.fill(undefined);
  globalThis.gc();
  const t = performance.now();
  for (let i = 0; i < n; i++) keep[i] = make(i);
  return ((performance.now() - t) * 1e6) / n;
}

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
  /**
   * Bytes allocated per W2 task (100,000 tasks that each await sleep(0), gathered), collected or
   * not: V8's sampling heap profiler with the collected objects kept in the profile, over three
   * rounds after two warm-up rounds.
   */
  async alloc() {
    const aio = await import("aionode");
    const { Session } = await import("node:inspector/promises");
    const N = 100_000;
    const styles = {
      generator: aio.coroutine(function* (i) {
        yield* aio.sleep(0);
        return i;
      }),
      async: aio.coroutine(async (i) => {
        await aio.sleep(0);
        return i;
      }),
    };
    const round = (work) =>
      aio.run(function* () {
        const tasks = new Array(N);
        for (let i = 0; i < N; i++) tasks[i] = aio.createTask(work(i));
        yield* aio.gather(...tasks);
      });
    const session = new Session();
    session.connect();
    await session.post("HeapProfiler.enable");
    const out = {};
    for (const [name, work] of Object.entries(styles)) {
      await round(work);
      await round(work);
      await session.post("HeapProfiler.startSampling", {
        samplingInterval: 64,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      for (let r = 0; r < 3; r++) await round(work);
      const { profile } = await session.post("HeapProfiler.stopSampling");
      let total = 0;
      const walk = (node) => {
        total += node.selfSize;
        for (const c of node.children) walk(c);
      };
      walk(profile.head);
      out[`${name} task B allocated`] = total / (3 * N);
    }
    session.disconnect();
    return out;
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
  /**
   * The floor under W2/W4/W5: what V8 charges for objects that stay alive (allocation plus the
   * young-generation copies), per object, for 1M objects kept in an array, as a bare class with
   * two fields, and as a class of nine fields shaped like a TimerHandle: once with one of them a
   * double (V8 boxes it in a heap number of its own: two objects), once with the double kept as
   * its two 32-bit halves in two small-integer fields (as TimerHandle keeps its deadline).
   */
  async live() {
    class Two {
      constructor(a) {
        this.a = a;
        this.b = null;
      }
    }
    class Nine {
      constructor(a, w) {
        this.a = a;
        this.b = null;
        this.c = null;
        this.d = -1;
        this.e = false;
        this.w = w;
        this.g = -1;
        this.h = 0;
        this.i = null;
      }
    }
    const bits = new Float64Array(1);
    const halves = new Int32Array(bits.buffer);
    class Halves {
      constructor(a, w) {
        this.a = a;
        this.b = null;
        this.c = null;
        this.d = -1;
        this.e = false;
        bits[0] = w;
        this.w = halves[0];
        this.x = halves[1];
        this.g = -1;
        this.i = null;
      }
    }
    const N = 1_000_000;
    const keep = new Array(N);
    return {
      "1M live 2-field objects, ns each": liveNs(keep, (i) => new Two(i)),
      "1M live 9 fields, a double, ns each": liveNs(keep, (i) => new Nine(i, i + 0.5)),
      "1M live 9 fields, halves, ns each": liveNs(keep, (i) => new Halves(i, i + 0.5)),
    };
  },
  /**
   * What a task's AsyncResource costs (each task has one: its AsyncLocalStorage context). Node
   * keeps the resource's two async ids in double fields, boxed in heap numbers: bytes per
   * resource (heap growth over 100,000 kept alive), and ns each for 1M kept alive, against a plain
   * object of two small-integer fields.
   */
  async asyncres() {
    const { AsyncResource } = await import("node:async_hooks");
    class Two {
      constructor(a) {
        this.a = a;
        this.b = -1;
      }
    }
    const N = 1_000_000;
    const keep = new Array(N);
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) keep[i] = new AsyncResource("aionode.Task");
    globalThis.gc();
    const bytes = (process.memoryUsage().heapUsed - before) / 100_000;
    return {
      "AsyncResource B": bytes,
      "1M live AsyncResource, ns each": liveNs(keep, () => new AsyncResource("aionode.Task")),
      "1M live 2 small-int fields, ns each": liveNs(keep, (i) => new Two(i)),
    };
  },
  /**
   * W7 in asyncio order, explained: a timer that re-arms 1 ms ahead from its own callback, about
   * 80 µs into an iteration of length L, is collected by the first iteration that starts 1,080 µs
   * or more after that one did, and runs behind the 80 µs of producers: lateness about
   * 80 + (ceil(1080 / L) * L - 1080) µs. The bench's own W7 (this backend, and CPython's through
   * bench/py/phase.py), with every iteration's start recorded: the median L, the median lateness,
   * and what the formula gives for that L.
   */
  async phase() {
    const aio = await import("aionode");
    const { WORKLOADS } = await import("./workloads.mjs");
    const { execFileSync } = await import("node:child_process");
    const starts = [];
    const startIteration = aio.EventLoop.prototype._startIteration;
    aio.EventLoop.prototype._startIteration = function (nowMs) {
      starts.push(performance.now());
      return startIteration.call(this, nowMs);
    };
    const { p50 } = await WORKLOADS.W7.aionode(false);
    const lengths = [];
    for (let i = 1; i < starts.length; i++) lengths.push((starts[i] - starts[i - 1]) * 1000);
    lengths.sort((a, b) => a - b);
    const L = lengths[lengths.length >> 1];
    const py = JSON.parse(execFileSync("python3", [new URL("./py/phase.py", import.meta.url).pathname], { encoding: "utf8" }));
    const formula = (len) => 80 + Math.ceil(1080 / len) * len - 1080;
    return {
      "aionode iteration p50 us": L,
      "aionode lateness p50 us": p50,
      "aionode formula us": formula(L),
      "CPython iteration p50 us": py.iteration,
      "CPython lateness p50 us": py.lateness,
      "CPython formula us": formula(py.iteration),
    };
  },
  /** The native driver's cost to arm its timerfd for a near (50 us) and a far (1 s) deadline. */
  async arm() {
    const { loadAddon } = await import("../dist/backend/native.js");
    const loaded = loadAddon();
    if (!("addon" in loaded)) return { _: true };
    const d = new loaded.addon.Driver(() => {});
    const time = (us) => {
      const K = 2000;
      const t = performance.now();
      for (let i = 0; i < K; i++) {
        d.arm(us + (i & 1));
        d.disarm();
      }
      return ((performance.now() - t) * 1e3) / K;
    };
    time(1e6);
    const out = { "arm+disarm 50 us ahead, us": time(50), "arm+disarm 1 s ahead, us": time(1e6) };
    d.close();
    return out;
  },
  /**
   * W5's first milliseconds: 100,000 callLater in one callback (delays uniform in [0, 1 s)), then
   * how long until the first timer fires after the burst, and the longest young-generation
   * collection in the 20 ms after it (the burst's TimerHandles are copied then).
   */
  async burst() {
    const aio = await import("aionode");
    const { lcg } = await import("./workloads.mjs");
    const { PerformanceObserver, constants } = await import("node:perf_hooks");
    const gcs = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gcs.push(e);
    });
    obs.observe({ entryTypes: ["gc"] });
    let burstEnd = 0;
    let first = 0;
    await aio.run(function* () {
      const loop = aio.getRunningLoop();
      const done = loop.createFuture();
      const rnd = lcg();
      let left = 100_000;
      const cb = () => {
        if (first === 0) first = performance.now();
        if (--left === 0) done.setResult(undefined);
      };
      for (let i = 0; i < 100_000; i++) loop.callLater(rnd(), cb);
      burstEnd = performance.now();
      yield* done;
    });
    await new Promise((r) => setTimeout(r, 10));
    obs.disconnect();
    let pause = 0;
    for (const e of gcs) if (e.startTime >= burstEnd && e.startTime < burstEnd + 20) pause = Math.max(pause, e.duration);
    return { "burst end to first fire, ms": first - burstEnd, "max: longest minor GC in next 20 ms, ms": pause };
  },
  /**
   * A timer core's first advance after a burst: 100,000 timers in [0, 1 s) scheduled into an
   * empty core whose time stood still (as after an idle spell), then one advance 35 ms on that
   * fires the due ones; with syncTime (what the loop does when it schedules into an empty core)
   * and without (the burst filed relative to the core's old time). Both cores; us, median of 9.
   */
  async cascade() {
    const { TimerWheel } = await import("../dist/internal/wheel.js");
    const { loadAddon, NativeTimerCore } = await import("../dist/backend/native.js");
    const { lcg } = await import("./workloads.mjs");
    const loaded = loadAddon();
    const cores = { js: () => new TimerWheel(1024) };
    if ("addon" in loaded) cores.native = () => new NativeTimerCore(loaded.addon);
    const out = {};
    for (const [name, make] of Object.entries(cores)) {
      for (const sync of [false, true]) {
        const times = [];
        for (let rep = 0; rep < 9; rep++) {
          const core = make();
          const buf = new Int32Array(4096);
          const base = 2 ** 42 + 1e9 * (rep + 1); // far from the core's time 0, as the loop's ticks are
          if (sync) core.syncTime(base);
          const rnd = lcg();
          for (let i = 0; i < 100_000; i++) core.schedule(base + Math.ceil(rnd() * 1e6));
          const t = performance.now();
          while (core.advance(base + 35_000, buf) === buf.length);
          times.push((performance.now() - t) * 1000);
        }
        times.sort((a, b) => a - b);
        out[`${name} ${sync ? "synced" : "stale "} first advance, us`] = times[4];
      }
    }
    return out;
  },
  /**
   * The machine's floor under W5/W7: lateness (us) of 1,000 one-shot wake-ups in a row, each at a
   * delay uniform in [0, 1 ms), from the bare native driver (a timerfd in libuv: no loop, no
   * callback work), from a loop's callLater (native backend when it loads), and from setTimeout;
   * p50 and p99 of each, and the hypervisor's steal over the probe (% of CPU time, Linux).
   */
  async wake() {
    const { loadAddon } = await import("../dist/backend/native.js");
    const aio = await import("aionode");
    const { lcg } = await import("./workloads.mjs");
    const { cpuTicks, stealPercent } = await import("./run.mjs");
    const K = 1000;
    const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const out = {};
    const record = (name, late) => {
      out[`${name} p50 us`] = q(late, 0.5);
      out[`${name} p99 us`] = q(late, 0.99);
    };
    const ticks0 = cpuTicks();
    const loaded = loadAddon();
    if ("addon" in loaded) {
      const rnd = lcg();
      const late = [];
      await new Promise((resolve) => {
        let due = 0;
        const d = new loaded.addon.Driver(() => {
          late.push((performance.now() - due) * 1000);
          if (late.length === K) {
            d.close();
            resolve();
            return;
          }
          arm();
        });
        const arm = () => {
          const ms = rnd();
          due = performance.now() + ms;
          d.arm(ms * 1000); // the binding takes microseconds
        };
        arm();
      });
      record("bare native driver", late);
    }
    {
      const rnd = lcg();
      const late = [];
      await aio.run(function* () {
        const loop = aio.getRunningLoop();
        for (let i = 0; i < K; i++) {
          const f = loop.createFuture();
          const ms = rnd();
          const due = performance.now() + ms;
          loop.callLater(ms / 1000, () => {
            late.push((performance.now() - due) * 1000);
            f.setResult(undefined);
          });
          yield* f;
        }
      });
      record(`callLater (${aio.backend})`, late);
    }
    {
      const rnd = lcg();
      const late = [];
      for (let i = 0; i < K; i++) {
        const ms = rnd();
        const due = performance.now() + ms;
        await new Promise((r) => setTimeout(r, ms));
        late.push((performance.now() - due) * 1000);
      }
      record("setTimeout", late);
    }
    const steal = stealPercent(ticks0, cpuTicks());
    if (steal !== null) out["steal %"] = steal;
    return out;
  },
  /**
   * The machine's floor under any p99 lateness: a thread that never yields spins for 2 s,
   * reading the clock about once a microsecond (integer work in between, calibrated as W7's spin:
   * few readings, so the collector seldom runs), and records every gap of more than 50 us
   * between two readings: a stretch in which the thread did not run (the kernel or the
   * hypervisor ran something else; or V8 collected, counted apart). A timer that comes due at a
   * random moment inside a gap is late by what is left of the gap, whatever the loop does, so
   * `behind >50 us %` (the share of moments at which more than 50 us of a gap are left) above 1
   * means that no p99 under 50 us (W7 timersFirst) can be measured on this machine at that
   * moment; `behind >1 ms %` the same for 1 ms (W5).
   */
  async preempt() {
    const { cpuTicks, stealPercent } = await import("./run.mjs");
    const { PerformanceObserver } = await import("node:perf_hooks");
    let sink = 0;
    const busy = (n) => {
      let x = sink;
      for (let i = 0; i < n; i++) x = (x * 31 + i) | 0;
      sink = x;
    };
    let perUs = 100;
    for (let round = 0; round < 5; round++) {
      const t = performance.now();
      busy(200_000);
      perUs = Math.max(1, Math.round(200_000 / ((performance.now() - t) * 1000)));
    }
    let gcMs = 0;
    let gcCount = 0;
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        gcMs += e.duration;
        gcCount++;
      }
    });
    obs.observe({ entryTypes: ["gc"] });
    const ticks0 = cpuTicks();
    const gaps = [];
    const t0 = performance.now();
    const end = t0 + 2000;
    let prev = t0;
    for (;;) {
      busy(perUs);
      const t = performance.now();
      if (t - prev > 0.05) gaps.push((t - prev) * 1000);
      prev = t;
      if (t >= end) break;
    }
    const totalUs = (prev - t0) * 1000;
    const steal = stealPercent(ticks0, cpuTicks());
    await new Promise((r) => setTimeout(r, 20)); // gc entries arrive asynchronously
    obs.disconnect();
    const behind = (us) => (100 * gaps.reduce((s, g) => s + Math.max(0, g - us), 0)) / totalUs;
    const out = {
      "gaps >50 us per s": gaps.length / (totalUs / 1e6),
      "time in gaps >50 us %": (100 * gaps.reduce((s, g) => s + g, 0)) / totalUs,
      "behind >50 us %": behind(50),
      "behind >1 ms %": behind(1000),
      "max: longest gap us": Math.max(0, ...gaps),
      "collector pauses (count)": gcCount,
      "collector pauses ms": gcMs,
    };
    if (steal !== null) out["steal %"] = steal;
    return out;
  },
  /**
   * Share of W2's and W4's wall time spent in V8's collector (the pauses Node reports as `gc`
   * performance entries), aionode's current backend against the node contender, and the time per
   * operation (task; schedule or cancel) outside the collector: the workload's own figure less
   * that share. Each workload in a process of its own.
   */
  async gc() {
    const cases = [
      ["W2", "aionode-generator"],
      ["W2", "aionode-async"],
      ["W2", "node"],
      ["W4", "aionode"],
      ["W4", "node"],
    ];
    const { cpuTicks, stealPercent } = await import("./run.mjs");
    const out = {};
    const ticks0 = cpuTicks();
    for (const [w, v] of cases) {
      const r = JSON.parse(execFileSync(process.execPath, [self, "--gc-child", w, v], { encoding: "utf8" }));
      const share = r.gcMs / r.wallMs;
      out[`${w} ${v}: ns/op`] = 1e9 / r.value;
      out[`${w} ${v}: GC % of wall`] = 100 * share;
      // The workload's own figure (ops/s over its own window), less the collector's share.
      out[`${w} ${v}: ns/op outside GC`] = (1e9 / r.value) * (1 - share);
    }
    const steal = stealPercent(ticks0, cpuTicks());
    if (steal !== null) out["steal %"] = steal;
    return out;
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

if (process.argv[2] === "--gc-child") {
  // One workload of probe gc: its wall time and the collector's pauses within it.
  const { WORKLOADS } = await import("./workloads.mjs");
  const { PerformanceObserver } = await import("node:perf_hooks");
  const pauses = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.duration]);
  });
  obs.observe({ entryTypes: ["gc"] });
  await import("aionode"); // loaded before the clock starts, as the node contender has nothing to load
  const t0 = performance.now();
  const { value } = await WORKLOADS[process.argv[3]][process.argv[4]](false);
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 20)); // the entries arrive asynchronously
  obs.disconnect();
  let gc = 0;
  for (const [start, d] of pauses) if (start >= t0 && start < t1) gc += Math.min(d, t1 - start);
  process.stdout.write(JSON.stringify({ wallMs: t1 - t0, gcMs: gc, value }));
  process.exit(0);
}

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
console.log(`aionode probes — node ${process.version}, medians of ${RUNS} fresh processes ("max:" the largest)`);
const onlyArg = process.argv.indexOf("--only");
const selected = onlyArg > 0 ? process.argv[onlyArg + 1].split(",") : Object.keys(probes);
for (const name of selected) {
  if (!(name in probes)) throw new Error(`no probe ${name}; probes: ${Object.keys(probes).join(", ")}`);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const out = execFileSync(process.execPath, ["--expose-gc", self, "--child", name], { encoding: "utf8" });
    runs.push(JSON.parse(out));
  }
  for (const key of Object.keys(runs[0]).filter((k) => k !== "_")) {
    // "max:" keys report the largest value of any run (something that happens in some runs only).
    const values = runs.map((x) => x[key]);
    const value = key.startsWith("max:") ? Math.max(...values) : median(values);
    console.log(`  ${name.padEnd(10)} ${key.padEnd(40)} ${value.toFixed(1)}`);
  }
}
