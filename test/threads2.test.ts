/**
 * Adversarial tests for cross-thread posting (src/threads.ts: openThreadsafe, connectLoop,
 * ThreadsafeHandle, RemoteLoop), beyond test/threads.test.ts: contention with several producers,
 * posts to a stopped loop, a closed handle or a closed loop, producers that die mid-stream,
 * throwing callbacks, every kind of argument, the handle's lifetime and bad input.
 *
 * Producers are eval'd workers (the body of each is written inline in its test) that import the
 * transpiled src/ (test/helpers/child.ts). No assertion depends on timing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import { RuntimeError, type EventLoop, type ThreadsafeHandle } from "../src/index.js";
import { buildAionode, runModule, type Built } from "./helpers/child.js";
import { closeFreshLoops, freshLoop } from "./helpers/loops.js";

let built: Built;
beforeAll(() => {
  built = buildAionode();
});
afterAll(() => built?.cleanup());
const handles: ThreadsafeHandle<any>[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  closeFreshLoops();
});

function open<C extends aio.ThreadsafeCallbacks>(loop: EventLoop, cbs: C, options?: aio.ThreadsafeOptions): ThreadsafeHandle<C> {
  const h = aio.openThreadsafe(loop, cbs, options);
  handles.push(h);
  return h;
}

interface Producer {
  worker: Worker;
  messages: any[];
  /** The next message (resolves at once if one is waiting). */
  next(): Promise<any>;
  exited: Promise<number>;
}

/**
 * A producer thread running `body` (an async function body) with `aio`, `remote` (connected to
 * `h`), `data` (workerData), `post(m)` (to the parent), `caught(fn)` and `waitWord(sab, value)`.
 */
function spawn(h: ThreadsafeHandle<any>, body: string, data: Record<string, unknown> = {}): Producer {
  const c = h.forWorker();
  const source = `
    const { parentPort, workerData: data } = require("node:worker_threads");
    const post = (m) => parentPort.postMessage(m);
    const caught = (fn) => {
      try { fn(); return null; }
      catch (e) { return { name: e?.name, message: e?.message, isTypeError: e instanceof TypeError }; }
    };
    const waitWord = (sab, value = 1) => {
      const w = new Int32Array(sab);
      while (Atomics.load(w, 0) < value) Atomics.wait(w, 0, Atomics.load(w, 0), 100);
    };
    const setWord = (sab, value = 1) => {
      const w = new Int32Array(sab);
      Atomics.store(w, 0, value);
      Atomics.notify(w, 0);
    };
    (async () => {
      const aio = await import(data.aionode);
      const remote = aio.connectLoop(data.loop);
      ${body}
    })().catch((e) => post({ fatal: String(e?.stack ?? e) }));
  `;
  const worker = new Worker(source, {
    eval: true,
    workerData: { aionode: built.index, loop: c.descriptor, ...data },
    transferList: c.transfer,
  });
  const messages: any[] = [];
  const waiters: ((m: any) => void)[] = [];
  let read = 0;
  worker.on("message", (m) => {
    messages.push(m);
    const w = waiters.shift();
    if (w) {
      read++;
      w(m);
    }
  });
  const exited = new Promise<number>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", resolve);
  });
  return {
    worker,
    messages,
    exited,
    next: () => (read < messages.length ? Promise.resolve(messages[read++]) : new Promise((r) => waiters.push(r))),
  };
}

function word(): SharedArrayBuffer {
  return new SharedArrayBuffer(4);
}
function setWord(sab: SharedArrayBuffer, value = 1): void {
  const w = new Int32Array(sab);
  Atomics.store(w, 0, value);
  Atomics.notify(w, 0);
}

/** Run `loop` until `fut` is done (or 4 s pass: then the assertions that follow fail). */
async function runUntil(loop: EventLoop, fut: aio.Future<unknown>): Promise<void> {
  await loop.runUntilComplete(aio.wait([fut], { timeout: 4 }));
}

/** Let Node run a few turns without the loop running (a consumer wake-up has time to happen). */
async function nodeTurns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 5));
}

describe("order under contention", () => {
  it("4 producers mixing inline, cloned, flushed and end-of-job posts: each producer's order holds, interleaved with loop.callSoon", async () => {
    const loop = freshLoop();
    const W = 4;
    const N = 900;
    const next = new Array<number>(W).fill(0);
    const problems: string[] = [];
    let count = 0;
    let local = 0;
    const done = loop.createFuture<void>();
    const h = open(
      loop,
      {
        rec(p: number, i: number, ...rest: unknown[]) {
          if (next[p] !== i && problems.length < 5) problems.push(`producer ${p}: got ${i}, expected ${next[p]}`);
          if (i % 3 === 1 && (rest.length !== 1 || (rest[0] as { i: number }).i !== i)) problems.push(`bad clone ${p}/${i}`);
          next[p] = i + 1;
          // The loop thread's own callbacks keep flowing between posts.
          if (i % 100 === 0) loop.callSoon(() => local++);
          if (++count === W * N) done.setResult();
        },
      },
      { capacity: 16 },
    );
    const go = word();
    const ps = Array.from({ length: W }, (_, p) =>
      spawn(
        h,
        `waitWord(data.go);
         for (let i = 0; i < data.n; i++) {
           if (i % 3 === 1) remote.callSoonThreadsafe("rec", data.p, i, { i });
           else if (i % 3 === 2) remote.callSoonThreadsafe("rec", data.p, i, 7);
           else remote.callSoonThreadsafe("rec", data.p, i);
           if (i % 50 === 0) remote.flush();
           if (i % 77 === 0) await null;
         }`,
        { p, n: N, go },
      ),
    );
    setWord(go);
    await runUntil(loop, done);
    await loop.runUntilComplete(aio.sleep(0));
    expect(await Promise.all(ps.map((p) => p.exited))).toEqual([0, 0, 0, 0]);
    expect(ps.flatMap((p) => p.messages)).toEqual([]);
    expect(problems).toEqual([]);
    expect(next).toEqual([N, N, N, N]);
    expect(h.received).toBe(W * N);
    expect(local).toBe(W * (N / 100));
  });
});

