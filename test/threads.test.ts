/**
 * API.md section 9, first bullet: callSoonThreadsafe from worker_threads through a
 * ThreadsafeHandle (src/threads.ts, ring in src/threads/sab.ts).
 *
 * The loop side runs the code under test from src/; producer threads
 * (test/fixtures/threads/producer.mjs) import the same src/, transpiled by test/helpers/child.ts.
 * Process-lifetime behaviour runs in child processes.
 */
import { join } from "node:path";
import { threadId, Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import {
  RuntimeError,
  type EventLoop,
  type LoopDescriptor,
  type ThreadsafeCallbacks,
  type ThreadsafeHandle,
} from "../src/index.js";
import { buildAionode, runModule, type Built } from "./helpers/child.js";
import { closeFreshLoops, freshLoop } from "./helpers/loops.js";

const fixture = join(import.meta.dirname, "fixtures", "threads", "producer.mjs");
let built: Built;

beforeAll(() => {
  built = buildAionode();
});
afterAll(() => built?.cleanup());
const afterEachClose: EventLoop[] = [];
afterEach(() => {
  closeFreshLoops();
  for (const loop of afterEachClose.splice(0)) if (!loop.isRunning()) loop.close();
});

interface Producer {
  worker: Worker;
  /** Messages the worker sent with parentPort.postMessage. */
  messages: any[];
  /** Resolves with the exit code; rejects if the worker threw. */
  exited: Promise<number>;
}

/** Start a producer thread in `mode`, connected to `h`. */
function producer(h: ThreadsafeHandle<any>, mode: string, data: Record<string, unknown> = {}): Producer {
  const c = h.forWorker();
  const worker = new Worker(fixture, {
    workerData: { aionode: built.index, loop: c.descriptor, mode, ...data },
    transferList: c.transfer,
  });
  const messages: any[] = [];
  worker.on("message", (m) => messages.push(m));
  const exited = new Promise<number>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", resolve);
  });
  return { worker, messages, exited };
}

/** A shared word for "go" / "done" signals between threads. */
function flag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}
function set(w: Int32Array, value = 1): void {
  Atomics.store(w, 0, value);
  Atomics.notify(w, 0);
}

/** Run `loop` until `fut` is done or `limit` seconds pass (then the assertions that follow fail). */
async function runUntil(loop: EventLoop, fut: aio.Future<unknown>, limit = 25): Promise<void> {
  await loop.runUntilComplete(aio.wait([fut], { timeout: limit }));
}

/** Let `loop` run whatever is queued (a few iterations). */
async function settleLoop(loop: EventLoop): Promise<void> {
  await loop.runUntilComplete(aio.sleep(0.01));
}

describe("many producers, numeric posts", () => {
  async function countRun(capacity?: number, N = 250_000) {
    const loop = freshLoop();
    const W = 4;
    const next = new Array<number>(W).fill(0);
    let outOfOrder = 0;
    let count = 0;
    let sum = 0;
    let onLoopThread = true;
    const done = loop.createFuture<void>();
    const h = aio.openThreadsafe(
      loop,
      {
        add(p: number, i: number) {
          if (next[p] !== i) outOfOrder++;
          next[p] = i + 1;
          sum += i;
          if (count === 0) onLoopThread = threadId === mainThread && aio.getRunningLoop() === loop;
          if (++count === W * N) done.setResult();
        },
      },
      capacity === undefined ? {} : { capacity },
    );
    const mainThread = threadId;
    const go = flag();
    const ps = Array.from({ length: W }, (_, p) => producer(h, "count", { p, n: N, go: go.buffer }));
    set(go);
    await runUntil(loop, done);
    h.close();
    expect(await Promise.all(ps.map((p) => p.exited))).toEqual([0, 0, 0, 0]);
    expect(count).toBe(W * N);
    expect(outOfOrder).toBe(0);
    expect(next).toEqual([N, N, N, N]);
    expect(sum).toBe((W * N * (N - 1)) / 2);
    expect(h.received).toBe(W * N);
    expect(onLoopThread).toBe(true);
    expect(ps.map((p) => p.messages[0])).toEqual(Array(W).fill({ posted: N, undelivered: 0 }));
    return h;
  }

  it("4 workers x 250,000 posts arrive complete, each producer's in order (default ring)", async () => {
    const h = await countRun();
    expect(h.capacity).toBe(8192);
  });

  it("4 workers x 50,000 posts through a ring of 8 cells: producers wait while it is full, nothing is lost", async () => {
    // (Fewer posts than above: every post may wait for a free cell, and on a loaded 2-core
    // machine 4 x 250,000 of them came close to the time limit.)
    const h = await countRun(8, 50_000);
    expect(h.capacity).toBe(8);
  });
});

