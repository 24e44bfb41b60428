/**
 * API.md section 7: Queue, LifoQueue, PriorityQueue. Behaviour shared with asyncio 3.11 is pinned
 * by the differential pairs test/diff/queue_*; this file covers what they cannot: shutdown() (Python
 * 3.13, absent from the 3.11 oracle), bad input, the comparator option, async iteration, types,
 * the no-Future fast path, and both coroutine styles on the same scenarios.
 */
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import * as aio from "../src/index.js";
import {
  CancelledError,
  EventLoop,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
} from "../src/index.js";
import { closeFreshLoops, freshLoop, runGenOn } from "./helpers/loops.js";

afterEach(() => {
  closeFreshLoops();
  vi.restoreAllMocks();
});

function runGen<T>(body: () => Generator<unknown, T, any>): Promise<T> {
  return runGenOn(freshLoop(), body);
}

function runAsync<T>(body: () => Promise<T>): Promise<T> {
  const loop = freshLoop();
  return loop.runUntilComplete<T>(loop.createTask<T>(aio.coroutine(body)()));
}

/** The error a thunk throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

/** Run a coroutine-producing step in a task and return what it raised (or "ok:<value>"). */
function* outcome<T>(aw: Iterable<unknown> & PromiseLike<T>): Generator<unknown, string, unknown> {
  try {
    const v = yield* aw as unknown as Iterable<unknown>;
    return `ok:${String(v)}`;
  } catch (e) {
    return (e as Error).name;
  }
}

// ---------------------------------------------------------------------------- construction

describe("construction and bad input", () => {
  it("accepts maxsize as a number or an options object", () => {
    expect(new Queue().maxsize).toBe(0);
    expect(new Queue(3).maxsize).toBe(3);
    expect(new Queue({ maxsize: 4 }).maxsize).toBe(4);
    expect(new Queue({}).maxsize).toBe(0);
    expect(new Queue(-2).maxsize).toBe(-2);
    expect(new LifoQueue(2).maxsize).toBe(2);
    expect(new PriorityQueue({ maxsize: 5 }).maxsize).toBe(5);
    const inf = new Queue(Infinity);
    for (let i = 0; i < 10; i++) inf.putNowait(i);
    expect(inf.full()).toBe(false);
  });

  it("rejects a bad maxsize with TypeError/RangeError", () => {
    expect(() => new Queue("3" as never)).toThrow(TypeError);
    expect(() => new Queue({ maxsize: "3" } as never)).toThrow(TypeError);
    expect(() => new Queue(true as never)).toThrow(TypeError);
    expect(() => new Queue(NaN)).toThrow(RangeError);
    expect(() => new Queue(NaN)).toThrow(/maxsize is NaN/);
    expect(() => new Queue(1.5)).toThrow(RangeError);
    expect(() => new LifoQueue({ maxsize: 0.5 })).toThrow(/LifoQueue\(\): maxsize must be an integer/);
    expect(() => new PriorityQueue({ comparator: 3 } as never)).toThrow(TypeError);
  });

  it("taskDone() called too often is a RangeError with Python's message; the queue and loop go on", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>();
      const e = thrown(() => q.taskDone());
      expect(e).toBeInstanceOf(RangeError);
      expect((e as Error).message).toBe("task_done() called too many times");
      q.putNowait(1);
      q.taskDone();
      expect(() => q.taskDone()).toThrow(RangeError);
      yield* aio.sleep(0);
      yield* q.join();
      yield* q.put(2);
      return [yield* q.get(), yield* q.get()];
    });
    expect(r).toEqual([1, 2]);
  });

  it("shutdown() takes a boolean", () => {
    const q = new Queue();
    expect(() => q.shutdown("yes" as never)).toThrow(TypeError);
    expect(q.isShutdown()).toBe(false);
  });

  it("errors are the asyncio classes, with empty messages as in Python", () => {
    const q = new Queue(1);
    const e1 = thrown(() => q.getNowait());
    expect(e1).toBeInstanceOf(QueueEmpty);
    expect((e1 as Error).name).toBe("QueueEmpty");
    q.putNowait(1);
    const e2 = thrown(() => q.putNowait(2));
    expect(e2).toBeInstanceOf(QueueFull);
    expect((e2 as Error).message).toBe("");
    q.shutdown();
    expect(thrown(() => q.putNowait(3))).toBeInstanceOf(QueueShutDown);
  });

  it("toString() reads like asyncio's str()", () => {
    const q = new Queue<number>(5);
    expect(q.toString()).toBe("<Queue maxsize=5>");
    q.putNowait(1);
    q.putNowait(2);
    expect(q.toString()).toBe("<Queue maxsize=5 _queue=[1, 2] tasks=2>");
    q.shutdown(true);
    expect(q.toString()).toBe("<Queue maxsize=5 shutdown>");
    expect(new PriorityQueue().toString()).toBe("<PriorityQueue maxsize=0>");
  });
});