describe("a stopped loop", () => {
  it("posts that arrive while the loop is not running wait for the next run, then run in order", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const done = loop.createFuture<void>();
    const h = open(loop, { add: (i: number) => void (ran.push(i) === 10 && done.setResult()) });
    const p = spawn(h, `for (let i = 0; i < 10; i++) remote.callSoonThreadsafe("add", i); remote.flush(); post("flushed");`);
    expect(await p.next()).toBe("flushed");
    await p.exited;
    await nodeTurns();
    expect(ran).toEqual([]); // a loop processes callbacks only while it runs
    expect(loop.isRunning()).toBe(false);
    await runUntil(loop, done);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("a stopped loop does not hold producers back: with a ring of 4, 3000 posts are taken in while it is stopped and run in order at the next run", async () => {
    const loop = freshLoop();
    let next = 0;
    let bad = 0;
    const done = loop.createFuture<void>();
    const h = open(loop, { add: (i: number) => void ((i === next++ || bad++) && next === 3000 && done.setResult()) }, { capacity: 4 });
    const p = spawn(h, `for (let i = 0; i < 3000; i++) remote.callSoonThreadsafe("add", i); remote.close(); post(remote.undelivered);`);
    expect(await p.next()).toBe(0);
    expect(await p.exited).toBe(0);
    expect(next).toBe(0);
    await runUntil(loop, done);
    expect([next, bad, h.received]).toEqual([3000, 0, 3000]);
  });

  it("a posted callback that stops the loop: the rest run at the next run, each producer's order kept", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = open(loop, {
      add(i: number) {
        ran.push(i);
        if (i === 3) loop.stop();
        if (i === 9) done.setResult();
      },
    });
    const done = loop.createFuture<void>();
    const p = spawn(h, `for (let i = 0; i < 10; i++) remote.callSoonThreadsafe("add", i); remote.flush(); post("flushed");`);
    expect(await p.next()).toBe("flushed");
    await loop.runForever();
    const first = ran.length;
    expect(first).toBeGreaterThanOrEqual(4);
    expect(ran.slice(0, first)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].slice(0, first));
    await runUntil(loop, done);
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("close() while the loop is stopped: posts pushed before it still run at the next run; later ones are refused", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = open(loop, { add: (i: number) => ran.push(i) });
    const flushed = word();
    const go = word();
    const p = spawn(
      h,
      `for (let i = 0; i < 5; i++) remote.callSoonThreadsafe("add", i);
       remote.flush();
       setWord(data.flushed);
       waitWord(data.go);
       const err = caught(() => remote.callSoonThreadsafe("add", 99));
       post({ err, closed: remote.closed(), undelivered: remote.undelivered });`,
      { flushed, go },
    );
    const w = new Int32Array(flushed);
    while (Atomics.load(w, 0) === 0) await new Promise((r) => setTimeout(r, 1));
    h.close();
    expect(h.closed()).toBe(true);
    setWord(go);
    const report = await p.next();
    expect(report).toEqual({
      err: {
        name: "RuntimeError",
        message: "callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (0 post(s) of this thread were not delivered)",
        isTypeError: false,
      },
      closed: true,
      undelivered: 0,
    });
    expect(ran).toEqual([]);
    await loop.runUntilComplete(aio.sleep(0));
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(h.received).toBe(5);
  });
});

