#!/usr/bin/env node
// The driver of `npm run bench` (shared/BENCH.md): runs the workloads W1-W8 and the micro
// operations on every contender, prints a table per workload, writes bench/results/latest.json and
// an SVG chart per workload (bench/results/<W>.svg, micro.svg).
//
//   node bench/run.mjs [--quick] [--only W1,W5,micro] [--runs N] [--out DIR]
//   (npm run bench -- --quick: `npm run bench` builds first; the workloads import dist/)
//
// Contenders: aionode-native and aionode-js (bench/workloads.mjs with AIONODE_BACKEND=native|js;
// x coroutine style for W2/W3/W6, x timersFirst for W7), node (the idiomatic Node equivalent),
// asyncio and uvloop (bench/py/workloads.py under `python3`, and under /usr/bin/python3 with
// --uvloop). A contender that cannot run here (no native addon, no python3, no uvloop) is a row
// "skipped: <why>", never a failure.
//
// HOW: every run of every contender is a fresh process that prints one JSON object (the contract
// in bench/workloads.mjs). Runs are interleaved: run r of every contender of a workload before run
// r+1 of any, the order rotated each round, so drift favours no one. Figures: the median over the
// runs with min-max; the ratio of each contender to the workload's aionode-native row
// (throughput: value / native's, higher is better; W6 overhead and latencies: value / native's,
// lower is better). W5/W7 are charted by their p99 lateness, plus the lateness distribution of the
// median run. Exit status: non-zero only when a contender that should have run failed.
//
// WHY separate processes: JIT state, heap size and GC history of one contender must not colour the
// next one's figure; and the Python contenders need their own interpreter anyway.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const here = dirname(self);
const root = dirname(here);
const WORKLOADS_MJS = join(here, "workloads.mjs");
const MICRO_MJS = join(here, "micro.mjs");
const WORKLOADS_PY = join(here, "py", "workloads.py");
const UVLOOP_PYTHON = "/usr/bin/python3";

// ------------------------------------------------------------------ what runs
/**
 * The workloads. kind: "throughput" (value, higher is better), "overhead" (value, lower is better)
 * or "latency" (p50/p99/... in µs, charted and compared by p99, lower is better).
 */
export const WORKLOADS = [
  { id: "W1", name: "callsoon", kind: "throughput", unit: "callbacks/s" },
  { id: "W2", name: "tasks", kind: "throughput", unit: "tasks/s", styles: true },
  { id: "W3", name: "pingpong", kind: "throughput", unit: "round trips/s", styles: true },
  { id: "W4", name: "timer-churn", kind: "throughput", unit: "ops/s" },
  { id: "W5", name: "timer-fire", kind: "latency", unit: "µs" },
  { id: "W6", name: "sleepers", kind: "overhead", unit: "ms overhead", styles: true },
  { id: "W7", name: "latency-under-load", kind: "latency", unit: "µs", timersFirst: true },
  { id: "W8", name: "threadsafe", kind: "throughput", unit: "messages/s" },
];
export const MICRO = { id: "micro", name: "micro operations", kind: "micro", unit: "ops/s" };
export const QUICK_NOTE =
  "quick mode: 1 run; W1, W2, W3, W5, W6 at a fifth of their size; W4 200k timers, W7 0.5 s, W8 4 x 50k posts; micro 0.5 s per operation";

/**
 * The contenders of workload `w`, in table order: { id, family, command, args, env, skip? }.
 * `env` holds what is set on top of the driver's environment. `probe` says what this machine has.
 */
export function contendersFor(w, probe) {
  const list = [];
  const node = (id, family, script, args, env, skip) =>
    list.push({ id, family, command: process.execPath, args: ["--expose-gc", script, ...args], env, skip });
  const py = (id, family, command, args, skip) => list.push({ id, family, command, args: [WORKLOADS_PY, ...args], env: {}, skip });
  if (w.kind === "micro") {
    for (const b of ["native", "js"]) {
      node(`aionode-${b}`, `aionode-${b}`, MICRO_MJS, ["aionode"], { AIONODE_BACKEND: b }, b === "native" ? probe.nativeSkip : null);
    }
    node("node", "node", MICRO_MJS, ["node"], {}, null);
    return list;
  }
  for (const b of ["native", "js"]) {
    const skip = b === "native" ? probe.nativeSkip : null;
    const env = { AIONODE_BACKEND: b };
    if (w.styles) {
      for (const s of ["generator", "async"]) node(`aionode-${b}-${s}`, `aionode-${b}`, WORKLOADS_MJS, [w.id, `aionode-${s}`], env, skip);
    } else {
      node(`aionode-${b}`, `aionode-${b}`, WORKLOADS_MJS, [w.id, "aionode"], env, skip);
      if (w.timersFirst) node(`aionode-${b}-timersFirst`, `aionode-${b}`, WORKLOADS_MJS, [w.id, "aionode-timersFirst"], env, skip);
    }
  }
  node("node", "node", WORKLOADS_MJS, [w.id, "node"], {}, null);
  for (const [family, command, extra, skip] of [
    ["asyncio", "python3", [], probe.pythonSkip],
    ["uvloop", UVLOOP_PYTHON, ["--uvloop"], probe.uvloopSkip],
  ]) {
    if (w.styles) for (const s of ["generator", "async"]) py(`${family}-${s}`, family, command, [w.id, s, ...extra], skip);
    else py(family, family, command, [w.id, "async", ...extra], skip);
  }
  return list;
}

