/**
 * Type-level tests (expectTypeOf): checked by `tsc -p tsconfig.json --noEmit`, which includes
 * test/. Each test also runs the code and checks the runtime value, so it can fail at both levels.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import * as aio from "../src/index.js";
import type { Coroutine, Future, GatheringFuture, Task, Timeout, TaskGroup } from "../src/index.js";

/** run() with the result type spelled out (run's own inference is tested separately). */
function runGen<T>(body: () => Generator<unknown, T, any>): Promise<T> {
  return aio.run<T>(body);
}

function runAsync<T>(body: () => Promise<T>): Promise<T> {
  return aio.run<T>(body);
}

describe("yield* evaluates to the awaited type", () => {
  it("yield* fut is T for Future<T>", async () => {
    const r = await runGen(function* () {
      const fut: Future<number> = aio.getRunningLoop().createFuture<number>();
      fut.setResult(3);
      const v = yield* fut;
      expectTypeOf(v).toEqualTypeOf<number>();
      const f2 = aio.getRunningLoop().createFuture<{ a: string }>();
      f2.setResult({ a: "x" });
      const o = yield* f2;
      expectTypeOf(o).toEqualTypeOf<{ a: string }>();
      return v + o.a.length;
    });
    expect(r).toBe(4);
  });

  it("yield* task is T for Task<T>; yield* coroutine is its result", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(0, "s"));
      const v = yield* t;
      expectTypeOf(v).toEqualTypeOf<string>();
      const n = yield* aio.sleep(0, 5);
      expectTypeOf(n).toEqualTypeOf<number>();
      const u = yield* aio.sleep(0);
      expectTypeOf(u).toEqualTypeOf<void>();
      return [v, n] as const;
    });
    expectTypeOf(r).toEqualTypeOf<readonly [string, number]>();
    expect(r).toEqual(["s", 5]);
  });
});

describe("gather", () => {
  it("its result is a tuple of the argument result types, for yield* and await", async () => {
    const r = await runGen(function* () {
      const fut = aio.getRunningLoop().createFuture<boolean>();
      fut.setResult(true);
      const g = aio.gather(aio.sleep(0, 1), aio.sleep(0, "two"), fut, Promise.resolve(4n));
      expectTypeOf(g).toEqualTypeOf<GatheringFuture<[number, string, boolean, bigint]>>();
      const res = yield* g;
      expectTypeOf(res).toEqualTypeOf<[number, string, boolean, bigint]>();
      return res;
    });
    expect(r).toEqual([1, "two", true, 4n]);
    const awaited = await runAsync(async () => await aio.gather(aio.sleep(0, "a"), aio.sleep(0, 2)));
    expectTypeOf(awaited).toEqualTypeOf<[string, number]>();
    expect(awaited).toEqual(["a", 2]);
  });

  it("an options bag as the last argument is not part of the tuple", async () => {
    const r = await runGen(function* () {
      const signal = new AbortController().signal;
      const res = yield* aio.gather(aio.sleep(0, 1), aio.sleep(0, "x"), { signal });
      expectTypeOf(res).toEqualTypeOf<[number, string]>();
      const withExc = yield* aio.gather(aio.sleep(0, 1), aio.sleep(0, "x"), { returnExceptions: true });
      expectTypeOf(withExc.length).toEqualTypeOf<2>();
      return [res, withExc];
    });
    expect(r).toEqual([
      [1, "x"],
      [1, "x"],
    ]);
  });

  it("gather() of generator objects and coroutine(...) results", async () => {
    const double = aio.coroutine(function* (x: number) {
      yield* aio.sleep(0);
      return x * 2;
    });
    const r = await runGen(function* () {
      const gen = (function* () {
        yield* aio.sleep(0);
        return "gen";
      })();
      const res = yield* aio.gather(double(2), gen);
      expectTypeOf(res).toEqualTypeOf<[number, string]>();
      return res;
    });
    expect(r).toEqual([4, "gen"]);
  });
});