describe("posts are callSoon callbacks", () => {
  it("futures, tasks (generator and async) and promises they settle behave exactly as with loop.callSoon", async () => {
    function scenario(loop: EventLoop, trace: string[]) {
      const F = loop.createFuture<number>();
      const G = loop.createFuture<number>();
      const t1 = loop.createTask((async () => trace.push(`async resumed ${await F}`))());
      const t2 = loop.createTask((function* () {
        trace.push(`gen resumed ${yield* G}`);
      })());
      F.then(() => trace.push("F.then"));
      let resolve!: () => void;
      new Promise<void>((r) => (resolve = r)).then(() => trace.push("P.then"));
      const cbs = {
        a() {
          trace.push("a");
          F.setResult(1);
          G.setResult(2);
          resolve();
        },
        b() {
          trace.push("b");
          void Promise.resolve().then(() => trace.push("b microtask"));
          loop.callSoon(() => trace.push("callSoon from b"));
        },
        c: () => trace.push("c"),
      };
      return { cbs, done: aio.gather(t1, t2) };
    }
    const ref = freshLoop();
    const refTrace: string[] = [];
    const r = scenario(ref, refTrace);
    await ref.runUntilComplete(aio.sleep(0));
    for (const k of ["a", "b", "c"] as const) ref.callSoon(r.cbs[k]);
    await ref.runUntilComplete(r.done);

    const loop = freshLoop();
    const trace: string[] = [];
    const s = scenario(loop, trace);
    await loop.runUntilComplete(aio.sleep(0));
    const h = open(loop, s.cbs);
    const p = spawn(h, `for (const k of ["a", "b", "c"]) remote.callSoonThreadsafe(k); remote.flush(); post("flushed");`);
    expect(await p.next()).toBe("flushed");
    h.close(); // whatever was not drained yet is drained now: the three posts are queued together
    await loop.runUntilComplete(s.done);
    expect(refTrace.slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(trace).toEqual(refTrace);
  });
});

describe("where posts run", () => {
  it("on the loop, outside any task, in the async context the handle was opened in (on a debug loop too)", async () => {
    const als = new AsyncLocalStorage<string>();
    for (const debug of [false, true]) {
      const loop = freshLoop();
      loop.setDebug(debug);
      loop.slowCallbackDuration = 10;
      const seen: unknown[] = [];
      const h = als.run("opened", () =>
        open(loop, {
          f: (x: unknown) => seen.push([x, als.getStore(), aio.getRunningLoop() === loop, aio.currentTask()]),
        }),
      );
      const p = spawn(h, `remote.callSoonThreadsafe("f", 1); remote.callSoonThreadsafe("f", "cloned"); remote.close(); post("closed");`);
      expect(await p.next()).toBe("closed");
      h.close(); // drains what is left in the ring
      await als.run("running", () => loop.runUntilComplete(aio.sleep(0.01)));
      expect(seen).toEqual([
        [1, "opened", true, null],
        ["cloned", "opened", true, null],
      ]);
    }
  });
});

describe("buffered posts at the close", () => {
  it("posts still buffered in the worker when the handle closes are counted as undelivered, by the next call or by close()", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = open(loop, { add: (i: number) => ran.push(i) });
    const ready = word();
    const go = word();
    const mk = (closeOnly: boolean) =>
      spawn(
        h,
        `remote.callSoonThreadsafe("add", 1);
         remote.callSoonThreadsafe("add", 2, 3);
         remote.callSoonThreadsafe("add", { cloned: true });
         // Blocked synchronously: the end-of-job flush has not happened when the handle closes.
         Atomics.add(new Int32Array(data.ready), 0, 1);
         waitWord(data.go);
         const err = ${closeOnly ? "caught(() => remote.close())" : 'caught(() => remote.callSoonThreadsafe("add", 4))'};
         post({ err: err && err.message, undelivered: remote.undelivered, closed: remote.closed() });`,
        { ready, go },
      );
    const byCall = mk(false);
    const byClose = mk(true);
    const w = new Int32Array(ready);
    while (Atomics.load(w, 0) < 2) await new Promise((r) => setTimeout(r, 1));
    h.close();
    setWord(go);
    expect(await byCall.next()).toEqual({
      err: "callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (3 post(s) of this thread were not delivered)",
      undelivered: 3,
      closed: true,
    });
    expect(await byClose.next()).toEqual({ err: null, undelivered: 3, closed: true });
    await loop.runUntilComplete(aio.sleep(0));
    expect(ran).toEqual([]);
    expect(h.received).toBe(0);
  });
});

describe("a closed loop", () => {
  it("posts still pending when the loop closes are dropped; the handle closes itself; the producer is refused", async () => {
    const loop = aio.newEventLoop();
    const ran: number[] = [];
    const errors: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => errors.push(ctx));
    const h = open(loop, { add: (i: number) => ran.push(i) });
    const go = word();
    const p = spawn(
      h,
      `for (let i = 0; i < 5; i++) remote.callSoonThreadsafe("add", i);
       remote.flush();
       post("flushed");
       waitWord(data.go);
       // The first post after the close wakes the handle, which notices its loop is closed.
       let err = null, posted = 0;
       for (let k = 0; k < 1000 && err === null; k++) {
         err = caught(() => { remote.callSoonThreadsafe("add", 100 + k); remote.flush(); });
         if (err === null) { posted++; Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); }
       }
       post({ err, posted, undelivered: remote.undelivered, closed: remote.closed() });`,
      { go },
    );
    expect(await p.next()).toBe("flushed");
    await nodeTurns();
    loop.close();
    setWord(go);
    const report = await p.next();
    expect(report.err).toMatchObject({ name: "RuntimeError" });
    expect(report.err.message).toContain("ThreadsafeHandle is closed");
    expect(report.closed).toBe(true);
    expect(h.closed()).toBe(true);
    expect(h.hasRef()).toBe(false);
    expect(ran).toEqual([]); // closing a loop drops its pending callbacks
    expect(errors).toEqual([]);
    h.close(); // idempotent, no report on a closed loop
  });
});