// ---------------------------------------------------------------------------- basics, both styles

describe("get/put in both coroutine styles", () => {
  it("FIFO, LIFO and priority order", async () => {
    const r = await runGen(function* () {
      const fifo = new Queue<number>();
      const lifo = new LifoQueue<number>();
      const prio = new PriorityQueue<number>();
      for (const x of [3, 1, 2]) {
        yield* fifo.put(x);
        yield* lifo.put(x);
        yield* prio.put(x);
      }
      const out: number[][] = [[], [], []];
      for (let i = 0; i < 3; i++) {
        out[0]!.push(yield* fifo.get());
        out[1]!.push(yield* lifo.get());
        out[2]!.push(yield* prio.get());
      }
      return out;
    });
    expect(r).toEqual([
      [3, 1, 2],
      [2, 1, 3],
      [1, 2, 3],
    ]);
  });

  it("await works the same way from async functions", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<string>(1);
      const log: string[] = [];
      const producer = aio.createTask(
        aio.coroutine(async () => {
          for (const x of ["a", "b", "c"]) {
            await q.put(x);
            log.push(`put ${x}`);
          }
        })(),
      );
      for (let i = 0; i < 3; i++) log.push(`got ${await q.get()}`);
      await producer;
      return log;
    });
    expect(r).toEqual(["put a", "got a", "put b", "got b", "put c", "got c"]);
  });

  it("get() and put() are lazy coroutines that can be awaited once", async () => {
    await runGen(function* () {
      const q = new Queue<number>(1);
      const p = q.put(1);
      const g = q.get();
      expect(q.qsize()).toBe(0); // nothing happened yet
      expect(p).toBeInstanceOf(aio.Coroutine);
      expect(aio.isCoroutine(g)).toBe(true);
      expect(String(g)).toBe("<coroutine Queue.get()>");
      yield* p;
      expect(q.qsize()).toBe(1);
      expect(yield* g).toBe(1);
      expect(() => {
        for (const _ of p as Iterable<unknown>) void _;
      }).toThrow(/cannot reuse already awaited coroutine/);
    });
  });

  it("yield* q.get() and await q.get() are typed", async () => {
    await runGen(function* () {
      const q = new Queue<{ id: number }>();
      q.putNowait({ id: 1 });
      const v = yield* q.get();
      expectTypeOf(v).toEqualTypeOf<{ id: number }>();
      const none = yield* q.put({ id: 2 });
      expectTypeOf(none).toEqualTypeOf<void>();
      expectTypeOf(q.getNowait()).toEqualTypeOf<{ id: number }>();
      expect(v.id).toBe(1);
    });
    await runAsync(async () => {
      const q = new PriorityQueue<[number, string]>();
      q.putNowait([1, "x"]);
      const v = await q.get();
      expectTypeOf(v).toEqualTypeOf<[number, string]>();
      expect(v).toEqual([1, "x"]);
    });
  });

  it("a get() or put() that need not wait allocates no Future (both styles)", async () => {
    const spy = vi.spyOn(EventLoop.prototype, "createFuture");
    await runGen(function* () {
      const q = new Queue<number>(2);
      const before = spy.mock.calls.length;
      for (let i = 0; i < 1000; i++) {
        yield* q.put(i);
        if ((yield* q.get()) !== i) throw new Error("order");
      }
      expect(spy.mock.calls.length).toBe(before);
      // a get that has to wait makes exactly one getter future
      const t = aio.createTask(q.get());
      yield* aio.sleep(0);
      expect(spy.mock.calls.length).toBe(before + 1);
      q.putNowait(7);
      expect(yield* t).toBe(7);
    });
    await runAsync(async () => {
      const q = new Queue<number>(2);
      const before = spy.mock.calls.length;
      for (let i = 0; i < 1000; i++) {
        await q.put(i);
        if ((await q.get()) !== i) throw new Error("order");
      }
      expect(spy.mock.calls.length).toBe(before);
    });
  });

  it("cancelling an async function blocked in get() removes its getter", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<string>();
      const log: string[] = [];
      const consumer = aio.coroutine(async (name: string) => {
        try {
          log.push(`${name} got ${await q.get()}`);
        } catch (e) {
          log.push(`${name} ${(e as Error).name}`);
          throw e;
        }
      });
      const a = aio.createTask(consumer("a"));
      const b = aio.createTask(consumer("b"));
      await aio.sleep(0);
      expect(q.toString()).toContain("_getters[2]");
      a.cancel();
      await aio.sleep(0);
      expect(q.toString()).toContain("_getters[1]");
      q.putNowait("x");
      await b;
      expect(a.cancelled()).toBe(true);
      return log;
    });
    expect(r).toEqual(["a CancelledError", "b got x"]);
  });

  it("then() chains on get() and put()", async () => {
    await runAsync(async () => {
      const q = new Queue<number>();
      await q.put(20).then(() => q.putNowait(1));
      expect(await q.get().then((v) => v + 1)).toBe(21);
      expect(q.getNowait()).toBe(1);
      q.shutdown();
      expect(await q.get().then(null, (e) => (e as Error).name)).toBe("QueueShutDown");
      expect(await q.put(0).then(null, (e) => (e as Error).name)).toBe("QueueShutDown");
    });
  });

  it("works from plain code on the default loop (ambient mode)", async () => {
    const q = new Queue<string>();
    setTimeout(() => q.putNowait("from a Node timer"), 5);
    expect(await q.get()).toBe("from a Node timer");
    q.putNowait("ready");
    expect(await q.get()).toBe("ready");
  });
});

