#!/usr/bin/env node
// W8 threadsafe (shared/BENCH.md): 4 worker threads each post 250,000 callSoonThreadsafe messages
// (one numeric argument) to a running loop, which counts them. The clock starts when every worker
// has connected and is released at once (worker start-up is not measured) and stops when the loop
// has run the last callback. Each run is a fresh process; prints the median of the runs (min-max)
// and whether every message arrived (count and sum).
// Usage: node bench/w8.mjs [--runs N] [--capacity C]   (npm run build first: imports dist/)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, workerData } from "node:worker_threads";

const self = fileURLToPath(import.meta.url);
const WORKERS = 4;
const PER_WORKER = 250_000;
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};

if (!isMainThread) {
  // Producer: connect, wait for the start signal, post, close.
  const aio = await import("aionode");
  const remote = aio.connectLoop(workerData.loop);
  const go = new Int32Array(workerData.go);
  Atomics.add(go, 1, 1);
  Atomics.notify(go, 1);
  Atomics.wait(go, 0, 0);
  for (let i = 0; i < PER_WORKER; i++) remote.callSoonThreadsafe("count", i);
  remote.close();
} else if (argv.includes("--one")) {
  const aio = await import("aionode");
  const capacity = opt("--capacity", undefined);
  const total = WORKERS * PER_WORKER;
  const result = await aio.run(function* () {
    const loop = aio.getRunningLoop();
    const done = loop.createFuture();
    let n = 0;
    let sum = 0;
    let t1 = 0;
    const h = aio.openThreadsafe(loop, {
      count(i) {
        sum += i;
        if (++n === total) {
          t1 = performance.now();
          done.setResult();
        }
      },
    }, capacity ? { capacity } : {});
    const go = new Int32Array(new SharedArrayBuffer(8));
    const workers = [];
    for (let w = 0; w < WORKERS; w++) {
      const c = h.forWorker();
      workers.push(new Worker(self, { workerData: { loop: c.descriptor, go: go.buffer }, transferList: c.transfer }));
    }
    // Wait (without blocking the loop thread) until every worker is connected.
    while (Atomics.load(go, 1) < WORKERS) yield* aio.sleep(0.005);
    const t0 = performance.now();
    Atomics.store(go, 0, 1);
    Atomics.notify(go, 0);
    yield* done;
    h.close();
    const expectedSum = (WORKERS * PER_WORKER * (PER_WORKER - 1)) / 2;
    return { rate: total / ((t1 - t0) / 1000), ok: n === total && sum === expectedSum };
  });
  console.log(JSON.stringify(result));
} else {
  const runs = opt("--runs", 5);
  const extra = argv.includes("--capacity") ? ["--capacity", String(opt("--capacity"))] : [];
  const rates = [];
  let allOk = true;
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, [self, "--one", ...extra], { encoding: "utf8" });
    const { rate, ok } = JSON.parse(out.trim().split("\n").pop());
    rates.push(rate);
    allOk &&= ok;
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const m = (x) => `${(x / 1e6).toFixed(2)}M`;
  const { backend } = await import("aionode");
  const transport = backend === "native" ? "native lock-free queue" : "SharedArrayBuffer ring";
  console.log(`W8 threadsafe — backend ${backend} (transport: ${transport}), node ${process.version}, ${WORKERS} workers x ${PER_WORKER} posts, ${runs} fresh runs`);
  console.log(`  W8:aionode  ${m(median)} messages/s  (${m(sorted[0])}-${m(sorted[sorted.length - 1])})`);
  console.log(`  runs: ${rates.map(m).join(" ")}`);
  console.log(allOk ? "  all received" : "  MISSING MESSAGES");
  if (!allOk) process.exitCode = 1;
}