describe("producers that die", () => {
  it("a worker that exits mid-stream: what it pushed runs, what it buffered is lost, the other producers are unaffected", async () => {
    const loop = freshLoop();
    const got: [number, number][] = [];
    const errors: unknown[] = [];
    loop.setExceptionHandler((_l, ctx) => errors.push(ctx.message));
    const h = open(loop, { add: (p: number, i: number) => got.push([p, i]) });
    const dying = spawn(
      h,
      `for (let i = 0; i < 100; i++) remote.callSoonThreadsafe("add", 0, i);
       remote.flush();
       for (let i = 100; i < 150; i++) remote.callSoonThreadsafe("add", 0, i);
       process.exit(3);`,
    );
    expect(await dying.exited).toBe(3);
    const other = spawn(h, `for (let i = 0; i < 100; i++) remote.callSoonThreadsafe("add", 1, i); remote.close(); post("done");`);
    expect(await other.next()).toBe("done");
    await other.exited;
    await loop.runUntilComplete(aio.sleep(0.01));
    h.close();
    await loop.runUntilComplete(aio.sleep(0));
    const of = (p: number) => got.filter(([q]) => q === p).map(([, i]) => i);
    expect(of(0)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(of(1)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(errors).toEqual([]);
  });

  it("a worker that throws after posting: its posts of that job still go out (end-of-job flush) and run", async () => {
    const loop = freshLoop();
    const got: unknown[] = [];
    const h = open(loop, { rec: (...a: unknown[]) => got.push(a) });
    const p = spawn(h, `remote.callSoonThreadsafe("rec", 1); remote.callSoonThreadsafe("rec", "two"); throw new Error("worker failed");`);
    expect(await p.next()).toMatchObject({ fatal: expect.stringContaining("worker failed") });
    await p.exited;
    h.close(); // drains what is left in the ring
    await loop.runUntilComplete(aio.sleep(0));
    expect(got).toEqual([[1], ["two"]]);
  });

  it("a terminated worker's cloned posts that were pushed still arrive with their arguments", async () => {
    const loop = freshLoop();
    const got: unknown[] = [];
    const done = loop.createFuture<void>();
    const h = open(loop, {
      rec(v: unknown) {
        got.push(v);
        if (got.length === 20) done.setResult();
      },
    });
    const p = spawn(
      h,
      `for (let i = 0; i < 20; i++) remote.callSoonThreadsafe("rec", { i, s: "x".repeat(i) });
       remote.flush();
       post("flushed");
       await new Promise(() => {});`,
    );
    expect(await p.next()).toBe("flushed");
    await p.worker.terminate();
    await runUntil(loop, done);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => ({ i, s: "x".repeat(i) })));
  });
});

describe("throwing callbacks", () => {
  it("every kind of throw goes to the exception handler; the rest of the batch and the loop go on", async () => {
    const loop = freshLoop();
    const reports: string[] = [];
    loop.setExceptionHandler((_l, ctx) => {
      reports.push(`${ctx.message} | ${String(ctx.exception)}`);
      expect(ctx.handle).toBeDefined();
    });
    const ran: unknown[] = [];
    const done = loop.createFuture<void>();
    const h = open(loop, {
      ok: (v: unknown) => ran.push(v),
      throwValue(kind: number) {
        if (kind === 0) throw new RangeError("range");
        if (kind === 1) throw 42;
        if (kind === 2) throw undefined;
        if (kind === 3) throw null;
        throw new aio.CancelledError("as a value");
      },
      throwCloned(o: { k: string }) {
        throw new Error(o.k);
      },
      done: () => done.setResult(),
    });
    spawn(
      h,
      `for (let k = 0; k < 5; k++) { remote.callSoonThreadsafe("ok", k); remote.callSoonThreadsafe("throwValue", k); }
       remote.callSoonThreadsafe("throwCloned", { k: "cloned" });
       remote.callSoonThreadsafe("ok", "after");
       remote.callSoonThreadsafe("done");`,
    );
    await runUntil(loop, done);
    expect(done.done()).toBe(true);
    expect(ran).toEqual([0, 1, 2, 3, 4, "after"]);
    expect(reports).toEqual([
      "Exception in callback throwValue(0) | RangeError: range",
      "Exception in callback throwValue(1) | 42",
      "Exception in callback throwValue(2) | undefined",
      "Exception in callback throwValue(3) | null",
      "Exception in callback throwValue(4) | CancelledError: as a value",
      "Exception in callback throwCloned({ k: 'cloned' }) | Error: cloned",
    ]);
  });

  it("an exception handler that itself throws does not lose the posts after it", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    let handled = 0;
    loop.setExceptionHandler(() => {
      handled++;
      throw new Error("handler broke");
    });
    const done = loop.createFuture<void>();
    const h = open(loop, {
      add(i: number) {
        ran.push(i);
        if (i % 2 === 0) throw new Error(`odd one ${i}`);
        if (i === 9) done.setResult();
      },
    });
    const errs: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void errs.push(a);
    try {
      spawn(h, `for (let i = 0; i < 10; i++) remote.callSoonThreadsafe("add", i);`);
      await runUntil(loop, done);
    } finally {
      console.error = orig;
    }
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(handled).toBe(5);
  });
});