/** What this machine has: the native addon, python3, uvloop (skip reasons are null when present). */
export function probeMachine() {
  const env = { ...process.env };
  delete env.AIONODE_BACKEND;
  const code = 'const a = await import("aionode"); console.log(JSON.stringify({ backend: a.backend, reason: a.backendReason }));';
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, env, encoding: "utf8" });
  let nativeSkip;
  let backendReason = "";
  if (r.status !== 0) {
    nativeSkip = `skipped: aionode does not load (${lastLine(r.stderr)}); run npm run build`;
  } else {
    const { backend, reason } = JSON.parse(r.stdout);
    backendReason = reason;
    nativeSkip = backend === "native" ? null : `skipped: native addon not available (${reason})`;
  }
  const pyVersion = (cmd) => {
    const p = spawnSync(cmd, ["-c", "import platform; print(platform.python_version())"], { encoding: "utf8" });
    return p.status === 0 ? p.stdout.trim() : null;
  };
  const python = pyVersion("python3");
  const uvloopPython = pyVersion(UVLOOP_PYTHON);
  const uv = spawnSync(UVLOOP_PYTHON, ["-c", "import uvloop; print(uvloop.__version__)"], { encoding: "utf8" });
  const uvloop = uv.status === 0 ? uv.stdout.trim() : null;
  return {
    nativeSkip,
    backendReason,
    pythonSkip: python === null ? "skipped: python3 not found" : null,
    uvloopSkip: uvloop === null ? "skipped: python3-uvloop not installed" : null,
    python,
    uvloopPython,
    uvloop,
  };
}

function machineInfo(probe) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: probe.python,
    uvloop: probe.uvloop,
    uvloopPython: probe.uvloopPython,
    aionodeNative: probe.nativeSkip === null ? "loaded" : probe.nativeSkip,
  };
}

// ------------------------------------------------------------------ options
function parseArgs(argv) {
  const o = { quick: false, runs: null, only: null, out: join(here, "results"), replot: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--quick") o.quick = true;
    else if (a === "--runs") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs must be a positive integer, got ${argv[i]}`);
      o.runs = n;
    } else if (a === "--only") {
      const known = new Map([...WORKLOADS, MICRO].map((w) => [w.id.toLowerCase(), w.id]));
      o.only = value()
        .split(",")
        .filter((s) => s !== "")
        .map((s) => {
          const id = known.get(s.trim().toLowerCase());
          if (id === undefined) throw new Error(`--only: unknown workload ${JSON.stringify(s)} (${[...known.values()].join(", ")})`);
          return id;
        });
    } else if (a === "--out") o.out = value();
    else if (a === "--replot") o.replot = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write(
        "usage: node bench/run.mjs [--quick] [--only W1,W5,micro] [--runs N] [--out DIR]\n" +
          "       node bench/run.mjs --replot [--out DIR]   (tables and charts again from DIR/latest.json)\n",
      );
      process.exit(0);
    } else throw new Error(`unknown option ${JSON.stringify(a)} (--quick, --only, --runs, --out)`);
  }
  o.runs ??= o.quick ? 1 : 5;
  return o;
}

// ------------------------------------------------------------------ running one child
const lastLine = (s) =>
  String(s ?? "")
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(-1)[0] ?? "";

/**
 * The machine-wide CPU counters of /proc/stat (Linux; null elsewhere): total time and the time
 * the hypervisor took from this VM ("steal"), both in clock ticks summed over the CPUs.
 */
export function cpuTicks() {
  let line;
  try {
    line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0];
  } catch {
    return null;
  }
  const f = line.trim().split(/\s+/);
  if (f[0] !== "cpu" || f.length < 9) return null;
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const v = f.slice(1, 9).map(Number);
  if (v.some((x) => !Number.isFinite(x))) return null;
  return { total: v.reduce((a, b) => a + b, 0), steal: v[7] };
}

/** Steal as a percentage of the CPU time that passed between two cpuTicks() readings (null if unknown). */
export function stealPercent(a, b) {
  if (a === null || b === null) return null;
  const total = b.total - a.total;
  return total > 0 ? (100 * (b.steal - a.steal)) / total : null;
}

/**
 * Run one measurement: resolves { ok: true, result } or { ok: false, error }. On Linux the result
 * also gets `steal`: the share of CPU time the hypervisor took while the run's process lived (a
 * loaded VM's latencies and throughputs say more about its neighbours than about the contender).
 */
function runChild(c, quick, timeoutMs) {
  return new Promise((resolve) => {
    const args = quick ? [...c.args, "--quick"] : c.args;
    const ticks0 = cpuTicks();
    const child = spawn(c.command, args, { cwd: root, env: { ...process.env, ...c.env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const fail = (msg) => {
      const tail = err.trim().split("\n").slice(-6).join("\n");
      resolve({ ok: false, error: tail ? `${msg}: ${tail}` : msg });
    };
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: `cannot start ${c.command}: ${e.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return fail(`timed out after ${timeoutMs / 1000} s`);
      if (code !== 0) return fail(signal ? `killed by ${signal}` : `exit status ${code}`);
      const text = out.trim();
      let result;
      try {
        if (text.includes("\n")) throw new Error("more than one line");
        result = JSON.parse(text);
        if (result === null || typeof result !== "object") throw new Error("not an object");
      } catch (e) {
        return fail(`bad output (${e.message}): ${JSON.stringify(text.slice(0, 200))}`);
      }
      const steal = stealPercent(ticks0, cpuTicks());
      if (steal !== null) result.steal = steal;
      resolve({ ok: true, result });
    });
  });
}