// ---------------------------------------------------------------------------- loop binding

describe("a queue binds to the first loop it waits on", () => {
  it("waiting from another loop is a RuntimeError; the queue and both loops stay usable", async () => {
    const q = new Queue<number>();
    const loop1 = freshLoop();
    const t = loop1.createTask(q.get());
    await loop1.runUntilComplete(aio.sleep(0));
    q.putNowait(1);
    expect(await loop1.runUntilComplete(t)).toBe(1);
    const r = await runGen(function* () {
      q.putNowait(2);
      const fast = yield* q.get(); // no waiting: no loop check, as in asyncio
      let err: unknown = null;
      try {
        yield* q.get();
      } catch (e) {
        err = e;
      }
      yield* aio.sleep(0);
      return [fast, err];
    });
    expect(r[0]).toBe(2);
    expect(r[1]).toBeInstanceOf(RuntimeError);
    expect((r[1] as Error).message).toMatch(/^<Queue maxsize=0 .*> is bound to a different event loop$/);
    q.putNowait(3);
    expect(await loop1.runUntilComplete(loop1.createTask(q.get()))).toBe(3);
  });

  it("the same check holds for async functions and for put()", async () => {
    const q = new Queue<number>(1);
    const loop1 = freshLoop();
    q.putNowait(0);
    const t = loop1.createTask(q.put(1));
    await loop1.runUntilComplete(aio.sleep(0));
    q.getNowait();
    await loop1.runUntilComplete(t);
    const name = await runAsync(async () => {
      try {
        await q.put(2);
        return "no error";
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(name).toBe("RuntimeError");
    expect(q.qsize()).toBe(1);
  });
});

// ---------------------------------------------------------------------------- shutdown (3.13)

describe("shutdown() as in Python 3.13", () => {
  it("put and putNowait raise QueueShutDown afterwards, even when the queue is not full", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      q.shutdown();
      expect(q.isShutdown()).toBe(true);
      expect(() => q.putNowait(2)).toThrow(QueueShutDown);
      const put = yield* outcome(q.put(3));
      return [put, q.qsize()];
    });
    expect(r).toEqual(["QueueShutDown", 1]);
  });

  it("gets drain the remaining items, then raise QueueShutDown", async () => {
    const r = await runGen(function* () {
      const q = new Queue<string>();
      q.putNowait("a");
      q.putNowait("b");
      q.shutdown();
      const out = [yield* outcome(q.get()), q.getNowait(), yield* outcome(q.get())];
      expect(() => q.getNowait()).toThrow(QueueShutDown);
      return out;
    });
    expect(r).toEqual(["ok:a", "b", "QueueShutDown"]);
  });

  it("immediate: the queue is drained, gets raise at once, the dropped items count as done", async () => {
    const r = await runGen(function* () {
      const q = new LifoQueue<number>();
      for (let i = 0; i < 4; i++) q.putNowait(i);
      const joined: string[] = [];
      const j = aio.createTask(
        aio.coroutine(function* () {
          yield* q.join();
          joined.push("join returned");
        })(),
      );
      yield* aio.sleep(0);
      q.shutdown(true);
      expect(q.qsize()).toBe(0);
      expect(() => q.getNowait()).toThrow(QueueShutDown);
      const g = yield* outcome(q.get());
      yield* j;
      return [g, joined, thrown(() => q.taskDone()) instanceof RangeError];
    });
    expect(r).toEqual(["QueueShutDown", ["join returned"], true]);
  });

  it("immediate with items taken but not done: join() still waits for their taskDone()", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>();
      for (let i = 0; i < 3; i++) q.putNowait(i);
      q.getNowait(); // taken, not done yet
      const j = aio.createTask(q.join());
      yield* aio.sleep(0);
      q.shutdown(true); // drops 2 items: one unfinished remains
      yield* aio.sleep(0);
      yield* aio.sleep(0);
      const before = j.done();
      q.taskDone();
      yield* j;
      return before;
    });
    expect(r).toBe(false);
  });

  it("wakes every waiting getter and putter; each raises QueueShutDown (generator tasks)", async () => {
    const r = await runGen(function* () {
      const empty = new Queue<number>();
      const full = new Queue<number>(1);
      full.putNowait(0);
      const tasks = [
        aio.createTask(outcome(empty.get())),
        aio.createTask(outcome(empty.get())),
        aio.createTask(outcome(full.put(1))),
        aio.createTask(outcome(full.put(2))),
      ];
      yield* aio.sleep(0);
      empty.shutdown();
      full.shutdown();
      const res = yield* aio.gather(...tasks);
      return [res, full.qsize(), full.getNowait(), String(empty), String(full)];
    });
    expect(r).toEqual([
      ["QueueShutDown", "QueueShutDown", "QueueShutDown", "QueueShutDown"],
      1,
      0,
      "<Queue maxsize=0 shutdown>",
      "<Queue maxsize=1 tasks=1 shutdown>",
    ]);
  });

  it("wakes waiting async functions too", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>(1);
      const e = new Queue<number>();
      q.putNowait(0);
      const name = (p: PromiseLike<unknown>) =>
        Promise.resolve(p).then(
          () => "ok",
          (err) => (err as Error).name,
        );
      const put = aio.createTask(aio.coroutine(async () => name(q.put(1)))());
      const get = aio.createTask(aio.coroutine(async () => name(e.get()))());
      await aio.sleep(0);
      q.shutdown(true);
      e.shutdown();
      return await aio.gather(put, get);
    });
    expect(r).toEqual(["QueueShutDown", "QueueShutDown"]);
  });

  it("a woken putter finds the queue drained by immediate shutdown and still raises", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>(1);
      q.putNowait(0);
      const p = aio.createTask(outcome(q.put(1)));
      yield* aio.sleep(0);
      q.shutdown(true);
      return [yield* p, q.qsize()];
    });
    expect(r).toEqual(["QueueShutDown", 0]);
  });

  it("a getter already woken by an item keeps it when shutdown() follows in the same iteration", async () => {
    const r = await runGen(function* () {
      const q = new Queue<string>();
      const g = aio.createTask(outcome(q.get()));
      yield* aio.sleep(0);
      q.putNowait("last");
      q.shutdown();
      return yield* g;
    });
    expect(r).toBe("ok:last");
  });

  it("shutdown twice is harmless; shutdown(true) after shutdown() drains", () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.shutdown();
    q.shutdown();
    expect(q.qsize()).toBe(1);
    q.shutdown(true);
    expect(q.qsize()).toBe(0);
  });
});