describe("arguments", () => {
  it("every structured-cloneable kind arrives as a copy of equal value, in post order with inline numbers", async () => {
    const loop = freshLoop();
    const got: unknown[][] = [];
    const done = loop.createFuture<void>();
    const h = open(loop, { rec: (...a: unknown[]) => got.push(a), done: () => done.setResult() });
    const p = spawn(
      h,
      `const cyc = { name: "cyc" }; cyc.self = cyc;
       const sparse = [1, , 3]; sparse.length = 5;
       class Point { constructor() { this.x = 1; } get y() { return 2; } }
       const ab = new ArrayBuffer(4); new Uint8Array(ab).set([9, 8, 7, 6]);
       const sab = new SharedArrayBuffer(4);
       const err = new TypeError("bad thing");
       const posts = [
         [new Map([["k", new Set([1, 2])]])],
         [new Date(86400000), /a+b/gi],
         [ab],
         [new Float32Array([0.5, -2]), new BigInt64Array([-(2n ** 63n)]), new DataView(new ArrayBuffer(2))],
         [sab],
         [err],
         [cyc],
         [sparse],
         [new Point()],
         [Object(5), Object("s"), Object(false)],
         [2 ** 53 + 2, Number.MIN_VALUE, -0],
         [1, 2, 3, 4],
         [1, undefined],
         ["", 0n, -1n],
       ];
       for (const a of posts) remote.callSoonThreadsafe("rec", ...a);
       new Int32Array(sab)[0] = 1234; // shared memory: the loop thread sees this write
       post({ abStill: ab.byteLength });
       remote.callSoonThreadsafe("done");`,
    );
    await runUntil(loop, done);
    expect((await p.next()).abStill).toBe(4); // copied, not transferred
    expect(got).toHaveLength(14);
    const [map] = got[0] as [Map<string, Set<number>>];
    expect(map).toBeInstanceOf(Map);
    expect([...map.get("k")!]).toEqual([1, 2]);
    expect(got[1]![0]).toEqual(new Date(86400000));
    expect(got[1]![1]).toEqual(/a+b/gi);
    expect([...new Uint8Array(got[2]![0] as ArrayBuffer)]).toEqual([9, 8, 7, 6]);
    expect(got[3]![0]).toEqual(new Float32Array([0.5, -2]));
    expect(got[3]![1]).toEqual(new BigInt64Array([-(2n ** 63n)]));
    expect(got[3]![2]).toBeInstanceOf(DataView);
    const sab = got[4]![0] as SharedArrayBuffer;
    expect(sab).toBeInstanceOf(SharedArrayBuffer);
    await p.exited;
    expect(new Int32Array(sab)[0]).toBe(1234);
    expect(got[5]![0]).toBeInstanceOf(TypeError);
    expect((got[5]![0] as Error).message).toBe("bad thing");
    const cyc = got[6]![0] as { name: string; self: unknown };
    expect(cyc.self).toBe(cyc);
    const sparse = got[7]![0] as unknown[];
    expect(sparse.length).toBe(5);
    expect(1 in sparse).toBe(false);
    expect(got[8]).toEqual([{ x: 1 }]); // a class instance arrives as a plain object, without getters
    expect(got[9]!.map((v) => typeof v)).toEqual(["object", "object", "object"]);
    expect(got[9]!.map((v) => (v as object).valueOf())).toEqual([5, "s", false]);
    expect(got[10]).toEqual([2 ** 53 + 2, Number.MIN_VALUE, -0]);
    expect(Object.is(got[10]![2], -0)).toBe(true);
    expect(got[11]).toEqual([1, 2, 3, 4]);
    expect(got[12]).toEqual([1, undefined]);
    expect(got[12]).toHaveLength(2);
    expect(got[13]).toEqual(["", 0n, -1n]);
  });

  it("what cannot cross is a TypeError at the call, the post is not made and the thread can go on posting", async () => {
    const loop = freshLoop();
    const got: unknown[] = [];
    const done = loop.createFuture<void>();
    const h = open(loop, { rec: (v: unknown) => got.push(v), done: () => done.setResult() });
    const p = spawn(
      h,
      `const { port1 } = new MessageChannel();
       const r = {
         fn: caught(() => remote.callSoonThreadsafe("rec", () => 1)),
         symbol: caught(() => remote.callSoonThreadsafe("rec", Symbol("s"))),
         port: caught(() => remote.callSoonThreadsafe("rec", port1)),
         nested: caught(() => remote.callSoonThreadsafe("rec", { deep: [{ f() {} }] })),
         weak: caught(() => remote.callSoonThreadsafe("rec", new WeakMap())),
         proxyFn: caught(() => remote.callSoonThreadsafe("rec", new Proxy({}, {}))),
       };
       remote.callSoonThreadsafe("rec", "after");
       remote.callSoonThreadsafe("done");
       port1.close();
       post(r);`,
    );
    await runUntil(loop, done);
    const r = await p.next();
    for (const k of ["fn", "symbol", "port", "nested", "weak", "proxyFn"]) {
      expect(r[k], k).toMatchObject({ isTypeError: true });
      expect(r[k].message, k).toContain('callSoonThreadsafe(): the arguments of "rec" cannot be sent to another thread');
    }
    expect(got).toEqual(["after"]);
  });
});