// ------------------------------------------------------------------ figures
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The number a workload is charted and compared by, from one run's result. */
function figureOf(w, r) {
  if (w.kind === "latency") return r.p99;
  if (w.kind === "micro") return null;
  return r.value;
}

/** Medians, minima and maxima of every numeric field over the runs; the figure; the median run. */
function summarize(w, runs) {
  const keys = Object.keys(runs[0]).filter((k) => runs.every((r) => typeof r[k] === "number"));
  const med = {};
  const min = {};
  const max = {};
  for (const k of keys) {
    const v = runs.map((r) => r[k]);
    med[k] = median(v);
    min[k] = Math.min(...v);
    max[k] = Math.max(...v);
  }
  const figs = runs.map((r) => figureOf(w, r));
  const figure = { median: median(figs), min: Math.min(...figs), max: Math.max(...figs) };
  // The run whose figure is closest to the median (its quantiles feed the distribution chart).
  let mi = 0;
  for (let i = 1; i < runs.length; i++) if (Math.abs(figs[i] - figure.median) < Math.abs(figs[mi] - figure.median)) mi = i;
  return { median: med, min, max, figure, medianRun: mi };
}

// ------------------------------------------------------------------ formatting
export function fmtNum(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
export function fmtUs(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} s`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(a >= 1e4 ? 1 : 2)} ms`;
  return `${v.toFixed(a >= 100 ? 0 : 1)} µs`;
}
const fmtMs = (v) => (Number.isFinite(v) ? `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms` : "—");
const fmtRatio = (r) => (r === null || !Number.isFinite(r) ? "—" : `×${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}`);
const fmtFigure = (w, v) => (w.kind === "latency" ? fmtUs(v) : w.kind === "overhead" ? fmtMs(v) : fmtNum(v));

function header(w, runs, baseline) {
  const n = `median of ${runs} run${runs === 1 ? "" : "s"}`;
  if (w.kind === "throughput") return `${w.id} ${w.name} — ${w.unit}, higher is better; ${n} (min-max); ratio = value / ${baseline}'s`;
  if (w.kind === "overhead") return `${w.id} ${w.name} — wall - ideal (ms), lower is better; ${n} (min-max); ratio = value / ${baseline}'s`;
  return `${w.id} ${w.name} — lateness (µs), lower is better; medians of ${runs} run${runs === 1 ? "" : "s"}; p99 (min-max); ratio = p99 / ${baseline}'s`;
}

function extrasText(w, c) {
  const m = c.median;
  const parts = [];
  if (m.rssMB !== undefined) parts.push(`peak RSS +${m.rssMB.toFixed(0)} MB`);
  if (m.nativeBytesPerTimer !== undefined) parts.push(`native wheel ${m.nativeBytesPerTimer.toFixed(1)} B/timer`);
  if (w.id === "W8" && m.received !== undefined) parts.push(`received ${m.received}/${m.expected}`);
  return parts.join(", ");
}

/** The line under a table that says how much CPU the hypervisor took during its runs ("" if unknown). */
export function stealLine(entry) {
  const s = entry.steal;
  if (s === undefined) return "";
  const pct = (v) => `${v.toFixed(v >= 10 ? 0 : 1)}%`;
  const runs = `${s.runs} run${s.runs === 1 ? "" : "s"}`;
  return `  CPU steal (time the hypervisor gave to other VMs) during these ${runs}: median ${pct(s.median)} (${pct(s.min)}-${pct(s.max)})`;
}

/** The terminal table of one workload. */
function table(w, entry, runs) {
  const lines = [header(w, runs, entry.baseline)];
  const rows = [];
  if (w.kind === "latency") {
    const extra = w.id === "W5" ? ["earliest", "wall"] : ["min", "fired"];
    rows.push(["contender", "p50", "p99 (min-max)", "max", ...extra, "ratio"]);
    for (const [id, c] of Object.entries(entry.contenders)) {
      if (c.figure === undefined) {
        rows.push([id, c.skipped ?? `ERROR ${c.error}`]);
        continue;
      }
      const m = c.median;
      const tail = w.id === "W5" ? [fmtUs(m.earliest), `${m.wall.toFixed(2)} s`] : [fmtUs(m.min), String(Math.round(m.n))];
      const row = [id, fmtUs(m.p50), `${fmtUs(m.p99)} (${fmtUs(c.figure.min)}-${fmtUs(c.figure.max)})`, fmtUs(m.max), ...tail, fmtRatio(c.ratio)];
      if (c.error) row.push(`ERROR after ${c.runs.length} runs: ${c.error}`);
      rows.push(row);
    }
  } else {
    rows.push(["contender", "median", "min-max", "ratio", ""]);
    for (const [id, c] of Object.entries(entry.contenders)) {
      if (c.figure === undefined) {
        rows.push([id, c.skipped ?? `ERROR ${c.error}`]);
        continue;
      }
      const f = c.figure;
      const row = [id, fmtFigure(w, f.median), `${fmtFigure(w, f.min)}-${fmtFigure(w, f.max)}`, fmtRatio(c.ratio), extrasText(w, c)];
      if (c.error) row.push(`ERROR after ${c.runs.length} runs: ${c.error}`);
      rows.push(row);
    }
  }
  lines.push(...alignRows(rows));
  const sl = stealLine(entry);
  if (sl !== "") lines.push(sl);
  return lines.join("\n");
}