// ---------------------------------------------------------------------------- async iteration

describe("for await (const item of q)", () => {
  it("yields items as get() would and ends quietly after shutdown() once drained", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>(2);
      const producer = aio.createTask(
        aio.coroutine(function* () {
          for (let i = 0; i < 5; i++) yield* q.put(i);
          q.shutdown();
        })(),
      );
      const seen: number[] = [];
      for await (const x of q) seen.push(x);
      await producer;
      return seen;
    });
    expect(r).toEqual([0, 1, 2, 3, 4]);
  });

  it("ends at once after shutdown(true), and break stops the iterator", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>();
      for (let i = 0; i < 5; i++) q.putNowait(i);
      const seen: number[] = [];
      for await (const x of q) {
        seen.push(x);
        if (x === 1) break;
      }
      const it = q[Symbol.asyncIterator]();
      expect((await it.next()).value).toBe(2);
      q.shutdown(true);
      expect(await it.next()).toEqual({ value: undefined, done: true });
      expect(await it.next()).toEqual({ value: undefined, done: true });
      return seen;
    });
    expect(r).toEqual([0, 1]);
  });

  it("does not await items that are thenables (ready or arriving later)", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<aio.Future<number>>();
      const f = aio.getRunningLoop().createFuture<number>();
      const g = aio.getRunningLoop().createFuture<number>();
      q.putNowait(f);
      aio.getRunningLoop().callSoon(() => {
        q.putNowait(g);
        q.shutdown();
      });
      const seen: unknown[] = [];
      for await (const x of q) seen.push(x);
      return seen.length === 2 && seen[0] === f && seen[1] === g;
    });
    expect(r).toBe(true);
  });

  it("a cancelled iterating task gets CancelledError out of the loop", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>();
      const t = aio.createTask(
        aio.coroutine(async () => {
          for await (const x of q) void x;
          return "ended";
        })(),
      );
      await aio.sleep(0);
      t.cancel();
      try {
        await t;
      } catch (e) {
        return [(e as Error).name, q.toString()];
      }
      return ["not cancelled"];
    });
    expect(r).toEqual(["CancelledError", "<Queue maxsize=0>"]);
  });
});