describe("handles and their lifetime", () => {
  it("two handles on one loop and a handle on another loop: posts go where their descriptor says; closing one leaves the others", async () => {
    const a = freshLoop();
    const b = freshLoop();
    const trace: string[] = [];
    const h1 = open(a, { f: (i: number) => trace.push(`a1:${i}:${aio.getRunningLoop() === a}`) });
    const h2 = open(a, { f: (i: number) => trace.push(`a2:${i}:${aio.getRunningLoop() === a}`) });
    const h3 = open(b, { f: (i: number) => trace.push(`b:${i}:${aio.getRunningLoop() === b}`) });
    const go = word();
    const ps = [h1, h2, h3].map((h) =>
      spawn(h, `waitWord(data.go); const e = caught(() => { remote.callSoonThreadsafe("f", 1); remote.flush(); }); post(e === null ? "ok" : e.name);`, { go }),
    );
    h2.close();
    setWord(go);
    expect(await Promise.all(ps.map((p) => p.next()))).toEqual(["ok", "RuntimeError", "ok"]);
    h1.close(); // drains what is left in the ring
    await a.runUntilComplete(aio.sleep(0));
    expect(trace).toEqual(["a1:1:true"]);
    expect(h3.closed()).toBe(false);
    h3.close();
    await b.runUntilComplete(aio.sleep(0));
    expect(trace).toEqual(["a1:1:true", "b:1:true"]);
  });

  it("handle state: close() is idempotent, ref()/unref() chain and report through hasRef(), a closed handle stays unref'd", () => {
    const loop = freshLoop();
    const h = open(loop, { a: () => {}, b: () => {} });
    expect(h.loop).toBe(loop);
    expect(h.names).toEqual(["a", "b"]);
    expect(Object.isFrozen(h.names)).toBe(true);
    expect(h.capacity).toBe(8192);
    expect(h.received).toBe(0);
    expect(h.hasRef()).toBe(true);
    expect(h.unref()).toBe(h);
    expect(h.hasRef()).toBe(false);
    expect(h.ref()).toBe(h);
    expect(h.hasRef()).toBe(true);
    expect(String(h)).toBe("<ThreadsafeHandle open [a, b]>");
    h.close();
    h.close();
    expect(h.closed()).toBe(true);
    expect(h.ref().hasRef()).toBe(false);
    expect(String(h)).toBe("<ThreadsafeHandle closed [a, b]>");
    expect(() => h.forWorker()).toThrow(RuntimeError);
    expect(open(loop, { a: () => {} }, { capacity: 2 }).capacity).toBe(2);
  });

  it("each forWorker() is a distinct producer; a descriptor from before close() connects, but its first post is refused", async () => {
    const loop = freshLoop();
    const h = open(loop, { f: () => {} });
    const c1 = h.forWorker();
    const c2 = h.forWorker();
    expect(c1.descriptor.producer).not.toBe(c2.descriptor.producer);
    expect(c1.descriptor.port).not.toBe(c2.descriptor.port);
    c1.descriptor.port.close();
    c2.descriptor.port.close();
    const go = word();
    const late = spawn(
      h,
      `waitWord(data.go);
       post({ closed: remote.closed(), err: caught(() => remote.callSoonThreadsafe("f")), undelivered: remote.undelivered, str: String(remote) });`,
      { go },
    );
    h.close();
    setWord(go);
    expect(await late.next()).toEqual({
      closed: true,
      err: {
        name: "RuntimeError",
        message: "callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (0 post(s) of this thread were not delivered)",
        isTypeError: false,
      },
      undelivered: 0,
      str: "<RemoteLoop closed [f]>",
    });
    expect(await late.exited).toBe(0);
  });

  it("RemoteLoop state in the worker: names, toString, flush() with nothing buffered, close() idempotent, posts after it refused", async () => {
    const loop = freshLoop();
    const ran: number[] = [];
    const h = open(loop, { f: (i: number) => ran.push(i), g: () => {} });
    const p = spawn(
      h,
      `const r = { names: [...remote.names], frozen: Object.isFrozen(remote.names), open: String(remote) };
       remote.flush();
       remote.callSoonThreadsafe("f", 1);
       remote.close();
       remote.close();
       remote.flush();
       r.closedStr = String(remote);
       r.closed = remote.closed();
       r.after = caught(() => remote.callSoonThreadsafe("f", 2));
       r.afterUnknown = caught(() => remote.callSoonThreadsafe("nope"));
       r.undelivered = remote.undelivered;
       post(r);`,
    );
    const r = await p.next();
    expect(r).toEqual({
      names: ["f", "g"],
      frozen: true,
      open: "<RemoteLoop open [f, g]>",
      closedStr: "<RemoteLoop closed [f, g]>",
      closed: true,
      after: { name: "RuntimeError", message: "callSoonThreadsafe(): this RemoteLoop is closed", isTypeError: false },
      afterUnknown: { name: "RuntimeError", message: "callSoonThreadsafe(): this RemoteLoop is closed", isTypeError: false },
      undelivered: 0,
    });
    h.close(); // drains what is left in the ring
    await loop.runUntilComplete(aio.sleep(0));
    expect(ran).toEqual([1]);
  });

  it("a worker's remote.close() makes the loop side close and forget its port, after its posts; a handle outlives many such workers", async () => {
    const loop = freshLoop();
    const got: string[] = [];
    const errors: string[] = [];
    loop.setExceptionHandler((_l, ctx) => errors.push(String(ctx.message)));
    const h = open(loop, { f: (w: number, i: number, o?: { s: string }) => got.push(`${w}.${i}${o ? o.s : ""}`) });
    const ports = (h as unknown as { _ports: (object | null)[] })._ports;
    // Run the loop until `done()` holds (or 4 s pass: then the assertions that follow fail).
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 400 && !done(); i++) await loop.runUntilComplete(aio.sleep(0.01));
    };
    const run = async (w: number, body: string, closes: boolean) => {
      const p = spawn(h, body, { w });
      expect(await p.next()).toBe("posted");
      expect(await p.exited).toBe(0);
      await until(() => got.at(-1) === `${w}.${closes ? "3" : "1"}` && (!closes || ports[w] === null));
    };
    for (let w = 0; w < 6; w++) {
      await run(
        w,
        `remote.callSoonThreadsafe("f", data.w, 1);
         remote.callSoonThreadsafe("f", data.w, 2, { s: "+clone" });
         remote.callSoonThreadsafe("f", data.w, 3);
         remote.close();
         remote.close();
         post("posted");`,
        true,
      );
      expect(ports[w]).toBe(null);
    }
    expect(got).toEqual([0, 1, 2, 3, 4, 5].flatMap((w) => [`${w}.1`, `${w}.2+clone`, `${w}.3`]));
    expect(h.received).toBe(18);
    // A worker that never closes keeps its port until the handle closes; the handle still works.
    await run(6, `remote.callSoonThreadsafe("f", data.w, 1); remote.flush(); post("posted");`, false);
    expect(ports[6]).not.toBe(null);
    expect(got.at(-1)).toBe("6.1");
    expect(h.received).toBe(19);
    expect(errors).toEqual([]);
    h.close();
    expect(ports.length).toBe(0);
  });

  it("process lifetime: an unref'd handle lets the process exit once its producer is done; ref() on a closed handle holds nothing", async () => {
    const r = await runModule(
      built,
      `import * as aio from AIO;
       import { Worker } from "node:worker_threads";
       const loop = aio.newEventLoop();
       const got = [];
       const done = loop.createFuture();
       const h = aio.openThreadsafe(loop, { f: (i) => { got.push(i); done.setResult(); } }).unref();
       const closed = aio.openThreadsafe(loop, { f() {} });
       closed.close();
       closed.ref();
       const c = h.forWorker();
       const w = new Worker("const { workerData } = require('node:worker_threads');" +
         "import(workerData.aio).then((aio) => { const r = aio.connectLoop(workerData.loop); r.callSoonThreadsafe('f', 7); r.close(); });",
         { eval: true, workerData: { aio: AIO, loop: c.descriptor }, transferList: c.transfer });
       w.on("exit", async () => {
         await loop.runUntilComplete(aio.wait([done], { timeout: 3 }));
         console.log("got", got.join(","), h.closed(), h.hasRef());
       });`,
      5000,
    );
    expect(r).toMatchObject({ code: 0, killed: false, stdout: "got 7 false false\n" });
  });
});