function microTable(entry) {
  const ids = Object.keys(entry.contenders);
  const ops = [];
  for (const c of Object.values(entry.contenders)) for (const r of c.results ?? []) if (!ops.includes(r.name)) ops.push(r.name);
  const rows = [["operation", ...ids]];
  for (const op of ops) {
    rows.push([
      op,
      ...ids.map((id) => {
        const r = entry.contenders[id].results?.find((x) => x.name === op);
        return r ? `${fmtNum(r.hz)} ±${r.rme.toFixed(1)}%` : "—";
      }),
    ]);
  }
  const notes = ids.filter((id) => entry.contenders[id].results === undefined).map((id) => `  ${id}: ${entry.contenders[id].skipped ?? `ERROR ${entry.contenders[id].error}`}`);
  const sl = stealLine(entry);
  return [`micro — ops/s (benchmark.js, ± relative margin of error), higher is better; ${entry.batch} operations per benchmark.js op, run from loop callbacks`, ...alignRows(rows), ...notes, ...(sl ? [sl] : [])].join("\n");
}

function alignRows(rows) {
  const widths = [];
  for (const r of rows) if (r.length > 2) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => {
    if (r.length <= 2) return `  ${r[0].padEnd(widths[0] ?? 0)}  ${r[1] ?? ""}`.trimEnd();
    return `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")}`.trimEnd();
  });
}

// ------------------------------------------------------------------ SVG charts
const FAMILY_COLORS = {
  "aionode-native": ["#1d4ed8", "#60a5fa", "#1e3a8a"],
  "aionode-js": ["#7e22ce", "#c084fc", "#4c1d95"],
  node: ["#15803d", "#4ade80", "#14532d"],
  asyncio: ["#d97706", "#fbbf24", "#92400e"],
  uvloop: ["#dc2626", "#f87171", "#7f1d1d"],
};
/** Colour of a contender: its family's hue; the async style lighter, timersFirst darker. */
export function colorOf(id, family) {
  const [base, light, dark] = FAMILY_COLORS[family] ?? ["#6b7280", "#9ca3af", "#374151"];
  if (id.endsWith("-async")) return light;
  if (id.endsWith("-timersFirst")) return dark;
  return base;
}
/** Axis tick labels: no trailing zeros ("20M", "2.5M", "10 µs", "1 ms"). */
function fmtTick(v, unit) {
  if (v === 0) return "0";
  const trim = (x) => String(Number(x.toPrecision(3)));
  const a = Math.abs(v);
  if (unit === "µs") return a >= 1e6 ? `${trim(v / 1e6)} s` : a >= 1e3 ? `${trim(v / 1e3)} ms` : `${trim(v)} µs`;
  if (unit === "ms") return `${trim(v)} ms`;
  return a >= 1e9 ? `${trim(v / 1e9)}G` : a >= 1e6 ? `${trim(v / 1e6)}M` : a >= 1e3 ? `${trim(v / 1e3)}k` : trim(v);
}
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const FONT = 'font-family="Inter, Segoe UI, Helvetica, Arial, sans-serif"';
const SVG_W = 980;
const LABEL_W = 230;
const VALUE_W = 250;
const ROW_H = 30;

/** Ticks 1-2-5 x 10^k spanning [lo, hi]. */
function niceTicks(lo, hi, n = 6) {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => span / s <= n) ?? 10 * p;
  const ticks = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return { ticks, lo: Math.min(lo, ticks[0]), hi: Math.max(hi, ticks[ticks.length - 1]) };
}

/**
 * A linear or symmetric-log (linear within ±1 unit) x scale over [lo, hi] to pixels [x0, x1], with
 * tick values far enough apart (in pixels) for their labels.
 */
function makeScale(lo, hi, x0, x1, kind) {
  let map;
  let ticks;
  if (kind === "symlog") {
    const f = (v) => Math.sign(v) * Math.log10(1 + Math.abs(v));
    const a = f(Math.min(lo, 0));
    const b = f(hi);
    map = (v) => x0 + ((f(v) - a) / (b - a || 1)) * (x1 - x0);
    ticks = [0];
    for (let k = 0; k <= 9; k++) {
      const t = 10 ** k;
      if (t <= hi * 1.0001) ticks.push(t);
      if (-t >= lo * 1.0001) ticks.unshift(-t);
    }
  } else {
    const n = niceTicks(Math.min(lo, 0), hi);
    map = (v) => x0 + ((v - n.lo) / (n.hi - n.lo || 1)) * (x1 - x0);
    ticks = n.ticks;
  }
  // Drop ticks whose labels would collide, keeping 0 and moving outwards from it.
  const keep = [0];
  for (const dir of [1, -1]) {
    let last = map(0);
    for (const t of dir > 0 ? ticks.filter((t) => t > 0) : ticks.filter((t) => t < 0).reverse()) {
      if (Math.abs(map(t) - last) >= 52) {
        keep.push(t);
        last = map(t);
      }
    }
  }
  return { map, ticks: keep.filter((t) => ticks.includes(t) || t === 0).sort((p, q) => p - q) };
}

/** The SVG's opening, title and subtitle lines; `top` is where the content starts. */
function svgOpen(height, title, subtitles) {
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_W}" height="${height}" viewBox="0 0 ${SVG_W} ${height}" ${FONT}>`,
    `<rect width="${SVG_W}" height="${height}" fill="#ffffff"/>`,
    `<text x="24" y="34" font-size="20" font-weight="700" fill="#111827">${esc(title)}</text>`,
  ];
  subtitles.forEach((t, i) => lines.push(`<text x="24" y="${58 + 19 * i}" font-size="13.5" fill="#4b5563">${esc(t)}</text>`));
  return lines;
}
const contentTop = (subtitles) => 84 + 19 * (subtitles.length - 1);

