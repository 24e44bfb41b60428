/**
 * Differential fuzzing: random asyncio programs (test/fuzz/spec.mjs makes one per seed: tasks
 * that sleep, cancel, await, gather, shield, waitFor, wait, asCompleted, nest timeout / TaskGroup /
 * Lock / Semaphore blocks, reschedule timeouts, catch cancellations, use events, conditions, a
 * barrier and FIFO / LIFO / priority queues, bounded or not, raise and return) run on CPython
 * (test/fuzz/interp.py) and on aionode, with generator coroutines (interp.mjs), with async
 * functions (interpasync.mjs) and with both awaiting each other (interpmixed.mjs, also in debug
 * mode); the traces must be identical. Plain callbacks run beside the tasks (callSoon, callLater,
 * cancelled handles). AIONODE_FUZZ=FROM-TO picks other
 * seeds (e.g. `AIONODE_FUZZ=1-2000 npx vitest run test/fuzz.test.ts`).
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runPython } from "./helpers/pyfork.js";
// @ts-expect-error: a plain ES module of the fuzzer, without types
import { makeSpec } from "./fuzz/spec.mjs";

const run = promisify(execFile);
const dir = join(import.meta.dirname, "fuzz");
// The two backends share every line of the semantics (they differ in the timer core only), so
// each runs its own seeds: 1-100 on js, 101-200 on native (AIONODE_FUZZ overrides both). Longer
// runs of new seeds are made by hand, AIONODE_FUZZ=FROM-TO, and the README says how many passed.
const defaultSeeds = process.env.AIONODE_BACKEND === "js" ? "1-100" : "101-200";
const [from, to] = (process.env.AIONODE_FUZZ ?? defaultSeeds).split("-").map(Number);

async function trace(cmd: string, file: string, spec: string, debug = false): Promise<string> {
  // Python through the fork server of the differential tests (test/helpers/pyfork.ts).
  if (cmd === "python3") return runPython(join(dir, file), [spec]);
  const env = debug ? { ...process.env, AIONODE_FUZZ_DEBUG: "1" } : process.env;
  const { stdout } = await run(cmd, [join(dir, file), spec], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024, env });
  return stdout;
}

describe("differential fuzzing: random programs, Python asyncio vs aionode", () => {
  it("the spec generator is deterministic and varied", () => {
    expect(JSON.stringify(makeSpec(7))).toBe(JSON.stringify(makeSpec(7)));
    expect(JSON.stringify(makeSpec(7))).not.toBe(JSON.stringify(makeSpec(8)));
  });
  for (let seed = from!; seed <= to!; seed++) {
    it.concurrent(`seed ${seed}`, async () => {
      const spec = JSON.stringify(makeSpec(seed));
      const [py, gen, async, mixed, mixedDebug] = await Promise.all([
        trace("python3", "interp.py", spec),
        trace(process.execPath, "interp.mjs", spec),
        trace(process.execPath, "interpasync.mjs", spec),
        trace(process.execPath, "interpmixed.mjs", spec),
        trace(process.execPath, "interpmixed.mjs", spec, true),
      ]);
      expect(py).toMatch(/^final t0 /m);
      expect(gen.split("\n")).toEqual(py.split("\n"));
      expect(async.split("\n")).toEqual(py.split("\n"));
      expect(mixed.split("\n")).toEqual(py.split("\n"));
      // Debug mode takes other paths through the loop (due timers one entry each, callbacks timed).
      expect(mixedDebug.split("\n")).toEqual(py.split("\n"));
    });
  }
});