describe("closed handles are collected", () => {
  it("a closed, dropped handle is garbage-collected (its ring freed); a late producer for it is refused at its first post", async () => {
    // Child process: it needs gc(). On the native backend the addon's persistent reference to the
    // wake-up function used to keep every handle and its ring (256 KB by default) alive forever.
    const r = await runModule(
      built,
      `import * as aio from AIO;
       import v8 from "node:v8";
       import vm from "node:vm";
       import { Worker } from "node:worker_threads";
       v8.setFlagsFromString("--expose-gc");
       const gc = vm.runInNewContext("gc");
       const loop = aio.newEventLoop();
       let collected = 0;
       const registry = new FinalizationRegistry(() => collected++);
       const go = new Int32Array(new SharedArrayBuffer(4));
       let w;
       // (In a function: a suspended module body may keep its last local in a register.)
       const openClose = (i) => {
         const h = aio.openThreadsafe(loop, { f() {} });
         if (i === 0) {
           // A producer started before the close, that connects once the handle is collected.
           const c = h.forWorker();
           w = new Worker("const { workerData, parentPort } = require('node:worker_threads');" +
             "const go = new Int32Array(workerData.go); while (Atomics.load(go, 0) === 0) Atomics.wait(go, 0, 0, 100);" +
             "import(workerData.aio).then((aio) => { let err = null; try { const r = aio.connectLoop(workerData.loop);" +
             " r.callSoonThreadsafe('f', 1); } catch (e) { err = e.name + ': ' + e.message; } parentPort.postMessage(err); });",
             { eval: true, workerData: { aio: AIO, loop: c.descriptor, go: go.buffer }, transferList: c.transfer });
         }
         h.close();
         registry.register(h, i);
         registry.register(h._consumer, i); // the transport's end, which owns the ring
       };
       for (let i = 0; i < 20; i++) openClose(i);
       for (let k = 0; k < 50 && collected < 40; k++) {
         gc();
         await new Promise((r) => setTimeout(r, 5));
       }
       console.log("collected", collected);
       w.on("message", (m) => console.log(m));
       w.on("exit", () => loop.close());
       Atomics.store(go, 0, 1);
       Atomics.notify(go, 0);`,
      10_000,
    );
    expect(r).toMatchObject({
      code: 0,
      killed: false,
      stdout:
        "collected 40\nRuntimeError: callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (0 post(s) of this thread were not delivered)\n",
    });
  });
});