function svgFooter(height, meta) {
  const m = meta.machine;
  const py = m.python ? `Python ${m.python}` : "no python3";
  const uv = m.uvloop ? `uvloop ${m.uvloop} (Python ${m.uvloopPython})` : "no uvloop";
  const text = `${m.cpu} x ${m.cpus}, ${m.memoryGiB} GiB, ${m.platform} · Node ${m.node} · ${py} · ${uv} · ${meta.date.slice(0, 10)}${meta.options.quick ? " · QUICK MODE" : ""}`;
  return [
    `<line x1="24" y1="${height - 34}" x2="${SVG_W - 24}" y2="${height - 34}" stroke="#e5e7eb"/>`,
    `<text x="24" y="${height - 14}" font-size="11.5" fill="#6b7280">${esc(text)}</text>`,
  ];
}

/** Rows of a chart: contenders with a figure, and notes for those skipped or failed. */
function chartRows(entry) {
  return Object.entries(entry.contenders).map(([id, c]) => ({ id, c, color: colorOf(id, c.family) }));
}

/** A panel's background: every other row shaded, and a vertical grid line with a label per tick. Returns the rows' height. */
function panelGrid(out, nRows, top, sc, unit) {
  const h = nRows * ROW_H;
  for (let i = 1; i < nRows; i += 2) {
    out.push(`<rect x="16" y="${top + i * ROW_H}" width="${SVG_W - 32}" height="${ROW_H}" fill="#f9fafb"/>`);
  }
  for (const t of sc.ticks) {
    const x = sc.map(t).toFixed(1);
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${top + h}" stroke="${t === 0 ? "#9ca3af" : "#e5e7eb"}"/>`);
    out.push(`<text x="${x}" y="${top + h + 18}" font-size="12" fill="#6b7280" text-anchor="middle">${esc(fmtTick(t, unit))}</text>`);
  }
  return h;
}

/**
 * A horizontal bar chart of medians with min-max whiskers. `get(c)` gives {median, min, max} or
 * null; `label(c)` the text right of the whisker. Returns SVG lines placed from y = top.
 */
function barPanel(rows, top, get, label, scaleKind, axisTitle, unit) {
  const out = [];
  const x0 = LABEL_W;
  // Room on the right for the longest value label (about 7 px per character at 12.5 px).
  const longest = Math.max(0, ...rows.filter((r) => get(r.c) !== null).map((r) => label(r).length));
  const x1 = Math.min(SVG_W - VALUE_W, SVG_W - 34 - longest * 7);
  const vals = rows.map((r) => get(r.c)).filter((v) => v !== null);
  const lo = Math.min(0, ...vals.map((v) => v.min));
  const hi = Math.max(...vals.map((v) => v.max), 1e-9);
  const sc = makeScale(lo, hi, x0, x1, scaleKind);
  const h = panelGrid(out, rows.length, top, sc, unit);
  if (axisTitle) out.push(`<text x="${(x0 + x1) / 2}" y="${top + h + 38}" font-size="12.5" fill="#374151" text-anchor="middle">${esc(axisTitle)}</text>`);
  rows.forEach((r, i) => {
    const y = top + i * ROW_H;
    const cy = y + ROW_H / 2;
    out.push(`<text x="${x0 - 12}" y="${cy + 4.5}" font-size="13.5" fill="#111827" text-anchor="end">${esc(r.id)}</text>`);
    const v = get(r.c);
    if (v === null) {
      const why = r.c.skipped ?? `error: ${r.c.error}`;
      out.push(`<text x="${x0 + 8}" y="${cy + 4.5}" font-size="12.5" fill="${r.c.skipped ? "#6b7280" : "#b91c1c"}" font-style="italic">${esc(why.length > 95 ? `${why.slice(0, 94)}…` : why)}</text>`);
      return;
    }
    const zx = sc.map(0);
    const mx = sc.map(v.median);
    out.push(`<rect x="${Math.min(zx, mx).toFixed(1)}" y="${(y + 7).toFixed(1)}" width="${Math.max(1.5, Math.abs(mx - zx)).toFixed(1)}" height="${ROW_H - 14}" rx="2" fill="${r.color}"/>`);
    const a = sc.map(v.min).toFixed(1);
    const b = sc.map(v.max).toFixed(1);
    out.push(`<g stroke="#111827" stroke-width="1.3"><line x1="${a}" y1="${cy}" x2="${b}" y2="${cy}"/><line x1="${a}" y1="${cy - 5}" x2="${a}" y2="${cy + 5}"/><line x1="${b}" y1="${cy - 5}" x2="${b}" y2="${cy + 5}"/></g>`);
    const lx = Math.max(sc.map(v.max), mx) + 10;
    out.push(`<text x="${lx.toFixed(1)}" y="${cy + 4.5}" font-size="12.5" fill="#1f2937">${esc(label(r))}</text>`);
  });
  return { lines: out, height: h + (axisTitle ? 46 : 26) };
}