describe("coroutine()", () => {
  it("coroutine(function*(x: number){ return 's' }) is a function whose result awaited is string", async () => {
    const f = aio.coroutine(function* (x: number) {
      yield* aio.sleep(0);
      return "s".repeat(x);
    });
    expectTypeOf(f).parameters.toEqualTypeOf<[x: number]>();
    expectTypeOf(f).returns.toEqualTypeOf<Coroutine<string>>();
    const c = f(2);
    expectTypeOf(c).toEqualTypeOf<Coroutine<string>>();
    expectTypeOf<Awaited<typeof c>>().toEqualTypeOf<string>();
    const r = await runGen(function* () {
      const v = yield* f(3);
      expectTypeOf(v).toEqualTypeOf<string>();
      return v;
    });
    expectTypeOf(r).toEqualTypeOf<string>();
    expect(r).toBe("sss");
  });

  it("coroutine(async fn) keeps parameter and result types", async () => {
    const f = aio.coroutine(async (a: string, b: number) => {
      await aio.sleep(0);
      return { a, b };
    });
    expectTypeOf(f).parameters.toEqualTypeOf<[a: string, b: number]>();
    expectTypeOf(f("x", 1)).toEqualTypeOf<Coroutine<{ a: string; b: number }>>();
    const r = await runAsync(async () => {
      const v = await f("x", 1);
      expectTypeOf(v).toEqualTypeOf<{ a: string; b: number }>();
      return v;
    });
    expect(r).toEqual({ a: "x", b: 1 });
  });

  it("a coroutine function's type rejects wrong arguments", () => {
    const f = aio.coroutine(function* (x: number) {
      return x;
    });
    // @ts-expect-error: a string is not a number
    const bad = () => f("x");
    expect(typeof bad).toBe("function");
  });
});