describe("structured-cloneable arguments", () => {
  // The default loop queues each drained run of posts as one batch entry; debug mode and
  // timersFirst queue one entry per post (threads.ts): the same posts must behave the same.
  it.each([
    ["a default loop (batch entries)", {}],
    ["a debug loop (an entry per post)", { debug: true }],
    ["a timersFirst loop (an entry per post)", { timersFirst: true }],
  ])("arrive exactly, in order, interleaved with numeric posts, on %s", async (_what, options) => {
    const loop = aio.newEventLoop(options);
    afterEachClose.push(loop);
    loop.slowCallbackDuration = 10; // no slow-callback reports in debug mode
    const got: unknown[][] = [];
    const errors: string[] = [];
    loop.setExceptionHandler((_l, ctx) => errors.push(`${ctx.message} | ${(ctx.exception as Error).message}`));
    const done = loop.createFuture<void>();
    const h = aio.openThreadsafe(loop, {
      rec(...args: unknown[]) {
        got.push(args);
      },
      boom(...args: unknown[]) {
        throw new Error(`boom ${args.join(" ")}`);
      },
      done() {
        done.setResult();
      },
    });
    const p = producer(h, "script");
    await runUntil(loop, done);
    h.close();
    expect(await p.exited).toBe(0);
    expect(got).toEqual([
      [],
      [1],
      [1, 2],
      [1.5, -0, NaN],
      [Infinity, -Infinity, 2 ** 53, -(2 ** 31)],
      ["text"],
      [7, "mixed", 8],
      [null, undefined, true],
      [{ a: [1, { b: "c" }] }],
      [10n],
      [new Date(0)],
      [new Uint8Array([1, 2, 3])],
      [42],
    ]);
    expect(Object.is((got[3] as number[])[1], -0)).toBe(true);
    expect(got[7]!.length).toBe(3); // an undefined argument is still an argument
    // A callback that throws goes to the loop's exception handler; later posts still run.
    expect(errors).toEqual([
      "Exception in callback boom(1) | boom 1",
      "Exception in callback boom() | boom ",
      "Exception in callback boom(2, 3) | boom 2 3",
      "Exception in callback boom(4, 5, 6) | boom 4 5 6",
      "Exception in callback boom('cloned', 7) | boom cloned 7",
    ]);
  });

  it("keep each producer's order under contention (3 producers, 6 kinds of posts)", async () => {
    const loop = freshLoop();
    const W = 3;
    const N = 20_000;
    const next = new Array<number>(W).fill(0);
    const problems: string[] = [];
    let count = 0;
    const done = loop.createFuture<void>();
    const check = (p: number, i: number, rest: unknown[]) => {
      let ok: boolean;
      switch (i % 6) {
        case 0: ok = rest.length === 0; break;
        case 1: ok = rest.length === 1 && JSON.stringify(rest[0]) === JSON.stringify({ i, s: `s${i}`, list: [i, [i]] }); break;
        case 2: ok = rest.length === 1 && rest[0] === 0.5 * i; break;
        case 3: ok = rest.length === 2 && rest[0] === `x${i}` && rest[1] instanceof Map && (rest[1] as Map<number, string>).get(i) === `m${i}`; break;
        case 4: ok = rest.length === 2 && rest[0] === -i && rest[1] === i + 1; break;
        default: ok = rest.length === 1 && rest[0] === BigInt(i) * 3n;
      }
      if (!ok && problems.length < 5) problems.push(`producer ${p} post ${i}: ${String(rest)}`);
    };
    const h = aio.openThreadsafe(loop, {
      rec(p: number, i: number, ...rest: unknown[]) {
        if (next[p] !== i && problems.length < 5) problems.push(`producer ${p}: got ${i}, expected ${next[p]}`);
        next[p] = i + 1;
        check(p, i, rest);
        if (++count === W * N) done.setResult();
      },
    }, { capacity: 64 });
    const go = flag();
    const ps = Array.from({ length: W }, (_, p) => producer(h, "mixed", { p, n: N, go: go.buffer }));
    set(go);
    await runUntil(loop, done);
    h.close();
    await Promise.all(ps.map((p) => p.exited));
    expect(problems).toEqual([]);
    expect(next).toEqual([N, N, N]);
    expect(count).toBe(W * N);
  });
});

