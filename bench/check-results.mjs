#!/usr/bin/env node
// Checks what `npm run bench` wrote (CI's smoke step runs it after `npm run bench -- --quick`):
//
//   node bench/check-results.mjs [path/to/latest.json]      (default bench/results/latest.json)
//
// Exits non-zero unless every contender of every workload the run selected has a figure (every
// run succeeded, with finite numbers) or a skip reason, and each workload's chart was written.
// It never judges timings: a slow machine is not a failure, a missing or broken measurement is.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MICRO, WORKLOADS, contendersFor } from "./run.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, "results", "latest.json");
const problems = [];
let json;
try {
  json = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  process.stderr.write(`check-results: cannot read ${file}: ${e.message}\n`);
  process.exit(1);
}

const finite = (v) => typeof v === "number" && Number.isFinite(v);
const all = [...WORKLOADS, MICRO];
const selected = json.options?.only ?? all.map((w) => w.id);
let figures = 0;
let skipped = 0;
for (const id of selected) {
  const w = all.find((x) => x.id === id);
  const entry = json.workloads?.[id];
  if (w === undefined || entry === undefined) {
    problems.push(`${id}: no results`);
    continue;
  }
  if (!existsSync(join(dirname(file), `${id}.svg`))) problems.push(`${id}: chart ${id}.svg missing`);
  // On Linux every run records the hypervisor's steal (/proc/stat) beside its figures.
  if (process.platform === "linux" && !finite(entry.steal?.median)) problems.push(`${id}: no CPU steal figure`);
  // Every contender the driver defines must be there (a probe of nothing: ids only).
  const expected = contendersFor(w, { nativeSkip: null, pythonSkip: null, uvloopSkip: null }).map((c) => c.id);
  for (const cid of expected) if (!(cid in entry.contenders)) problems.push(`${id} ${cid}: missing`);
  for (const [cid, c] of Object.entries(entry.contenders)) {
    const where = `${id} ${cid}`;
    if (typeof c.skipped === "string" && c.skipped !== "") {
      skipped++;
      continue;
    }
    if (c.error) {
      problems.push(`${where}: ${c.error.split("\n")[0]}`);
      continue;
    }
    if (w.kind === "micro") {
      const ok = Array.isArray(c.results) && c.results.length > 0 && c.results.every((r) => finite(r.hz) && r.hz > 0 && finite(r.rme));
      if (ok) figures++;
      else problems.push(`${where}: no micro results`);
      continue;
    }
    const runsOk = Array.isArray(c.runs) && c.runs.length === json.options.runs;
    const fig = c.figure;
    if (!runsOk) problems.push(`${where}: ${c.runs?.length ?? 0} of ${json.options.runs} runs`);
    else if (!fig || !finite(fig.median) || !finite(fig.min) || !finite(fig.max)) problems.push(`${where}: no figure`);
    else if (w.kind === "latency" && !c.runs.every((r) => Array.isArray(r.quantiles) && r.quantiles.length === 101 && r.quantiles.every(finite))) {
      problems.push(`${where}: lateness quantiles missing`);
    } else if (w.id === "W8" && !c.runs.every((r) => r.received === r.expected)) problems.push(`${where}: messages lost`);
    else figures++;
  }
}

if (problems.length > 0) {
  process.stderr.write(`check-results: ${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
console.log(`check-results: ${selected.length} workload(s), ${figures} contender(s) with figures, ${skipped} skipped — OK`);
