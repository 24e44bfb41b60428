#!/usr/bin/env node
// Timer precision: W5 (timer-fire) and W7 (latency under load) from shared/BENCH.md, for
// aionode on each backend, Node's setTimeout, and CPython asyncio / uvloop when present.
// Each run in a fresh process; medians of the per-run figures (µs). Usage:
//   node bench/latency.mjs [--runs N] [--only W5,W7]
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const self = fileURLToPath(import.meta.url);
const here = dirname(self);

function* lcg(seed = 12345) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    yield x / 4294967296;
  }
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
function summary(late, extra) {
  late.sort((a, b) => a - b);
  return { p50: pct(late, 0.5), p99: pct(late, 0.99), max: late[late.length - 1], min: late[0], ...extra };
}
const spinUs = (us) => {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
};

// ------------------------------------------------------------------ workloads (in a child)
const workloads = {
  async "W5:aionode"() {
    const aio = await import("aionode");
    const N = 100_000;
    const r = lcg();
    const fired = new Float64Array(N);
    const deadlines = new Float64Array(N);
    let burstEnd = 0;
    let t0 = 0;
    await aio.run(function* () {
      const loop = aio.getRunningLoop();
      const done = loop.createFuture();
      let left = N;
      const cb = (i) => {
        fired[i] = performance.now();
        if (--left === 0) done.setResult();
      };
      t0 = performance.now();
      for (let i = 0; i < N; i++) deadlines[i] = loop.callLater(r.next().value, cb, i).when() * 1000;
      burstEnd = performance.now();
      yield* done;
    });
    return w5Figures(fired, deadlines, burstEnd, t0);
  },
  async "W5:node-setTimeout"() {
    const N = 100_000;
    const r = lcg();
    const fired = new Float64Array(N);
    const deadlines = new Float64Array(N);
    let left = N;
    let resolve;
    const done = new Promise((res) => (resolve = res));
    const cb = (i) => {
      fired[i] = performance.now();
      if (--left === 0) resolve();
    };
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const d = r.next().value * 1000;
      deadlines[i] = performance.now() + d;
      setTimeout(cb, d, i);
    }
    const burstEnd = performance.now();
    await done;
    return w5Figures(fired, deadlines, burstEnd, t0);
  },
  "W7:aionode": () => w7Aionode({}),
  "W7:aionode-timersFirst": () => w7Aionode({ timersFirst: true }),
  async "W7:node"() {
    const late = [];
    const end = performance.now() + 2000;
    let stop = false;
    const producer = () => {
      spinUs(20);
      if (!stop) setImmediate(producer);
    };
    for (let i = 0; i < 4; i++) setImmediate(producer);
    await new Promise((resolve) => {
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
      setTimeout(tick, 1, performance.now() + 1);
    });
    return summary(late, { n: late.length });
  },
};

function w5Figures(fired, deadlines, burstEnd, t0) {
  const N = fired.length;
  const late = new Float64Array(N);
  let earliest = Infinity;
  let wallEnd = 0;
  for (let i = 0; i < N; i++) {
    late[i] = (fired[i] - Math.max(deadlines[i], burstEnd)) * 1000;
    earliest = Math.min(earliest, (fired[i] - deadlines[i]) * 1000);
    wallEnd = Math.max(wallEnd, fired[i]);
  }
  return summary(Array.from(late), { earliest, wall: (wallEnd - t0) / 1000 });
}

async function w7Aionode(options) {
  const aio = await import("aionode");
  const loop = aio.newEventLoop(options);
  const late = [];
  const end = performance.now() + 2000;
  let stop = false;
  const done = loop.createFuture();
  const producer = () => {
    spinUs(20);
    if (!stop) loop.callSoon(producer);
  };
  const tick = (deadline) => {
    const now = loop.time();
    late.push((now - deadline) * 1e6);
    if (now * 1000 >= end) {
      stop = true;
      done.setResult();
      return;
    }
    const when = loop.time() + 0.001;
    loop.callAt(when, tick, when);
  };
  for (let i = 0; i < 4; i++) loop.callSoon(producer);
  const when = loop.time() + 0.001;
  loop.callAt(when, tick, when);
  await loop.runUntilComplete(done);
  loop.close();
  return summary(late, { n: late.length });
}

// ------------------------------------------------------------------ driver
if (process.argv[2] === "--child") {
  const r = await workloads[process.argv[3]]();
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg("--runs", 3));
const ONLY = new Set(arg("--only", "W5,W7").split(","));

const uvloopFound = spawnSync("/usr/bin/python3", ["-c", "import uvloop"]).status === 0;
const pythonFound = spawnSync("python3", ["-c", "import asyncio"]).status === 0;

/** [label, command, args, env] per contender. */
function contenders(w) {
  const node = (name, backend) => [
    `${name}${backend ? ` (${backend})` : ""}`,
    process.execPath,
    [self, "--child", name],
    backend ? { AIONODE_BACKEND: backend } : {},
  ];
  const list = [];
  const aioNames = Object.keys(workloads).filter((n) => n.startsWith(`${w}:aionode`));
  for (const backend of ["native", "js"]) for (const n of aioNames) list.push(node(n, backend));
  for (const n of Object.keys(workloads).filter((n) => n.startsWith(`${w}:node`))) list.push(node(n));
  const py = join(here, "py", `${w.toLowerCase()}.py`);
  list.push(pythonFound ? [`${w}:asyncio`, "python3", [py], {}] : [`${w}:asyncio`, null, "skipped: python3 not found"]);
  list.push(uvloopFound ? [`${w}:uvloop`, "/usr/bin/python3", [py, "uvloop"], {}] : [`${w}:uvloop`, null, "skipped: python3-uvloop not installed"]);
  return list;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const us = (v) => (Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(1)}ms` : `${v.toFixed(0)}µs`).padStart(8);

console.log(`aionode latency bench — node ${process.version}, ${RUNS} runs each (medians), contenders interleaved`);
for (const w of ["W5", "W7"].filter((w) => ONLY.has(w))) {
  const list = contenders(w);
  const results = new Map(list.map(([label]) => [label, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [label, cmd, args, env] of list) {
      if (cmd === null) continue;
      const out = execFileSync(cmd, args, { encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
      results.get(label).push(JSON.parse(out));
    }
  }
  console.log(`\n${w} ${w === "W5" ? "timer-fire: lateness after the burst" : "latency under load: 1 ms timer lateness"}`);
  for (const [label, cmd, why] of list) {
    if (cmd === null) {
      console.log(`  ${label.padEnd(36)} ${why}`);
      continue;
    }
    const rs = results.get(label);
    const m = (k) => median(rs.map((x) => x[k]));
    let line = `  ${label.padEnd(36)} p50 ${us(m("p50"))}  p99 ${us(m("p99"))}  max ${us(m("max"))}`;
    if (w === "W5") line += `  earliest ${us(Math.min(...rs.map((x) => x.earliest)))}  wall ${m("wall").toFixed(2)} s`;
    else line += `  min ${us(Math.min(...rs.map((x) => x.min)))}  fired ${m("n").toFixed(0)}`;
    console.log(line);
  }
}