// ---------------------------------------------------------------------------- PriorityQueue

describe("PriorityQueue", () => {
  it("comes out sorted for random numbers (heap invariant)", () => {
    let x = 12345;
    const q = new PriorityQueue<number>();
    const all: number[] = [];
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(1664525, x) + 1013904223) >>> 0;
      const v = x % 1000;
      q.putNowait(v);
      all.push(v);
    }
    const out: number[] = [];
    while (!q.empty()) out.push(q.getNowait());
    expect(out).toEqual(all.sort((a, b) => a - b));
  });

  it("a comparator sets the order", () => {
    const q = new PriorityQueue<{ p: number; name: string }>({ comparator: (a, b) => b.p - a.p });
    for (const [p, name] of [[1, "low"], [5, "high"], [3, "mid"]] as const) q.putNowait({ p, name });
    expect([q.getNowait().name, q.getNowait().name, q.getNowait().name]).toEqual(["high", "mid", "low"]);
  });

  it("default order: arrays like tuples, mixed kinds are a TypeError naming Python's types", () => {
    const q = new PriorityQueue<unknown>();
    q.putNowait([2, "b"]);
    q.putNowait([1, "z", 0]);
    q.putNowait([1, "z"]);
    q.putNowait([1n, "a"]);
    expect([q.getNowait(), q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([[1n, "a"], [1, "z"], [1, "z", 0], [2, "b"]]);
    q.putNowait("s");
    expect(() => q.putNowait(1.5)).toThrow("'<' not supported between instances of 'float' and 'str'");
    expect(() => q.putNowait(null)).toThrow("'<' not supported between instances of 'NoneType' and 'str'");
    expect(() => q.putNowait({})).toThrow("'<' not supported between instances of 'Object' and 'str'");
  });

  it("a failed comparison leaves the queue as it was (put and get), and the loop usable", async () => {
    const r = await runGen(function* () {
      const q = new PriorityQueue<[number, object]>();
      const a: [number, object] = [1, { a: 1 }];
      const b: [number, object] = [0, { b: 1 }];
      const c: [number, object] = [1, { c: 1 }];
      q.putNowait(a);
      q.putNowait(b);
      q.putNowait(c); // compared with its parent b only: fine
      // popping b moves c to the root, then compares it with a: their objects are incomparable
      const e = thrown(() => q.getNowait());
      expect(e).toBeInstanceOf(TypeError);
      expect((e as Error).message).toBe("'<' not supported between instances of 'Object' and 'Object'");
      expect(q.qsize()).toBe(3); // nothing lost
      const bad = yield* outcome(q.put([1, { d: 1 }])); // compared with a: fails before any change
      expect(bad).toBe("TypeError");
      expect(q.qsize()).toBe(3);
      expect(String(q)).toContain("tasks=3");
      const first: [number, object] = [-1, {}];
      yield* q.put(first);
      const got = yield* q.get();
      yield* aio.sleep(0);
      return [got === first, q.qsize(), yield* outcome(q.get())];
    });
    expect(r).toEqual([true, 3, "TypeError"]);
  });

  it("a throwing comparator leaves the heap intact", () => {
    let armed = false;
    const q = new PriorityQueue<number>({
      comparator: (a, b) => {
        if (armed) throw new Error("boom");
        return a - b;
      },
    });
    for (const v of [5, 3, 8, 1]) q.putNowait(v);
    armed = true;
    expect(() => q.putNowait(0)).toThrow("boom");
    expect(() => q.getNowait()).toThrow("boom");
    armed = false;
    expect([q.getNowait(), q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([1, 3, 5, 8]);
    expect(q.empty()).toBe(true);
  });
});

// ---------------------------------------------------------------------------- waiting edge cases

describe("waiters", () => {
  it("cancelled waiters are skipped when the next one is woken", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>();
      const ts = [0, 1, 2].map(() => aio.createTask(q.get()));
      yield* aio.sleep(0);
      ts[0]!.cancel();
      ts[1]!.cancel();
      q.putNowait(42);
      const third = yield* ts[2]!;
      return [ts[0]!.cancelled(), ts[1]!.cancelled(), third, q.toString()];
    });
    expect(r).toEqual([true, true, 42, "<Queue maxsize=0 tasks=1>"]);
  });

  it("a getter woken and cancelled in one iteration hands the item to the next getter (async functions)", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<string>();
      const got: string[] = [];
      const mk = (name: string) =>
        aio.createTask(
          aio.coroutine(async () => {
            got.push(`${name}:${await q.get()}`);
          })(),
        );
      const a = mk("a");
      const b = mk("b");
      await aio.sleep(0);
      q.putNowait("item");
      a.cancel();
      await b;
      return [got, a.cancelled(), q.qsize()];
    });
    expect(r).toEqual([["b:item"], true, 0]);
  });

  it("an async get() whose item is taken before it runs waits again, and stays cancellable", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<string>();
      const log: string[] = [];
      const consumer = aio.coroutine(async () => {
        try {
          log.push(`got ${await q.get()}`);
        } catch (e) {
          log.push((e as Error).name);
          throw e;
        }
      });
      const t1 = aio.createTask(consumer());
      await aio.sleep(0);
      q.putNowait("a"); // wakes t1's getter
      log.push(`stolen ${q.getNowait()}`);
      await aio.sleep(0); // t1 runs, finds nothing, waits again
      log.push(String(q));
      q.putNowait("b");
      await t1;
      const t2 = aio.createTask(consumer());
      await aio.sleep(0);
      q.putNowait("c");
      q.getNowait();
      await aio.sleep(0);
      t2.cancel(); // cancels the second getter it waits on
      await aio.sleep(0);
      log.push(`t2 cancelled ${t2.cancelled()} ${String(q)}`);
      return log;
    });
    expect(r).toEqual([
      "stolen a",
      "<Queue maxsize=0 _getters[1] tasks=1>",
      "got b",
      "CancelledError",
      "t2 cancelled true <Queue maxsize=0 tasks=3>",
    ]);
  });

  it("an async put() whose slot is taken before it runs waits again", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>(1);
      q.putNowait(0);
      const p = aio.createTask(aio.coroutine(async () => q.put(1))());
      await aio.sleep(0);
      q.getNowait(); // wakes p's putter
      q.putNowait(99); // takes the slot
      await aio.sleep(0);
      const waiting = String(q);
      expect(q.getNowait()).toBe(99);
      await p;
      return [waiting, q.getNowait()];
    });
    expect(r).toEqual(["<Queue maxsize=1 _queue=[99] _putters[1] tasks=2>", 1]);
  });

  it("then() chains on a get() that has to wait", async () => {
    const r = await runAsync(async () => {
      const q = new Queue<number>();
      const chained = q.get().then((v) => v * 2);
      aio.getRunningLoop().callSoon(() => q.putNowait(21));
      return await chained;
    });
    expect(r).toBe(42);
  });

  it("CancelledError thrown at a generator's get() can be caught, and the queue loses nothing", async () => {
    const r = await runGen(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* q.put(2);
          } catch (e) {
            if (!(e instanceof CancelledError)) throw e;
            log.push("put cancelled");
          }
          yield* q.put(3);
          log.push("put 3");
        })(),
      );
      yield* aio.sleep(0);
      t.cancel();
      yield* aio.sleep(0);
      log.push(`got ${q.getNowait()}`);
      yield* t;
      log.push(`got ${q.getNowait()}`);
      return log;
    });
    expect(r).toEqual(["put cancelled", "got 1", "put 3", "got 3"]);
  });
});
