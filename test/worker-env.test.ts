/**
 * The active backend inside worker threads: each worker loads its own copy of the core (for the
 * native backend: per-environment addon state), runs loops with timers, and may exit or be
 * terminated with timers still armed; the cleanup hook closes its libuv handles, so the process
 * goes on (and later exits) cleanly.
 */
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist", "index.js");

const body = `
import { parentPort } from "node:worker_threads";
const aio = await import(${JSON.stringify(dist)});
const order = await aio.run(function* () {
  const seen = [];
  const loop = aio.getRunningLoop();
  const t = loop.time();
  loop.callAt(t + 0.003, () => seen.push("c"));
  loop.callAt(t + 0.001, () => seen.push("a"));
  loop.callAt(t + 0.002, () => seen.push("b"));
  yield* aio.sleep(0.01);
  return seen.join("");
});
// A far timer still armed on a loop that is left running when the worker goes away.
const loop = aio.newEventLoop();
loop.callLater(3600, () => {});
loop.runForever();
parentPort.postMessage({ backend: aio.backend, order });
`;

function runWorker(terminate: boolean): Promise<{ backend: string; order: string; exit: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(body, { eval: true, env: process.env });
    let msg: { backend: string; order: string } | null = null;
    w.on("message", (m) => {
      msg = m;
      if (terminate) void w.terminate();
    });
    w.on("error", reject);
    w.on("exit", (exit) => (msg === null ? reject(new Error(`worker exited ${exit} without a result`)) : resolve({ ...msg, exit })));
  });
}

describe("the core in worker threads", () => {
  it("several workers at once run timers in order, on the same backend as the main thread, and are terminated with timers armed", async () => {
    const { backend } = await import("../src/index.js");
    const results = await Promise.all([runWorker(true), runWorker(true), runWorker(true)]);
    for (const r of results) {
      expect(r.backend).toBe(backend);
      expect(r.order).toBe("abc");
      expect(r.exit).toBe(1); // terminate()d
    }
    // And again, in fresh workers: nothing left behind by the first ones breaks the next ones.
    const again = await runWorker(true);
    expect(again.order).toBe("abc");
  });
});
