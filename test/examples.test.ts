/**
 * Every runnable example of shared/seeds/ is in examples/ with its Python original in
 * examples/py/ (adapted to Python 3.11 and scaled in time, as each file says). Each aionode
 * example must print what its Python original prints.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = join(import.meta.dirname, "..", "examples");
const examples = readdirSync(join(dir, "py"))
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .sort();

/** Lines that print the current time differ by nature: compare their shape. */
function normalise(out: string): string[] {
  return out.split("\n").map((l) => l.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/, "<datetime>"));
}

describe("seed examples print what Python prints", () => {
  it("covers every seed document", () => {
    for (const seed of ["seed0", "seed1", "seed2", "seed3"]) {
      expect(examples.some((e) => e.startsWith(seed))).toBe(true);
    }
  });
  for (const name of examples) {
    it.concurrent(name, async () => {
      const [py, js] = await Promise.all([
        run("python3", [join(dir, "py", `${name}.py`)], { timeout: 60_000 }),
        run(process.execPath, [join(dir, `${name}.mjs`)], { timeout: 60_000 }),
      ]);
      expect(py.stdout.length).toBeGreaterThan(0);
      expect(normalise(js.stdout)).toEqual(normalise(py.stdout));
    });
  }
});