describe("bad input", () => {
  it("openThreadsafe(): options and callbacks objects of every wrong shape", () => {
    const loop = freshLoop();
    const f = () => {};
    expect(() => aio.openThreadsafe(loop, { f }, null as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, { f }, 8 as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, { f }, { capacity: 2 ** 22 * 2 })).toThrow(RangeError);
    expect(() => aio.openThreadsafe(loop, { f }, { capacity: Infinity })).toThrow(RangeError);
    expect(() => aio.openThreadsafe(loop, { f }, { capacity: null as never })).not.toThrow(); // ?? default
    expect(() => aio.openThreadsafe(undefined as never, { f })).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, f as never)).toThrow(TypeError);
    expect(() => aio.openThreadsafe(loop, "f" as never)).toThrow(TypeError);
    // Symbol keys and inherited methods are not callbacks.
    expect(() => aio.openThreadsafe(loop, { [Symbol("s")]: f } as never)).toThrow(
      new TypeError("openThreadsafe(): at least one callback is required"),
    );
    expect(() => aio.openThreadsafe(loop, Object.create({ f }))).toThrow(TypeError);
    for (const h of handles.splice(0)) h.close();
  });

  it("a debug loop refuses coroutine functions as callbacks, as its callSoonThreadsafe does; a loop out of debug mode takes them (calling one only makes a coroutine)", () => {
    const debug = freshLoop();
    debug.setDebug(true);
    const plain = () => {};
    const coroutines: [string, (...args: any[]) => unknown][] = [
      ["gen", function* gen() {}],
      ["asyncFn", async () => {}],
      ["marked", Object.assign(() => {}, { [Symbol.for("aionode.coroutineFunction")]: true })],
    ];
    for (const [name, fn] of coroutines) {
      expect(() => debug.callSoonThreadsafe(fn as () => void)).toThrow(new TypeError("coroutines cannot be used with callSoonThreadsafe()"));
      expect(() => aio.openThreadsafe(debug, { plain, [name]: fn })).toThrow(
        new TypeError(`openThreadsafe(): callback "${name}": coroutines cannot be used with callSoonThreadsafe()`),
      );
    }
    expect(open(debug, { plain }).names).toEqual(["plain"]);
    debug.setDebug(false);
    expect(open(debug, Object.fromEntries(coroutines)).names).toEqual(["gen", "asyncFn", "marked"]);
  });

  it("names that are Object.prototype's (toString, __proto__, constructor) are only callbacks when registered", async () => {
    const loop = freshLoop();
    const ran: string[] = [];
    const cbs = Object.fromEntries([
      ["__proto__", (v: string) => ran.push(`__proto__ ${v}`)],
      ["constructor", (v: string) => ran.push(`constructor ${v}`)],
    ]) as Record<string, (v: string) => void>;
    const h = open(loop, cbs);
    expect(h.names).toEqual(["__proto__", "constructor"]);
    const p = spawn(
      h,
      `const r = {
         toString: caught(() => remote.callSoonThreadsafe("toString", "x")),
         hasOwn: caught(() => remote.callSoonThreadsafe("hasOwnProperty", "x")),
         none: caught(() => remote.callSoonThreadsafe()),
         obj: caught(() => remote.callSoonThreadsafe({ toString() { return "constructor"; } }, "x")),
         proto: caught(() => remote.callSoonThreadsafe("__proto__", "p")),
         ctor: caught(() => remote.callSoonThreadsafe("constructor", "c")),
       };
       remote.close();
       post(r);`,
    );
    const r = await p.next();
    expect(r.toString).toMatchObject({ name: "TypeError", message: expect.stringContaining('no callback named "toString"') });
    expect(r.hasOwn).toMatchObject({ name: "TypeError" });
    expect(r.none).toMatchObject({ name: "TypeError", message: "callSoonThreadsafe(): a callback name (string) was expected, got undefined" });
    expect(r.obj).toMatchObject({ name: "TypeError" });
    expect(r.proto).toBeNull();
    expect(r.ctor).toBeNull();
    h.close(); // drains what is left in the ring
    await loop.runUntilComplete(aio.sleep(0));
    expect(ran).toEqual(["__proto__ p", "constructor c"]);
  });

  it("connectLoop(): forged and damaged descriptors are TypeErrors naming the problem", async () => {
    const loop = freshLoop();
    const h = open(loop, { f: () => {} });
    const p = spawn(
      h,
      `const d = data.loop;
       post({
         version: caught(() => aio.connectLoop({ ...d, version: 2 })),
         transport: caught(() => aio.connectLoop({ ...d, transport: "carrier-pigeon" })),
         noPort: caught(() => aio.connectLoop({ ...d, port: undefined })),
         names: caught(() => aio.connectLoop({ ...d, names: "f" })),
         producer: caught(() => aio.connectLoop({ ...d, producer: 0.5 })),
         string: caught(() => aio.connectLoop("aionode.threadsafe")),
         undef: caught(() => aio.connectLoop()),
       });
       remote.close();`,
    );
    const r = await p.next();
    expect(r.version).toMatchObject({ isTypeError: true, message: expect.stringContaining("descriptor version 2") });
    expect(r.transport).toMatchObject({ isTypeError: true, message: 'connectLoop(): unknown transport "carrier-pigeon"' });
    for (const k of ["noPort", "names", "producer"]) {
      expect(r[k], k).toMatchObject({ isTypeError: true, message: expect.stringContaining("descriptor is incomplete") });
    }
    expect(r.string).toMatchObject({ isTypeError: true });
    expect(r.undef).toMatchObject({ isTypeError: true });
  });
});