describe("wake-up and ordering on the loop thread", () => {
  it("a post wakes a loop waiting on a never-completing future", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<number>();
    let where: unknown[] = [];
    const h = aio.openThreadsafe(loop, {
      resolve(v: number) {
        where = [threadId === mainThread, aio.getRunningLoop() === loop];
        fut.setResult(v);
      },
    });
    const mainThread = threadId;
    const p = producer(h, "one", { name: "resolve", args: [42], delayMs: 50 });
    expect(await loop.runUntilComplete(fut)).toBe(42);
    expect(where).toEqual([true, true]);
    h.close();
    await p.exited;
  });

  it("a post wakes a loop sleeping until a far timer; the callback runs long before it", async () => {
    const loop = freshLoop();
    const fut = loop.createFuture<string>();
    const h = aio.openThreadsafe(loop, { resolve: (v: string) => fut.setResult(v) });
    const p = producer(h, "one", { name: "resolve", args: ["posted"], delayMs: 50 });
    const t0 = loop.time();
    const result = await loop.runUntilComplete(
      loop.createTask(
        (function* () {
          const sleeper = aio.createTask(aio.sleep(60, "slept"));
          const [done] = yield* aio.wait([fut, sleeper], { returnWhen: aio.FIRST_COMPLETED });
          const finished = [...done].map((f) => f.result());
          const sleeperDone = sleeper.done();
          sleeper.cancel();
          return { finished, sleeperDone };
        })(),
      ),
    );
    expect(result).toEqual({ finished: ["posted"], sleeperDone: false });
    expect(loop.time() - t0).toBeLessThan(60);
    h.close();
    await p.exited;
  });

  it("posts drained together run in post order, as callSoon callbacks (FIFO with the loop's own)", async () => {
    const loop = freshLoop();
    const trace: string[] = [];
    const done = loop.createFuture<void>();
    const h = aio.openThreadsafe(loop, {
      a() {
        trace.push("a");
        loop.callSoon(() => {
          trace.push("x (callSoon from a)");
          done.setResult();
        });
      },
      b: () => trace.push("b"),
      c: () => trace.push("c"),
    });
    const go = flag();
    const flushed = flag();
    const p = producer(h, "fifo", { go: go.buffer, flushed: flushed.buffer });
    loop.callSoon(() => {
      // The loop thread is busy while the worker posts a, b, c and pushes them.
      trace.push("busy");
      set(go);
      const deadline = Date.now() + 20_000;
      while (Atomics.load(flushed, 0) === 0 && Date.now() < deadline) Atomics.wait(flushed, 0, 0, 50);
      loop.callSoon(() => trace.push("y (callSoon while busy)"));
    });
    await runUntil(loop, done);
    h.close();
    await p.exited;
    expect(trace).toEqual(["busy", "y (callSoon while busy)", "a", "b", "c", "x (callSoon from a)"]);
  });

  it("from plain async code, posts run on the default loop in ambient mode", async () => {
    const loop = aio.getEventLoop();
    expect(loop.isRunning()).toBe(false);
    let resolve!: (v: string) => void;
    const got = new Promise<string>((r) => (resolve = r));
    const h = aio.openThreadsafe(loop, {
      hit(v: string) {
        resolve(`${v} on ${aio.getRunningLoop() === loop ? "the default loop" : "?"}`);
      },
    });
    const p = producer(h, "one", { name: "hit", args: ["posted"] });
    expect(await got).toBe("posted on the default loop");
    h.close();
    await p.exited;
  });
});