/** Box and whisker per contender of the median run's lateness quantiles, on a symlog axis. */
function distributionPanel(rows, top) {
  const out = [];
  const x0 = LABEL_W;
  const x1 = SVG_W - VALUE_W;
  const qs = rows.map((r) => (r.c.runs && r.c.figure !== undefined ? r.c.runs[r.c.medianRun]?.quantiles ?? null : null));
  const all = qs.filter((q) => q !== null).flat();
  const sc = makeScale(Math.min(0, ...all), Math.max(1, ...all), x0, x1, "symlog");
  const h = panelGrid(out, rows.length, top, sc, "µs");
  out.push(`<text x="${(x0 + x1) / 2}" y="${top + h + 38}" font-size="12.5" fill="#374151" text-anchor="middle">lateness of the median run (symmetric log scale; below 0 = fired before its deadline)</text>`);
  rows.forEach((r, i) => {
    const y = top + i * ROW_H;
    const cy = y + ROW_H / 2;
    out.push(`<text x="${x0 - 12}" y="${cy + 4.5}" font-size="13.5" fill="#111827" text-anchor="end">${esc(r.id)}</text>`);
    const q = qs[i];
    if (q === null) {
      out.push(`<text x="${x0 + 8}" y="${cy + 4.5}" font-size="12.5" fill="#6b7280" font-style="italic">${esc(r.c.skipped ?? "no data")}</text>`);
      return;
    }
    const X = (k) => sc.map(q[k]).toFixed(1);
    out.push(`<line x1="${X(1)}" y1="${cy}" x2="${X(99)}" y2="${cy}" stroke="${r.color}" stroke-width="2"/>`);
    out.push(`<line x1="${X(1)}" y1="${cy - 6}" x2="${X(1)}" y2="${cy + 6}" stroke="${r.color}" stroke-width="2"/>`);
    out.push(`<line x1="${X(99)}" y1="${cy - 6}" x2="${X(99)}" y2="${cy + 6}" stroke="${r.color}" stroke-width="2"/>`);
    const bx = sc.map(q[25]);
    out.push(`<rect x="${bx.toFixed(1)}" y="${y + 6}" width="${Math.max(2, sc.map(q[75]) - bx).toFixed(1)}" height="${ROW_H - 12}" rx="2" fill="${r.color}" fill-opacity="0.85" stroke="${r.color}"/>`);
    out.push(`<line x1="${X(50)}" y1="${y + 4}" x2="${X(50)}" y2="${y + ROW_H - 4}" stroke="#111827" stroke-width="2.2"/>`);
    out.push(`<circle cx="${X(0)}" cy="${cy}" r="3.2" fill="#ffffff" stroke="#111827" stroke-width="1.3"/>`);
    out.push(`<path d="M ${X(100)} ${cy - 4.5} l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 z" fill="#111827"/>`);
    out.push(`<text x="${x1 + 28}" y="${cy + 4.5}" font-size="12.5" fill="#1f2937">p50 ${esc(fmtUs(q[50]))} · p99 ${esc(fmtUs(q[99]))}</text>`);
  });
  return { lines: out, height: h + 46 };
}

function legendDistribution(y) {
  const x = LABEL_W;
  return [
    `<rect x="${x}" y="${y - 8}" width="22" height="12" fill="#9ca3af"/><text x="${x + 28}" y="${y + 2}" font-size="12" fill="#374151">p25-p75</text>`,
    `<line x1="${x + 100}" y1="${y - 9}" x2="${x + 100}" y2="${y + 5}" stroke="#111827" stroke-width="2.2"/><text x="${x + 108}" y="${y + 2}" font-size="12" fill="#374151">median</text>`,
    `<line x1="${x + 170}" y1="${y - 2}" x2="${x + 200}" y2="${y - 2}" stroke="#6b7280" stroke-width="2"/><text x="${x + 206}" y="${y + 2}" font-size="12" fill="#374151">p1-p99</text>`,
    `<circle cx="${x + 272}" cy="${y - 2}" r="3.2" fill="#fff" stroke="#111827" stroke-width="1.3"/><text x="${x + 280}" y="${y + 2}" font-size="12" fill="#374151">min</text>`,
    `<path d="M ${x + 322} ${y - 6.5} l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 z" fill="#111827"/><text x="${x + 332}" y="${y + 2}" font-size="12" fill="#374151">max</text>`,
  ];
}

function workloadSvg(w, entry, meta) {
  const rows = chartRows(entry);
  const runs = meta.options.runs;
  const better = w.kind === "throughput" ? "higher is better" : "lower is better";
  const what = w.kind === "latency" ? "p99 lateness" : w.kind === "overhead" ? "overhead over the ideal wall time" : w.unit;
  const title = `${w.id} ${w.name}: ${what}, ${better}`;
  const subtitles = [
    describe(w.id, meta.options.quick),
    `median of ${runs} run${runs === 1 ? "" : "s"} (fresh processes), whiskers min-max; ×: ratio to ${entry.baseline}`,
  ];
  const get = (c) => (c.figure === undefined ? null : c.figure);
  const label = (r) => {
    const c = r.c;
    let s = fmtFigure(w, c.figure.median);
    if (c.ratio !== null && c.ratio !== undefined && r.id !== entry.baseline) s += `  ${fmtRatio(c.ratio)}`;
    const x = [];
    if (c.median.rssMB !== undefined) x.push(`+${c.median.rssMB.toFixed(0)} MB`);
    if (c.median.nativeBytesPerTimer !== undefined) x.push(`wheel ${c.median.nativeBytesPerTimer.toFixed(0)} B/timer`);
    return x.length ? `${s}  (${x.join(", ")})` : s;
  };
  // Latencies: a symmetric log axis only when a linear one would hide some bars.
  const figs = rows.map((r) => r.c.figure?.median).filter((v) => v !== undefined);
  const spread = Math.max(...figs) / Math.min(...figs);
  const scaleKind = w.kind === "latency" && (Math.min(...figs) <= 0 || spread > 30) ? "symlog" : "linear";
  const unit = w.kind === "latency" ? "µs" : w.kind === "overhead" ? "ms" : "";
  const axis =
    w.kind === "latency"
      ? `p99 lateness (median over runs)${scaleKind === "symlog" ? ", symmetric log scale" : ""}`
      : w.kind === "overhead"
        ? "wall time - ideal wall time (the longest task's total sleep)"
        : w.unit;
  let y = contentTop(subtitles);
  const bars = barPanel(rows, y, get, label, scaleKind, axis, unit);
  const lines = [...bars.lines];
  y += bars.height;
  if (w.kind === "latency") {
    lines.push(`<text x="24" y="${y + 26}" font-size="16" font-weight="700" fill="#111827">Lateness distribution (the median run of each contender)</text>`);
    lines.push(...legendDistribution(y + 50));
    const dist = distributionPanel(rows, y + 66);
    lines.push(...dist.lines);
    y += 66 + dist.height;
  }
  const height = y + 46;
  return [...svgOpen(height, title, subtitles), ...lines, ...svgFooter(height, meta), "</svg>", ""].join("\n");
}

