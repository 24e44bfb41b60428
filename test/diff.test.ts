/**
 * Differential tests: each test/diff/NAME.py is a Python asyncio program and NAME.mjs its
 * aionode twin (generator coroutines); NAMEasync.mjs, where present, is a second twin written with
 * async functions and compared with the same NAME.py (NAMEmixed.mjs: generator tasks awaiting
 * async bodies, likewise). Both run as child processes; their stdout
 * must match line for line. (The twins import "aionode", i.e. dist/: `npm test` builds first.)
 *
 * Each Python original runs once per test run, its twins sharing the trace; a trace that a twin
 * matched is kept in node_modules/.cache/aionode-diff/ (keyed by the program's text and the
 * Python version), so the suite's second run, on the other backend, compares with it instead of
 * running Python again. AIONODE_DIFF_CACHE=0 runs Python every time.
 *
 * The originals are started by a fork server (test/helpers/pyfork.ts: one Python that has imported
 * asyncio forks a child per program, which then runs as `python3 -S <program>` would).
 */
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runPython } from "./helpers/pyfork.js";

const run = promisify(execFile);
const dir = join(import.meta.dirname, "diff");
const files = readdirSync(dir);
/** [twin name, Python original] for every twin that has an original. */
const pairs: [string, string][] = files
  .filter((f) => f.endsWith(".mjs"))
  .map((f) => f.slice(0, -4))
  .map((name): [string, string] => {
    if (files.includes(`${name}.py`)) return [name, name];
    if (name.endsWith("async") && files.includes(`${name.slice(0, -5)}.py`)) return [name, name.slice(0, -5)];
    if (name.endsWith("mixed") && files.includes(`${name.slice(0, -5)}.py`)) return [name, name.slice(0, -5)];
    return [name, ""];
  })
  .filter(([, py]) => py !== "")
  .sort();

/** A twin's stdout (rejects on a non-zero status, or after 60 s). */
async function twinOutput(file: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(dir, file)], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

const useCache = process.env.AIONODE_DIFF_CACHE !== "0";
const cacheDir = join(import.meta.dirname, "..", "node_modules", ".cache", "aionode-diff");
const pythonVersion = execFileSync("python3", ["--version"]).toString().trim();

function cachePath(original: string): string {
  const key = createHash("sha256")
    .update(pythonVersion)
    .update("\0")
    .update(readFileSync(join(dir, `${original}.py`)))
    .digest("hex")
    .slice(0, 24);
  return join(cacheDir, `${original}-${key}.out`);
}

function readCached(original: string): string | undefined {
  if (!useCache) return undefined;
  try {
    return readFileSync(cachePath(original), "utf8");
  } catch {
    return undefined;
  }
}

/** One Python run per original in this test run, shared by its twins. */
const pythonRuns = new Map<string, Promise<string>>();
function pythonTrace(original: string): Promise<string> {
  let p = pythonRuns.get(original);
  if (p === undefined) {
    p = runPython(join(dir, `${original}.py`));
    pythonRuns.set(original, p);
  }
  return p;
}

describe("differential: Python asyncio vs aionode", () => {
  it("has at least 40 pairs", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
  });
  it("every Python original has a generator twin", () => {
    for (const f of files.filter((f) => f.endsWith(".py"))) expect(files).toContain(f.replace(/\.py$/, ".mjs"));
  });
  for (const [name, original] of pairs) {
    it.concurrent(name, async () => {
      const cached = readCached(original);
      const [py, js] = await Promise.all([cached ?? pythonTrace(original), twinOutput(`${name}.mjs`)]);
      expect(py.length).toBeGreaterThan(0);
      expect(js.split("\n")).toEqual(py.split("\n"));
      if (cached === undefined && useCache) {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(cachePath(original), py);
      }
    });
  }
});