describe("sleep, waitFor, createTask, others", () => {
  it("sleep(1, 5) resolves to number; sleep(1) to void", async () => {
    expectTypeOf(aio.sleep(1, 5)).toEqualTypeOf<Coroutine<number>>();
    expectTypeOf(aio.sleep(1)).toEqualTypeOf<Coroutine<void>>();
    const v = await runAsync(async () => await aio.sleep(0.001, 5));
    expectTypeOf(v).toEqualTypeOf<number>();
    expect(v).toBe(5);
  });

  it("waitFor<T> is a Coroutine<T> for every kind of awaitable", async () => {
    const r = await runGen(function* () {
      const a = aio.waitFor(aio.sleep(0, "str"), 1);
      expectTypeOf(a).toEqualTypeOf<Coroutine<string>>();
      const t = aio.createTask(aio.sleep(0, 1));
      const b = aio.waitFor(t, null);
      expectTypeOf(b).toEqualTypeOf<Coroutine<number>>();
      const c = aio.waitFor(Promise.resolve(true), 1);
      expectTypeOf(c).toEqualTypeOf<Coroutine<boolean>>();
      const explicit = aio.waitFor<string>(aio.sleep(0, "e"), 1);
      expectTypeOf(explicit).toEqualTypeOf<Coroutine<string>>();
      const va = yield* a;
      expectTypeOf(va).toEqualTypeOf<string>();
      return [va, yield* b, yield* c, yield* explicit] as const;
    });
    expect(r).toEqual(["str", 1, true, "e"]);
  });

  it("createTask returns Task<T>", async () => {
    const r = await runGen(function* () {
      const t1 = aio.createTask(aio.sleep(0, "x"));
      expectTypeOf(t1).toEqualTypeOf<Task<string>>();
      const t2 = aio.createTask(
        (function* () {
          yield* aio.sleep(0);
          return 42;
        })(),
      );
      expectTypeOf(t2).toEqualTypeOf<Task<number>>();
      const t3 = aio.createTask(Promise.resolve([1, 2]));
      expectTypeOf(t3).toEqualTypeOf<Task<number[]>>();
      const t4 = aio.createTask(aio.coroutine(async () => new Date(0))());
      expectTypeOf(t4).toEqualTypeOf<Task<Date>>();
      expectTypeOf(t1).toMatchTypeOf<Future<string>>();
      return [yield* t1, yield* t2, yield* t3, (yield* t4).getTime()] as const;
    });
    expect(r).toEqual(["x", 42, [1, 2], 0]);
  });

  it("timeout / taskGroup / shield / run resolve to the body's result type", async () => {
    const r = await runGen(function* () {
      const a = aio.timeout(1, function* (cm) {
        expectTypeOf(cm).toEqualTypeOf<Timeout>();
        yield* aio.sleep(0);
        return 1;
      });
      expectTypeOf(a).toEqualTypeOf<Coroutine<number>>();
      const b = aio.taskGroup(async (tg) => {
        expectTypeOf(tg).toEqualTypeOf<TaskGroup>();
        return "tg";
      });
      expectTypeOf(b).toEqualTypeOf<Coroutine<string>>();
      const s = aio.shield(aio.sleep(0, true));
      expectTypeOf(s).toEqualTypeOf<Future<boolean>>();
      return [yield* a, yield* b, yield* s] as const;
    });
    expect(r).toEqual([1, "tg", true]);
  });

  it("wait resolves to [done, pending] sets of the futures' type", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(0, "w"));
      const res = yield* aio.wait([t]);
      expectTypeOf(res).toEqualTypeOf<[Set<Future<string>>, Set<Future<string>>]>();
      return [...res[0]].map((f) => f.result());
    });
    expect(r).toEqual(["w"]);
  });

  it("Future<T>.then gives a thenable of the callback type (its Promise is made lazily); await fut is T", async () => {
    const r = await runAsync(async () => {
      const fut = aio.getRunningLoop().createFuture<number>();
      fut.setResult(2);
      const p = fut.then((v) => `${v}`);
      expectTypeOf(p).toEqualTypeOf<aio.FutureThen<string>>();
      expectTypeOf(p.then((s) => s.length)).toEqualTypeOf<Promise<number>>();
      expectTypeOf(p.catch(() => 0)).toEqualTypeOf<Promise<string | number>>();
      const v = await fut;
      expectTypeOf(v).toEqualTypeOf<number>();
      return [await p, v] as const;
    });
    expect(r).toEqual(["2", 2]);
  });

  it("Task<T> is inferred as an awaitable of T by waitFor, shield, ensureFuture and asCompleted", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(0, 1));
      const w = aio.waitFor(t, 1);
      expectTypeOf(w).toEqualTypeOf<Coroutine<number>>();
      const s = aio.shield(t);
      expectTypeOf(s).toEqualTypeOf<Future<number>>();
      const e = aio.ensureFuture(t);
      expectTypeOf(e).toEqualTypeOf<Future<number>>();
      const ac = aio.asCompleted([t, aio.sleep(0, 2)]);
      expectTypeOf(ac).toEqualTypeOf<aio.AsCompleted<number>>();
      const out: unknown[] = [yield* w, yield* s, yield* e];
      for (const c of ac) out.push(yield* c);
      return out;
    });
    expect(r).toEqual([1, 1, 1, 1, 2]);
  });
});

describe("loop methods and run() keep result types", () => {
  it("run(main) resolves to main's result type (generator function, async function, coroutine, awaitable)", async () => {
    const a = await aio.run(function* () {
      yield* aio.sleep(0);
      return 1;
    });
    expectTypeOf(a).toEqualTypeOf<number>();
    const b = await aio.run(async () => "b");
    expectTypeOf(b).toEqualTypeOf<string>();
    const c = await aio.run(aio.sleep(0, true));
    expectTypeOf(c).toEqualTypeOf<boolean>();
    expect([a, b, c]).toEqual([1, "b", true]);
  });

  it("loop.createTask returns Task<T>; loop.runUntilComplete resolves to T", async () => {
    const loop = aio.newEventLoop();
    try {
      const t = loop.createTask(aio.sleep(0, "x"));
      expectTypeOf(t).toEqualTypeOf<Task<string>>();
      const v = await loop.runUntilComplete(t);
      expectTypeOf(v).toEqualTypeOf<string>();
      const n = await loop.runUntilComplete(aio.sleep(0, 3));
      expectTypeOf(n).toEqualTypeOf<number>();
      expect([v, n]).toEqual(["x", 3]);
      expect(t).toBeInstanceOf(aio.Task);
    } finally {
      loop.close();
    }
  });
});