describe("closing", () => {
  it("close() while posts are in flight: each producer's delivered posts are a prefix, the rest are reported", async () => {
    const loop = freshLoop();
    const W = 2;
    const next = new Array<number>(W).fill(0);
    let outOfOrder = 0;
    let count = 0;
    let h!: ThreadsafeHandle<ThreadsafeCallbacks>;
    let afterClose = 0;
    h = aio.openThreadsafe(loop, {
      add(p: number, i: number) {
        if (next[p] !== i) outOfOrder++;
        next[p] = i + 1;
        if (h.closed()) afterClose++;
        if (++count === 50_000) h.close(); // from a callback, while the producers keep posting
      },
    }, { capacity: 1024 });
    const go = flag();
    const ps = Array.from({ length: W }, (_, p) => producer(h, "flood", { p, limit: 50_000_000, go: go.buffer }));
    set(go);
    const exits = Promise.all(ps.map((p) => p.exited));
    await loop.runUntilComplete(exits);
    await settleLoop(loop); // run what close() handed to the loop
    expect(h.closed()).toBe(true);
    expect(outOfOrder).toBe(0);
    const reports = ps.map((p) => p.messages[0]);
    for (let p = 0; p < W; p++) {
      expect(reports[p].err).toMatchObject({ name: "RuntimeError" });
      expect(reports[p].err.message).toContain("ThreadsafeHandle is closed");
      // Every accepted post ran, in order; every refused one was counted by its producer.
      expect(next[p]).toBe(reports[p].posted - reports[p].undelivered);
    }
    expect(h.received).toBe(count);
    expect(count).toBeGreaterThanOrEqual(50_000);
    // Callbacks already handed to the loop, and posts that reached the ring before the cut, still
    // run after close().
    expect(afterClose).toBe(count - 50_000);
  });

  it("posting after the handle was closed throws a RuntimeError in the worker", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = aio.openThreadsafe(loop, { ok: (n: number) => ran.push(n) });
    const go = flag();
    const p = producer(h, "after-loop-close", { go: go.buffer });
    await new Promise<void>((r) => p.worker.once("message", () => r()));
    h.close();
    expect(h.closed()).toBe(true);
    set(go);
    await p.exited;
    expect(p.messages[1]).toEqual({
      closedSeen: true,
      err: {
        name: "RuntimeError",
        message: "callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (0 post(s) of this thread were not delivered)",
        isTypeError: false,
      },
      undelivered: 0,
    });
    await settleLoop(loop);
    expect(ran).toEqual([]);
    h.close(); // idempotent
  });

  it("a handle whose loop was closed closes itself; its producer is told", async () => {
    const loop = freshLoop();
    const h = aio.openThreadsafe(loop, { ok: () => {} });
    loop.close();
    const p = producer(h, "until-refused");
    await p.exited;
    expect(h.closed()).toBe(true);
    expect(p.messages[0].closed).toBe(true);
    expect(p.messages[0].err).toMatchObject({ name: "RuntimeError" });
  });
});

describe("bad input", () => {
  it("openThreadsafe() rejects what cannot work, with a clear error, and leaves the loop usable", async () => {
    const loop = freshLoop();
    const f = () => {};
    expect(() => aio.openThreadsafe({} as EventLoop, { f })).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, { f, g: 1 } as never)).toThrow(
      new TypeError('openThreadsafe(): callback "g" must be a function, got number 1'),
    );
    expect(() => aio.openThreadsafe(loop, { f: "f" } as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, null as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, [f] as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, {})).toThrow(new TypeError("openThreadsafe(): at least one callback is required"));
    for (const capacity of [0, 1, 3, 1.5, 2 ** 23, -8, NaN]) {
      expect(() => aio.openThreadsafe(loop, { f }, { capacity })).toThrow(RangeError);
    }
    expect(() => aio.openThreadsafe(loop, { f }, { capacity: "8" as never })).toThrow(TypeError);
    const closed = aio.newEventLoop();
    closed.close();
    expect(() => aio.openThreadsafe(closed, { f })).toThrow(new RuntimeError("Event loop is closed"));
    // The loop is untouched.
    const seen: string[] = [];
    loop.callSoon(() => seen.push("still works"));
    await settleLoop(loop);
    expect(seen).toEqual(["still works"]);
  });

  it("forWorker() on a closed handle and connectLoop() on the loop's own thread are errors", () => {
    const loop = freshLoop();
    const h = aio.openThreadsafe(loop, { f: () => {} });
    const c = h.forWorker();
    expect(c.transfer).toEqual([c.descriptor.port]);
    expect(c.descriptor.names).toEqual(["f"]);
    expect(() => aio.connectLoop(c.descriptor)).toThrow(
      new RuntimeError("connectLoop(): the loop runs on this thread; use loop.callSoon() here"),
    );
    expect(() => aio.connectLoop({} as never)).toThrow(TypeError);
    h.close();
    expect(() => h.forWorker()).toThrow(new RuntimeError("forWorker(): this ThreadsafeHandle is closed"));
  });

  it("in the worker: unknown names, uncloneable arguments, a second connect and posts after close() throw at the call", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = aio.openThreadsafe(loop, { ok: (n: number) => ran.push(n), other: () => {} });
    const p = producer(h, "errors");
    await loop.runUntilComplete(p.exited);
    await settleLoop(loop);
    h.close();
    const r = p.messages[0];
    expect(r.unknownName).toEqual({
      name: "TypeError",
      message: 'callSoonThreadsafe(): no callback named "nope"; the loop registered: ok, other',
      isTypeError: true,
    });
    expect(r.nonString).toMatchObject({ name: "TypeError", isTypeError: true });
    expect(r.notCloneable).toMatchObject({ isTypeError: true });
    expect(r.notCloneable.message).toContain('the arguments of "ok" cannot be sent to another thread');
    expect(r.notCloneableSymbol).toMatchObject({ isTypeError: true });
    expect(r.valid).toBeNull();
    expect(r.secondConnect).toMatchObject({ name: "RuntimeError" });
    expect(r.secondConnect.message).toContain("already connected");
    expect(r.badDescriptor).toMatchObject({ isTypeError: true });
    expect(r.nullDescriptor).toMatchObject({ isTypeError: true });
    expect(r.afterClose).toEqual({
      name: "RuntimeError",
      message: "callSoonThreadsafe(): this RemoteLoop is closed",
      isTypeError: false,
    });
    expect(r.closed).toBe(true);
    // The failed calls posted nothing; the valid ones arrived in order.
    expect(ran).toEqual([1, 2]);
  });
});