function microSvg(entry, meta) {
  const ids = Object.keys(entry.contenders);
  const ops = [];
  for (const c of Object.values(entry.contenders)) for (const r of c.results ?? []) if (!ops.includes(r.name)) ops.push(r.name);
  const title = "micro operations: ops/s, higher is better";
  const subtitles = [
    `benchmark.js; one benchmark.js op = ${entry.batch} operations done from loop callbacks; whiskers ± relative margin of error`,
    "node: the nearest built-ins (setImmediate, a Promise + its resolve, an async function, setTimeout + clearTimeout)",
  ];
  const lines = [];
  let y = contentTop(subtitles);
  for (const op of ops) {
    lines.push(`<text x="24" y="${y + 16}" font-size="15" font-weight="700" fill="#111827">${esc(op)}</text>`);
    const rows = ids.map((id) => {
      const c = entry.contenders[id];
      const r = c.results?.find((x) => x.name === op);
      const fig = r ? { median: r.hz, min: r.hz * (1 - r.rme / 100), max: r.hz * (1 + r.rme / 100) } : null;
      return { id, color: colorOf(id, c.family), c: { ...c, fig, r } };
    });
    const p = barPanel(rows, y + 26, (c) => c.fig, (row) => `${fmtNum(row.c.r.hz)} ops/s ±${row.c.r.rme.toFixed(1)}%`, "linear", null, "");
    lines.push(...p.lines);
    y += 26 + p.height + 10;
  }
  const height = y + 40;
  return [...svgOpen(height, title, subtitles), ...lines, ...svgFooter(height, meta), "</svg>", ""].join("\n");
}

/** One line per workload for the charts (the sizes --quick runs). */
function describe(id, quick) {
  return {
    W1: `${quick ? "200,000" : "1,000,000"} callSoon callbacks from inside the loop`,
    W2: `${quick ? "20,000" : "100,000"} tasks, each awaits sleep(0) once; gathered`,
    W3: `${quick ? "40,000" : "200,000"} round trips between two tasks through two queues`,
    W4: `schedule ${quick ? "200,000" : "1,000,000"} timers in [1 s, 100 s), then cancel all; peak RSS growth in brackets`,
    W5: `${quick ? "20,000" : "100,000"} timers in [0, 1 s) scheduled in one burst; lateness = fire - max(deadline, end of burst)`,
    W6: `${quick ? "2,000" : "10,000"} tasks each sleep 20 times in [0, 10 ms); gathered; peak RSS growth in brackets`,
    W7: `a 1 ms timer re-armed for ${quick ? "0.5" : "2"} s while 4 callbacks spin 20 µs each and re-queue`,
    W8: `4 worker threads post ${quick ? "50,000" : "250,000"} messages each`,
  }[id];
}

// ------------------------------------------------------------------ progress
class Progress {
  constructor(total) {
    this.total = total;
    this.done = 0;
    this.t0 = performance.now();
    this.tty = process.stderr.isTTY === true;
    this.current = "";
    this.timer = this.tty ? setInterval(() => this.draw(), 1000) : null;
    this.timer?.unref();
  }
  elapsed() {
    const s = Math.floor((performance.now() - this.t0) / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }
  step(text) {
    this.current = text;
    if (this.tty) this.draw();
    else process.stderr.write(`[${this.elapsed()}] (${this.done + 1}/${this.total}) ${text}\n`);
  }
  finished(note) {
    this.done++;
    if (!this.tty && note) process.stderr.write(`           ${note}\n`);
  }
  draw() {
    const line = `[${this.elapsed()}] (${this.done + 1}/${this.total}) ${this.current}`;
    const cols = process.stderr.columns > 20 ? process.stderr.columns - 1 : 200;
    process.stderr.write(`\r\x1b[K${line.slice(0, cols)}`);
  }
  clear() {
    if (this.tty) process.stderr.write("\r\x1b[K");
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }
}

// ------------------------------------------------------------------ main
async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (opts.replot) return replot(opts.out);
  const selected = [...WORKLOADS, MICRO].filter((w) => opts.only === null || opts.only.includes(w.id));
  const probe = probeMachine();
  const meta = {
    machine: machineInfo(probe),
    date: new Date().toISOString(),
    options: { runs: opts.runs, quick: opts.quick, only: opts.only, quickReductions: opts.quick ? QUICK_NOTE : null },
  };
  const m = meta.machine;
  console.log(`aionode bench — ${m.cpu} x ${m.cpus}, ${m.memoryGiB} GiB, node ${m.node}, python ${m.python ?? "-"}, uvloop ${m.uvloop ?? "-"}`);
  console.log(`native backend: ${probe.nativeSkip ?? "loaded"}; every run a fresh process, contenders interleaved`);
  if (opts.quick) console.log(QUICK_NOTE);

