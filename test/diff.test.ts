/**
 * Differential tests: each test/diff/NAME.py is a Python asyncio program and NAME.mjs its
 * aionode twin. Both run as child processes; their stdout must match line for line.
 * (The twins import "aionode", i.e. dist/: `npm test` builds first.)
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = join(import.meta.dirname, "diff");
const pairs = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .filter((name) => readdirSync(dir).includes(`${name}.mjs`))
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
  for (const name of pairs) {
    it.concurrent(name, async () => {
      const [py, js] = await Promise.all([output("python3", `${name}.py`), output(process.execPath, `${name}.mjs`)]);
      expect(py.length).toBeGreaterThan(0);
      expect(js.split("\n")).toEqual(py.split("\n"));
    });
  }
});