describe("types", () => {
  it("a RemoteLoop knows the callbacks' names and parameters (checked by tsc)", () => {
    const typed = (d: LoopDescriptor<{ add: (p: number, i: number) => void; log: (s: string) => void }>) => {
      const r = aio.connectLoop(d);
      r.callSoonThreadsafe("add", 1, 2);
      r.callSoonThreadsafe("log", "text");
      // @ts-expect-error wrong argument type
      r.callSoonThreadsafe("add", "x", 2);
      // @ts-expect-error unknown name
      r.callSoonThreadsafe("nope");
    };
    const h = aio.openThreadsafe(freshLoop(), { add: (_p: number, _i: number) => {} });
    const d: LoopDescriptor<{ add: (p: number, i: number) => void }> = h.forWorker().descriptor;
    h.close();
    expect(typeof typed).toBe("function");
    expect(d.names).toEqual(["add"]);
  });
});

describe("process lifetime (child processes)", () => {
  it("an open handle keeps the process alive; close() lets it exit", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
       const h = aio.openThreadsafe(aio.newEventLoop(), { f() {} });
       setTimeout(() => { console.log("still alive, closing"); h.close(); }, 200).unref();`,
    );
    expect(r).toMatchObject({ code: 0, killed: false, stdout: "still alive, closing\n" });
  });

  it("an unref'd handle does not keep the process alive", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
       const h = aio.openThreadsafe(aio.newEventLoop(), { f() {} }).unref();
       console.log("hasRef", h.hasRef(), h.closed());
       setTimeout(() => console.log("kept alive"), 200).unref();`,
    );
    expect(r).toMatchObject({ code: 0, killed: false, stdout: "hasRef false false\n" });
  });

  it("a run with worker producers exits once the handle is closed", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
       import { Worker } from "node:worker_threads";
       const total = await aio.run(function* () {
         const loop = aio.getRunningLoop();
         const done = loop.createFuture();
         let n = 0;
         const h = aio.openThreadsafe(loop, { add() { if (++n === 2000) done.setResult(n); } });
         for (let p = 0; p < 2; p++) {
           const c = h.forWorker();
           new Worker(${JSON.stringify(fixture)}, {
             workerData: { aionode: AIO, loop: c.descriptor, mode: "count", p, n: 1000 },
             transferList: c.transfer,
           });
         }
         const got = yield* done;
         h.close();
         return got;
       });
       console.log("received", total);`,
    );
    expect(r).toMatchObject({ code: 0, killed: false, stdout: "received 2000\n" });
  });

  it("a handle left open on a loop that run() closed does not hold the process", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
       let h;
       await aio.run(function* () { h = aio.openThreadsafe(aio.getRunningLoop(), { f() {} }); });
       process.on("exit", () => console.log("closed itself", h.closed()));`,
    );
    expect(r).toMatchObject({ code: 0, killed: false, stdout: "closed itself true\n" });
  });
});