  const plans = selected.map((w) => ({ w, contenders: contendersFor(w, probe) }));
  const runsOf = (w) => (w.kind === "micro" ? 1 : opts.runs); // benchmark.js samples on its own
  const total = plans.reduce((n, p) => n + p.contenders.filter((c) => !c.skip).length * runsOf(p.w), 0);
  const progress = new Progress(total);
  const timeoutMs = (opts.quick ? 90 : 300) * 1000;
  const results = {};
  let failed = 0;
  const t0 = performance.now();

  for (const { w, contenders } of plans) {
    const state = new Map(contenders.map((c) => [c.id, { runs: [], error: null }]));
    const runnable = contenders.filter((c) => !c.skip);
    const rounds = runsOf(w);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < runnable.length; k++) {
        const c = runnable[(k + r) % runnable.length];
        const st = state.get(c.id);
        if (st.error !== null) {
          progress.finished(null);
          continue;
        }
        progress.step(`${w.id} ${w.name} · ${c.id} · run ${r + 1}/${rounds}`);
        const res = await runChild(c, opts.quick, timeoutMs);
        if (res.ok && w.id === "W8" && res.result.received !== res.result.expected) {
          res.ok = false;
          res.error = `received ${res.result.received} of ${res.result.expected} messages`;
        }
        if (res.ok) {
          st.runs.push(res.result);
          progress.finished(w.kind === "micro" ? "ok" : `ok ${fmtFigure(w, figureOf(w, res.result))}`);
        } else {
          st.error = res.error;
          progress.finished(`ERROR ${res.error.split("\n")[0]}`);
        }
      }
    }
    results[w.id] = buildEntry(w, contenders, state);
    failed += Object.values(results[w.id].contenders).filter((c) => c.error).length;
    progress.clear();
    console.log(`\n${w.kind === "micro" ? microTable(results[w.id]) : table(w, results[w.id], opts.runs)}`);
  }
  progress.stop();

  meta.durationSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const out = { ...meta, workloads: results };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, "latest.json"), `${JSON.stringify(out, null, 1)}\n`);
  const written = ["latest.json", ...writeCharts(out, opts.out)];
  console.log(`\n${meta.durationSeconds} s; wrote ${relative(process.cwd(), opts.out) || "."}/{${written.join(",")}}`);
  if (failed > 0) console.log(`${failed} contender(s) failed`);
  return failed > 0 ? 1 : 0;
}

/** Write every chart of a results object (latest.json's shape) into `dir`; returns the file names. */
function writeCharts(out, dir) {
  const written = [];
  for (const w of [...WORKLOADS, MICRO]) {
    const entry = out.workloads[w.id];
    if (entry === undefined) continue;
    const file = `${w.id}.svg`;
    writeFileSync(join(dir, file), w.kind === "micro" ? microSvg(entry, out) : workloadSvg(w, entry, out));
    written.push(file);
  }
  return written;
}

/** --replot: the tables and charts again from an existing latest.json (no measurement). */
function replot(dir) {
  const out = JSON.parse(readFileSync(join(dir, "latest.json"), "utf8"));
  for (const w of [...WORKLOADS, MICRO]) {
    const entry = out.workloads[w.id];
    if (entry !== undefined) console.log(`\n${w.kind === "micro" ? microTable(entry) : table(w, entry, out.options.runs)}`);
  }
  console.log(`\nwrote ${writeCharts(out, dir).join(", ")} in ${relative(process.cwd(), dir) || "."}`);
  return 0;
}

/** One workload's entry of latest.json. */
function buildEntry(w, contenders, state) {
  const entry = { name: w.name, kind: w.kind, unit: w.unit, better: w.kind === "throughput" || w.kind === "micro" ? "higher" : "lower" };
  entry.baseline = contenders[0].id;
  entry.contenders = {};
  for (const c of contenders) {
    const cmd = c.command === process.execPath ? "node" : c.command;
    const args = c.args.map((a) => (a.startsWith(root) ? relative(root, a) : a));
    const base = { family: c.family, command: [cmd, ...args].join(" "), env: c.env };
    if (c.skip) {
      entry.contenders[c.id] = { ...base, skipped: c.skip };
      continue;
    }
    const st = state.get(c.id);
    if (w.kind === "micro") {
      entry.batch ??= st.runs[0]?.batch;
      entry.contenders[c.id] = st.runs.length ? { ...base, backend: st.runs[0].backend, results: st.runs[0].results } : { ...base, error: st.error };
      continue;
    }
    const e = { ...base, runs: st.runs };
    if (st.runs.length > 0) Object.assign(e, summarize(w, st.runs));
    if (st.error !== null) e.error = st.error;
    entry.contenders[c.id] = e;
  }
  const steals = [];
  for (const c of contenders) for (const r of state.get(c.id)?.runs ?? []) if (typeof r.steal === "number") steals.push(r.steal);
  if (steals.length > 0) entry.steal = { median: median(steals), min: Math.min(...steals), max: Math.max(...steals), runs: steals.length };
  if (w.kind !== "micro") {
    const b = entry.contenders[entry.baseline]?.figure?.median;
    for (const c of Object.values(entry.contenders)) {
      if (c.figure === undefined) continue;
      c.ratio = b !== undefined && b > 0 && c.figure.median > 0 ? c.figure.median / b : null;
    }
  }
  return entry;
}

if (process.argv[1] === self) {
  process.exitCode = await main();
}
