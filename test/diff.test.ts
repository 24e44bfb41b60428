/**
 * Differential tests: each test/diff/NAME.py is a Python asyncio program and NAME.mjs its
 * aionode twin (generator coroutines); NAMEasync.mjs, where present, is a second twin written with
 * async functions and compared with the same NAME.py (NAMEmixed.mjs: generator tasks awaiting
 * async bodies, likewise). Both run as child processes; their stdout
 * must match line for line. (The twins import "aionode", i.e. dist/: `npm test` builds first.)
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

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

async function output(cmd: string, file: string): Promise<string> {
  const { stdout } = await run(cmd, [join(dir, file)], {
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
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
      const [py, js] = await Promise.all([output("python3", `${original}.py`), output(process.execPath, `${name}.mjs`)]);
      expect(py.length).toBeGreaterThan(0);
      expect(js.split("\n")).toEqual(py.split("\n"));
    });
  }
});
