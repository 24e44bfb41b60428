/**
 * API.md section 11 (Node interop): thenables, `await` and `yield*` for every awaitable, plain
 * Promises, AbortSignal in both directions, `for await`, AsyncLocalStorage context propagation,
 * currentTask() and cancellation in async functions.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import * as aio from "../src/index.js";
import { closeFreshLoops, freshLoop, runGenOn } from "./helpers/loops.js";
import { CancelledError, type Future, type Task } from "../src/index.js";

afterEach(() => {
  closeFreshLoops();
});

/** Run a generator body as a task on a fresh loop. */
function runGen<T>(body: () => Generator<unknown, T, any>): Promise<T> {
  return runGenOn(freshLoop(), body);
}

/** Run an async body as a task on a fresh loop. */
function runAsync<T>(body: () => Promise<T>): Promise<T> {
  const loop = freshLoop();
  return loop.runUntilComplete<T>(loop.createTask<T>(aio.coroutine(body)()));
}

/** A promise Node settles by itself (not an aionode awaitable). */
function foreignDelay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

// ---------------------------------------------------------------------------- thenables

describe("Futures and Tasks are thenables", () => {
  it("await works on a Future and a Task inside an async task", async () => {
    const r = await runAsync(async () => {
      const loop = aio.getRunningLoop();
      const fut = loop.createFuture<number>();
      loop.callLater(0.001, () => fut.setResult(41));
      const a = await fut;
      const t = aio.createTask(aio.sleep(0.001, "task"));
      const b = await t;
      return [a, b] as const;
    });
    expect(r).toEqual([41, "task"]);
  });

  it(".then chains transform the value", async () => {
    const r = await runAsync(async () => {
      const loop = aio.getRunningLoop();
      const fut = loop.createFuture<number>();
      const chained = fut.then((v) => v + 1).then((v) => v * 10);
      loop.callSoon(() => fut.setResult(1));
      return await chained;
    });
    expect(r).toBe(20);
  });

  it(".then(onFulfilled, onRejected) and .catch see the exception", async () => {
    const r = await runAsync(async () => {
      const loop = aio.getRunningLoop();
      const fut = loop.createFuture<number>();
      const viaThen = fut.then(
        () => "fulfilled",
        (e: Error) => `rejected ${e.message}`,
      );
      const viaCatch = fut.catch((e: Error) => `caught ${e.message}`);
      loop.callSoon(() => fut.setException(new Error("boom")));
      return [await viaThen, await viaCatch];
    });
    expect(r).toEqual(["rejected boom", "caught boom"]);
  });

  it(".finally runs and passes the value or the error through", async () => {
    const log: string[] = [];
    const r = await runAsync(async () => {
      const loop = aio.getRunningLoop();
      const ok = loop.createFuture<string>();
      const bad = loop.createFuture<string>();
      const p1 = ok.finally(() => log.push("finally ok"));
      const p2 = bad.finally(() => log.push("finally bad"));
      ok.setResult("value");
      bad.setException(new RangeError("err"));
      const v1 = await p1;
      let v2: unknown;
      try {
        await p2;
      } catch (e) {
        v2 = e;
      }
      return [v1, v2] as const;
    });
    expect(r[0]).toBe("value");
    expect(r[1]).toBeInstanceOf(RangeError);
    expect(log).toEqual(["finally ok", "finally bad"]);
  });

  it("a cancelled future rejects its then() with CancelledError", async () => {
    const r = await runAsync(async () => {
      const fut = aio.getRunningLoop().createFuture<number>();
      const p = fut.then(
        () => "fulfilled",
        (e: unknown) => (e instanceof CancelledError ? `cancelled ${(e as Error).message}` : "other"),
      );
      fut.cancel("msg");
      return await p;
    });
    expect(r).toBe("cancelled msg");
  });

  it("a Task's then() from plain code outside the loop resolves once the loop ran it", async () => {
    const loop = freshLoop();
    const t = loop.createTask(aio.sleep(0.001, "x"));
    const chained = t.then((v) => `${v}!`);
    await loop.runUntilComplete(t);
    expect(await chained).toBe("x!");
  });

  it("Promise.all / Promise.race accept Futures", async () => {
    const r = await runAsync(async () => {
      const a = aio.createTask(aio.sleep(0.002, "a"));
      const b = aio.createTask(aio.sleep(0.001, "b"));
      const all = await Promise.all([a, b]);
      const c = aio.createTask(aio.sleep(0.05, "slow"));
      const d = aio.createTask(aio.sleep(0.001, "fast"));
      const race = await Promise.race([c, d]);
      c.cancel();
      return [all, race];
    });
    expect(r).toEqual([["a", "b"], "fast"]);
  });
});

// ---------------------------------------------------------------------------- await and yield*

type Factory = [name: string, make: () => unknown, expected: unknown];

/** Each awaitable, made inside a running task, and what it evaluates to. */
const factories: Factory[] = [
  [
    "Future",
    () => {
      const loop = aio.getRunningLoop();
      const f = loop.createFuture<string>();
      loop.callLater(0.001, () => f.setResult("future"));
      return f;
    },
    "future",
  ],
  ["Task", () => aio.createTask(aio.sleep(0.001, "task")), "task"],
  [
    "Task of an async coroutine",
    () =>
      aio.createTask(
        aio.coroutine(async () => {
          await aio.sleep(0.001);
          return "async task";
        })(),
      ),
    "async task",
  ],
  [
    "Task of a generator",
    () =>
      aio.createTask(
        (function* () {
          yield* aio.sleep(0.001);
          return "gen task";
        })(),
      ),
    "gen task",
  ],
  [
    "Coroutine from coroutine(genFn)",
    () =>
      aio.coroutine(function* (x: string) {
        yield* aio.sleep(0.001);
        return `gen ${x}`;
      })("arg"),
    "gen arg",
  ],
  [
    "Coroutine from coroutine(asyncFn)",
    () =>
      aio.coroutine(async (x: string) => {
        await aio.sleep(0.001);
        return `async ${x}`;
      })("arg"),
    "async arg",
  ],
  ["sleep", () => aio.sleep(0.001, "slept"), "slept"],
  ["sleep(0)", () => aio.sleep(0, "zero"), "zero"],
  ["gather", () => aio.gather(aio.sleep(0.002, 1), aio.sleep(0.001, 2), Promise.resolve(3)), [1, 2, 3]],
  ["waitFor", () => aio.waitFor(aio.sleep(0.001, "wf"), 5), "wf"],
  ["waitFor without timeout", () => aio.waitFor(aio.sleep(0.001, "wf0"), null), "wf0"],
  ["wait", () => aio.wait([aio.createTask(aio.sleep(0.001, "w"))]), [1, 0, "w"]],
  ["shield", () => aio.shield(aio.sleep(0.001, "shielded")), "shielded"],
  [
    "timeout (generator body)",
    () =>
      aio.timeout(5, function* (cm) {
        yield* aio.sleep(0.001);
        return `in time ${cm.expired()}`;
      }),
    "in time false",
  ],
  [
    "timeout (async body)",
    () =>
      aio.timeout(5, async (cm) => {
        await aio.sleep(0.001);
        return `in time ${cm.expired()}`;
      }),
    "in time false",
  ],
  [
    "taskGroup (generator body)",
    () =>
      aio.taskGroup(function* (tg) {
        const a = tg.createTask(aio.sleep(0.002, "a"));
        const b = tg.createTask(aio.sleep(0.001, "b"));
        yield* aio.sleep(0);
        return [a, b] as const;
      }),
    "a b",
  ],
  [
    "taskGroup (async body)",
    () =>
      aio.taskGroup(async (tg) => {
        const a = tg.createTask(aio.sleep(0.002, "a"));
        const b = tg.createTask(aio.sleep(0.001, "b"));
        await aio.sleep(0);
        return [a, b] as const;
      }),
    "a b",
  ],
];

/** wait() gives sets and the taskGroup bodies return tasks: compare what they hold. */
function normalise(name: string, v: unknown): unknown {
  if (name === "wait") {
    const [done, pending] = v as [Set<Future<string>>, Set<Future<string>>];
    return [done.size, pending.size, [...done][0]!.result()];
  }
  if (name.startsWith("taskGroup")) {
    const [a, b] = v as [Task<string>, Task<string>];
    return `${a.result()} ${b.result()}`;
  }
  return v;
}

describe("every awaitable works with await and with yield*", () => {
  for (const [name, make, expected] of factories) {
    it(`${name}: yield* in a generator task`, async () => {
      const r = await runGen(function* () {
        return yield* make() as Iterable<unknown>;
      });
      expect(normalise(name, r)).toEqual(expected);
    });

    it(`${name}: await in an async task`, async () => {
      const r = await runAsync(async () => await (make() as PromiseLike<unknown>));
      expect(normalise(name, r)).toEqual(expected);
    });
  }

  it("yield* and await mix in one task: generator awaits async and vice versa", async () => {
    const asyncDouble = aio.coroutine(async (x: number) => {
      await aio.sleep(0);
      return x * 2;
    });
    const genInc = aio.coroutine(function* (x: number) {
      yield* aio.sleep(0);
      return x + 1;
    });
    const r = await runGen(function* () {
      const a = yield* asyncDouble(5); // async body via yield*
      const b = yield* genInc(a);
      const c = yield* aio.coroutine(async () => {
        const inner = await genInc(b); // generator body via await
        return inner * 100;
      })();
      return [a, b, c];
    });
    expect(r).toEqual([10, 11, 1200]);
  });
});

// ---------------------------------------------------------------------------- plain promises

describe("plain Promises are accepted", () => {
  it("createTask(promise) resolves to its value; a rejected promise fails the task", async () => {
    const r = await runGen(function* () {
      const ok = aio.createTask(foreignDelay(2, "promised"));
      const bad = aio.createTask(Promise.reject(new TypeError("nope")));
      const v = yield* ok;
      let err: unknown;
      try {
        yield* bad;
      } catch (e) {
        err = e;
      }
      return [v, err, bad.exception()] as const;
    });
    expect(r[0]).toBe("promised");
    expect(r[1]).toBeInstanceOf(TypeError);
    expect(r[2]).toBe(r[1]);
  });

  it("gather(promise, ...) includes its value in argument order", async () => {
    const r = await runGen(function* () {
      return yield* aio.gather(foreignDelay(5, "p-slow"), aio.sleep(0, "s"), Promise.resolve("p-now"));
    });
    expect(r).toEqual(["p-slow", "s", "p-now"]);
  });

  it("a gather() called from a thenable's then() (inside another gather) completes, duplicates and all", async () => {
    const r = await runGen(function* () {
      const loop = aio.getRunningLoop();
      const f = loop.createFuture<string>();
      let inner: Future<unknown> | null = null;
      const thenable = {
        then(resolve: (v: number) => void) {
          inner = aio.gather(f, f); // f is being marked by the outer gather right now
          resolve(1);
        },
      };
      const outer = aio.gather(f, thenable, f);
      f.setResult("F");
      const a = yield* outer;
      const b = yield* inner!;
      return [a, b];
    });
    expect(r).toEqual([["F", 1, "F"], ["F", "F"]]);
  });

  it("`yield promise` in a generator task gives its value; a rejection is thrown in", async () => {
    const r = await runGen(function* () {
      const a = yield foreignDelay(2, "yielded");
      const b = yield Promise.resolve(7);
      let c: unknown;
      try {
        yield Promise.reject(new Error("rejected"));
      } catch (e) {
        c = (e as Error).message;
      }
      return [a, b, c];
    });
    expect(r).toEqual(["yielded", 7, "rejected"]);
  });

  it("`yield fut` (bare) sends the future's result back", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(0.001, "bare"));
      return yield t;
    });
    expect(r).toBe("bare");
  });

  it("ensureFuture / wrapFuture wrap a promise into a Future", async () => {
    const r = await runGen(function* () {
      const f = aio.ensureFuture(foreignDelay(1, "ef"));
      const w = aio.wrapFuture(Promise.resolve("wf"));
      expect(aio.isFuture(f)).toBe(true);
      expect(aio.isFuture(w)).toBe(true);
      return [yield* f, yield* w];
    });
    expect(r).toEqual(["ef", "wf"]);
  });

  it("a plain async function a task's step started and did not await still wakes after the task ended", async () => {
    // Its await is attributed to the task (the step's window); the task returns first. The
    // wake-up used to find the done task with no future and threw inside the loop, and the
    // helper (and a TaskGroup given it as a child) never resumed.
    const r = await runAsync(async () => {
      const log: string[] = [];
      const worker = aio.createTask(
        aio.coroutine(async () => {
          void (async () => {
            log.push(`helper woke ${await aio.sleep(0.002, "v")}`);
          })();
          return "worker done";
        })(),
      );
      log.push(await worker);
      await aio.sleep(0.01);
      let group: unknown;
      try {
        await aio.taskGroup(async (tg) => {
          tg.createTask(
            (async () => {
              await aio.sleep(0.002);
              throw new TypeError("child");
            })(),
          );
        });
      } catch (e) {
        group = e;
      }
      log.push(group instanceof aio.ExceptionGroup ? `group ${(group.errors[0] as Error).message}` : "no group");
      return log;
    });
    expect(r).toEqual(["worker done", "helper woke v", "group child"]);
  });
});

// ---------------------------------------------------------------------------- AbortSignal

describe("task.signal", () => {
  it("aborts when the task is cancelled, with a CancelledError reason carrying the message", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(10));
      const sig = t.signal;
      const events: unknown[] = [];
      sig.addEventListener("abort", () => events.push(sig.reason));
      const before = sig.aborted;
      yield* aio.sleep(0);
      t.cancel("stop it");
      const afterCancel = sig.aborted;
      try {
        yield* t;
      } catch {
        /* cancelled */
      }
      return { before, afterCancel, events, cancelled: t.cancelled(), reason: sig.reason };
    });
    expect(r.before).toBe(false);
    expect(r.afterCancel).toBe(true);
    expect(r.cancelled).toBe(true);
    expect(r.events).toHaveLength(1);
    expect(r.reason).toBeInstanceOf(CancelledError);
    expect((r.reason as Error).message).toBe("stop it");
  });

  it("is already aborted when read after the cancellation; not aborted when the task completes", async () => {
    const r = await runGen(function* () {
      const cancelled = aio.createTask(aio.sleep(10));
      const finished = aio.createTask(aio.sleep(0, "ok"));
      cancelled.cancel();
      yield* aio.sleep(0.001);
      return [cancelled.signal.aborted, cancelled.signal.reason instanceof CancelledError, finished.signal.aborted];
    });
    expect(r).toEqual([true, true, false]);
  });

  it("an async task can hand its signal to Node APIs (fetch-style cancellation; exact with trackAsyncTasks)", async () => {
    aio.trackAsyncTasks(true);
    const r = await runGen(function* () {
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(async () => {
          const signal = aio.currentTask()!.signal;
          await new Promise<void>((resolve) => {
            signal.addEventListener("abort", () => {
              log.push(`aborted: ${(signal.reason as Error).name}`);
              resolve();
            });
          });
          await aio.sleep(0); // CancelledError arrives here
          log.push("not reached");
        })(),
      );
      yield* aio.sleep(0.001);
      t.cancel();
      try {
        yield* t;
      } catch (e) {
        log.push(`task: ${(e as Error).name}`);
      }
      return log;
    }).finally(() => aio.trackAsyncTasks(false));
    expect(r).toEqual(["aborted: CancelledError", "task: CancelledError"]);
  });
});

describe("{ signal } option: aborting cancels the wait", () => {
  it("sleep: yield* throws CancelledError (generator task, aborted from a loop callback)", async () => {
    const r = await runGen(function* () {
      const ac = new AbortController();
      aio.getRunningLoop().callLater(0.002, () => ac.abort());
      try {
        yield* aio.sleep(10, undefined, { signal: ac.signal });
        return "slept";
      } catch (e) {
        return `gen ${(e as Error).name}`;
      }
    });
    expect(r).toBe("gen CancelledError");
  });

  it("sleep: await throws CancelledError (async task, aborted from a Node timer)", async () => {
    const r = await runAsync(async () => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 2);
      try {
        await aio.sleep(10, "x", { signal: ac.signal });
        return "slept";
      } catch (e) {
        return `async ${(e as Error).name}`;
      }
    });
    expect(r).toBe("async CancelledError");
  });

  it("wait: throws CancelledError and does not cancel the awaited tasks", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(aio.sleep(10, "t"));
      const ac = new AbortController();
      aio.getRunningLoop().callLater(0.001, () => ac.abort());
      let name = "";
      try {
        yield* aio.wait([t], { signal: ac.signal });
      } catch (e) {
        name = (e as Error).name;
      }
      yield* aio.sleep(0);
      const state = [t.done(), t.cancelled()];
      t.cancel();
      return [name, ...state];
    });
    expect(r).toEqual(["CancelledError", false, false]);
  });

  it.each([
    ["with a timeout", 60],
    ["without a timeout", null],
  ])("waitFor %s: throws CancelledError and cancels the inner awaitable", async (_label, timeout) => {
    const r = await runGen(function* () {
      const inner = aio.createTask(aio.sleep(10, "inner"));
      const ac = new AbortController();
      aio.getRunningLoop().callLater(0.001, () => ac.abort());
      let name = "";
      try {
        yield* aio.waitFor(inner, timeout, { signal: ac.signal });
      } catch (e) {
        name = (e as Error).name;
      }
      return [name, inner.cancelled()];
    });
    expect(r).toEqual(["CancelledError", true]);
  });

  it("gather: throws CancelledError and cancels the children", async () => {
    const r = await runGen(function* () {
      const a = aio.createTask(aio.sleep(10, "a"));
      const b = aio.createTask(aio.sleep(10, "b"));
      const ac = new AbortController();
      aio.getRunningLoop().callLater(0.001, () => ac.abort());
      let name = "";
      try {
        yield* aio.gather(a, b, { signal: ac.signal });
      } catch (e) {
        name = (e as Error).name;
      }
      return [name, a.cancelled(), b.cancelled()];
    });
    expect(r).toEqual(["CancelledError", true, true]);
  });

  it("an already-aborted signal cancels at once (before anything else that is due later)", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      aio.getRunningLoop().callLater(2, () => log.push("marker"));
      const signal = AbortSignal.abort("why");
      const attempts: [string, () => unknown][] = [
        ["sleep", () => aio.sleep(10, undefined, { signal })],
        ["wait", () => aio.wait([aio.createTask(aio.sleep(10))], { signal })],
        ["waitFor", () => aio.waitFor(aio.sleep(10), 10, { signal })],
        ["gather", () => aio.gather(aio.sleep(10), { signal })],
      ];
      for (const [name, make] of attempts) {
        try {
          yield* make() as Iterable<unknown>;
          log.push(`${name} completed`);
        } catch (e) {
          log.push(`${name} ${(e as Error).name}`);
        }
      }
      for (const t of aio.allTasks()) if (t !== aio.currentTask()) t.cancel();
      return log;
    });
    expect(r).toEqual(["sleep CancelledError", "wait CancelledError", "waitFor CancelledError", "gather CancelledError"]);
  });

  it("waitFor(x, null, { signal }) makes any wait abortable: a queue get and a lock acquire, left consistent", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const loop = aio.getRunningLoop();
      const q = new aio.Queue<string>();
      const lock = new aio.Lock();
      yield* lock.acquire();
      const getAbort = new AbortController();
      const lockAbort = new AbortController();
      const getter = aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* aio.waitFor(q.get(), null, { signal: getAbort.signal });
          } catch (e) {
            log.push(`get: ${(e as Error).name}`);
          }
        })(),
      );
      const locker = aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* aio.waitFor(lock.acquire(), null, { signal: lockAbort.signal });
          } catch (e) {
            log.push(`acquire: ${(e as Error).name}`);
          }
        })(),
      );
      loop.callLater(0.001, () => getAbort.abort());
      loop.callLater(0.002, () => lockAbort.abort());
      yield* aio.gather(getter, locker);
      // Nothing is left waiting: a later put stays in the queue, the lock passes to the next taker.
      q.putNowait("kept");
      lock.release();
      const took = yield* lock.acquire();
      log.push(`qsize=${q.qsize()} got=${q.getNowait()} relocked=${took} getterCancelled=${getter.cancelled()}`);
      return log;
    });
    expect(r).toEqual(["get: CancelledError", "acquire: CancelledError", "qsize=1 got=kept relocked=true getterCancelled=false"]);
  });

  it("a signal that never aborts changes nothing", async () => {
    const r = await runGen(function* () {
      const signal = new AbortController().signal;
      const a = yield* aio.sleep(0.001, "a", { signal });
      const b = yield* aio.waitFor(aio.sleep(0.001, "b"), 1, { signal });
      const c = yield* aio.gather(aio.sleep(0, "c"), { signal });
      return [a, b, c];
    });
    expect(r).toEqual(["a", "b", ["c"]]);
  });

  it("a bad signal is a TypeError at the call", () => {
    expect(() => aio.sleep(1, undefined, { signal: {} as never })).toThrow(TypeError);
    expect(() => aio.waitFor(aio.sleep(0), 1, { signal: 42 as never })).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------- for await

describe("asCompleted", () => {
  it("for await yields results in completion order (async task)", async () => {
    const r = await runAsync(async () => {
      const out: string[] = [];
      for await (const v of aio.asCompleted([aio.sleep(0.03, "slow"), aio.sleep(0.01, "fast"), aio.sleep(0.02, "mid")])) {
        out.push(v);
      }
      return out;
    });
    expect(r).toEqual(["fast", "mid", "slow"]);
  });

  it("the plain iterable form works with yield* in a generator task", async () => {
    const r = await runGen(function* () {
      const out: string[] = [];
      for (const c of aio.asCompleted([aio.sleep(0.03, "slow"), aio.sleep(0.01, "fast"), aio.sleep(0.02, "mid")])) {
        out.push(yield* c);
      }
      return out;
    });
    expect(r).toEqual(["fast", "mid", "slow"]);
  });

  it("for await over tasks and promises mixed", async () => {
    const r = await runAsync(async () => {
      const out: string[] = [];
      const t = aio.createTask(aio.sleep(0.02, "task"));
      for await (const v of aio.asCompleted<string>([t, foreignDelay(1, "promise"), aio.sleep(0.04, "sleep")])) {
        out.push(v);
      }
      return out;
    });
    expect(r).toEqual(["promise", "task", "sleep"]);
  });
});

// ---------------------------------------------------------------------------- AsyncLocalStorage

describe("AsyncLocalStorage context", () => {
  it("a generator task created inside als.run sees the store in every step", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: (string | undefined)[] = [];
    const t = als.run("gen-store", () =>
      loop.createTask(
        (function* () {
          seen.push(als.getStore());
          yield* aio.sleep(0);
          seen.push(als.getStore());
          yield* aio.sleep(0.001);
          seen.push(als.getStore());
          yield* aio.createTask(aio.sleep(0.001));
          seen.push(als.getStore());
          yield foreignDelay(1, null);
          seen.push(als.getStore());
          return als.getStore();
        })(),
      ),
    );
    expect(als.getStore()).toBeUndefined();
    const r = await loop.runUntilComplete(t);
    expect(r).toBe("gen-store");
    expect(seen).toEqual(["gen-store", "gen-store", "gen-store", "gen-store", "gen-store"]);
  });

  it("an async task created inside als.run sees the store, also after awaits", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: (string | undefined)[] = [];
    const t = als.run("async-store", () =>
      loop.createTask(
        aio.coroutine(async () => {
          seen.push(als.getStore());
          await aio.sleep(0);
          seen.push(als.getStore());
          await aio.sleep(0.001);
          seen.push(als.getStore());
          await aio.createTask(aio.sleep(0.001));
          seen.push(als.getStore());
          await foreignDelay(1, null);
          seen.push(als.getStore());
          return als.getStore();
        })(),
      ),
    );
    const r = await loop.runUntilComplete(t);
    expect(r).toBe("async-store");
    expect(seen).toEqual(["async-store", "async-store", "async-store", "async-store", "async-store"]);
  });

  it("a task created outside any als.run sees undefined, while another task has a store", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const body = (label: string) =>
      aio.coroutine(function* () {
        seen.push(`${label} ${als.getStore()}`);
        yield* aio.sleep(0);
        seen.push(`${label} ${als.getStore()}`);
      })();
    const withStore = als.run("S", () => loop.createTask(body("in")));
    const without = loop.createTask(body("out"));
    await loop.runUntilComplete(aio.gather(withStore, without));
    expect(seen).toEqual(["in S", "out undefined", "in S", "out undefined"]);
  });

  it("callSoon / callLater / callAt callbacks scheduled inside als.run see the store (outside the loop)", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    als.run("cb", () => {
      loop.callSoon(() => seen.push(`soon ${als.getStore()}`));
      loop.callLater(0.001, () => seen.push(`later ${als.getStore()}`));
      loop.callAt(loop.time() + 0.002, () => {
        seen.push(`at ${als.getStore()}`);
        loop.stop();
      });
    });
    loop.callSoon(() => seen.push(`plain ${als.getStore()}`));
    await loop.runForever();
    expect(seen).toEqual(["soon cb", "plain undefined", "later cb", "at cb"]);
  });

  it("callbacks scheduled inside als.run from a running task step inherit the step's context (documented); timers too", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const r = await loop.runUntilComplete(
      loop.createTask(
        (function* () {
          als.run("inner", () => {
            loop.callSoon(() => seen.push(`soon ${als.getStore()}`));
            loop.callLater(0.001, () => seen.push(`later ${als.getStore()}`));
          });
          loop.callSoon(() => seen.push(`plain ${als.getStore()}`));
          yield* aio.sleep(0.005);
          return als.getStore();
        })(),
      ),
    );
    expect(r).toBeUndefined();
    // Inside a running callback, callSoon/callLater capture the running callback's context (no
    // AsyncResource per callback); tasks capture the exact context (next test).
    expect(seen).toEqual(["soon undefined", "plain undefined", "later undefined"]);
  });

  it("a task created inside als.run from a running task sees that store", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      als.run("outer", () =>
        loop.createTask(
          aio.coroutine(function* () {
            const child = als.run("child", () =>
              aio.createTask(
                aio.coroutine(function* () {
                  const first = als.getStore();
                  yield* aio.sleep(0);
                  return [first, als.getStore()];
                })(),
              ),
            );
            const mine = als.getStore();
            const childSaw = yield* child;
            return [mine, ...childSaw];
          })(),
        ),
      ),
    );
    expect(r).toEqual(["outer", "child", "child"]);
  });

  it("done callbacks run in the context they were added in", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const fut = loop.createFuture<number>();
    als.run("A", () => fut.addDoneCallback(() => seen.push(`A ${als.getStore()}`)));
    als.run("B", () => fut.addDoneCallback(() => seen.push(`B ${als.getStore()}`)));
    loop.callSoon(() => fut.setResult(1));
    await loop.runUntilComplete(fut);
    await loop.runUntilComplete(aio.sleep(0));
    expect(seen).toEqual(["A A", "B B"]);
  });

  it("contextvars differences (README): callbacks from a generator step share its context; from an async function after an await they get a copy", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const seen: string[] = [];
    const scenario = (label: string) => {
      als.enterWith(`${label}-1`);
      loop.callSoon(() => seen.push(`${label} callback sees ${als.getStore()}`));
      const f = loop.createFuture<null>();
      f.addDoneCallback(() => seen.push(`${label} done callback sees ${als.getStore()}`));
      als.enterWith(`${label}-2`);
      f.setResult(null);
      loop.callSoon(() => als.enterWith(`${label}-set-by-callback`));
    };
    const gen = loop.createTask(
      aio.coroutine(function* () {
        scenario("gen");
        yield* aio.sleep(0);
        yield* aio.sleep(0);
        seen.push(`gen task sees ${als.getStore()}`);
      })(),
    );
    await loop.runUntilComplete(gen);
    const asyncTask = loop.createTask(
      aio.coroutine(async () => {
        await aio.sleep(0);
        scenario("async");
        await aio.sleep(0);
        await aio.sleep(0);
        seen.push(`async task sees ${als.getStore()}`);
      })(),
    );
    await loop.runUntilComplete(asyncTask);
    expect(seen).toEqual([
      // asyncio: gen-1, gen-1, gen-2
      "gen callback sees gen-2",
      "gen done callback sees gen-2",
      "gen task sees gen-set-by-callback",
      // as asyncio
      "async callback sees async-1",
      "async done callback sees async-1",
      "async task sees async-2",
    ]);
  });

  it("contextvars differences (README): an awaited async body's enterWith() is not seen by its awaiter; a generator body's is", async () => {
    const als = new AsyncLocalStorage<string>();
    const loop = freshLoop();
    const r = await loop.runUntilComplete(
      loop.createTask(
        aio.coroutine(function* () {
          const out: (string | undefined)[] = [];
          als.enterWith("task");
          yield* aio.timeout(5, function* () {
            als.enterWith("gen body");
            yield* aio.sleep(0);
          });
          out.push(als.getStore());
          yield* aio.timeout(5, async () => {
            als.enterWith("async body");
            await aio.sleep(0);
          });
          out.push(als.getStore());
          return out;
        })(),
      ),
    );
    // asyncio: ["gen body", "async body"]
    expect(r).toEqual(["gen body", "gen body"]);
  });
});

// ---------------------------------------------------------------------------- currentTask

describe("currentTask() in async functions", () => {
  it("is the right task after await aio.sleep(0) and after awaiting another task, with two tasks interleaving", async () => {
    const loop = freshLoop();
    const log: string[] = [];
    const body = aio.coroutine(async (label: string) => {
      const me = aio.currentTask();
      log.push(`${label} start ${me?.getName()}`);
      await aio.sleep(0);
      log.push(`${label} after sleep(0) ${aio.currentTask()?.getName()}`);
      const other = aio.createTask(aio.sleep(0.001, null), { name: `${label}-child` });
      await other;
      log.push(`${label} after task ${aio.currentTask()?.getName()}`);
      await aio.sleep(0.001);
      log.push(`${label} after sleep ${aio.currentTask()?.getName()}`);
      return aio.currentTask() === me;
    });
    const a = loop.createTask(body("a"), { name: "A" });
    const b = loop.createTask(body("b"), { name: "B" });
    const r = await loop.runUntilComplete(aio.gather(a, b));
    expect(r).toEqual([true, true]);
    expect(log.filter((l) => l.startsWith("a"))).toEqual([
      "a start A",
      "a after sleep(0) A",
      "a after task A",
      "a after sleep A",
    ]);
    expect(log.filter((l) => l.startsWith("b"))).toEqual([
      "b start B",
      "b after sleep(0) B",
      "b after task B",
      "b after sleep B",
    ]);
  });

  it("after awaiting a foreign promise: null by default (documented), the task with trackAsyncTasks(true)", async () => {
    const probe = async (): Promise<[boolean, boolean]> => {
      const loop = freshLoop();
      const t = loop.createTask(
        aio.coroutine(async () => {
          const me = aio.currentTask();
          await foreignDelay(1, null);
          const afterForeign = aio.currentTask();
          await aio.sleep(0);
          return [afterForeign === me, aio.currentTask() === me] as [boolean, boolean];
        })(),
      );
      return loop.runUntilComplete(t);
    };
    // Default: the task is detached from its function after the foreign await.
    expect(await probe()).toEqual([false, false]);
    aio.trackAsyncTasks(true);
    try {
      expect(await probe()).toEqual([true, true]);
    } finally {
      aio.trackAsyncTasks(false);
    }
  });

  it("with trackAsyncTasks(true), is null in loop callbacks a task scheduled, and their then() of the task waits for it", async () => {
    aio.trackAsyncTasks(true);
    try {
      const loop = freshLoop();
      const seen: string[] = [];
      const who = () => aio.currentTask()?.getName() ?? "none";
      const t = loop.createTask(
        aio.coroutine(async () => {
          const me = aio.currentTask()!;
          loop.callSoon(() => seen.push(`soon ${who()}`));
          loop.callLater(0, () => seen.push(`later ${who()}`));
          const f = loop.createFuture<number>();
          f.addDoneCallback(() => seen.push(`done ${who()}`));
          f.setResult(1);
          // A callback's then() of the task that scheduled it is no await of the task by itself.
          loop.callSoon(() => {
            me.then(
              (v) => seen.push(`then ${v}`),
              (e) => seen.push(`then failed ${String(e)}`),
            );
          });
          // An async function a callback starts belongs to no task either, also after an await.
          loop.callSoon(async () => {
            await aio.sleep(0);
            seen.push(`async callback ${who()}`);
            seen.push(`async callback awaited ${await me}`);
          });
          await foreignDelay(1, null);
          loop.callSoon(() => seen.push(`after foreign ${who()}`));
          await aio.sleep(0.002);
          seen.push(`task ${who()}`);
          return 5;
        })(),
        { name: "T" },
      );
      expect(await loop.runUntilComplete(t)).toBe(5);
      await loop.runUntilComplete(aio.sleep(0));
      // (sorted: a callLater(0) may run before or after ready callbacks, depending on timing)
      expect(seen.sort()).toEqual([
        "after foreign none",
        "async callback awaited 5",
        "async callback none",
        "done none",
        "later none",
        "soon none",
        "task T",
        "then 5",
      ]);
    } finally {
      aio.trackAsyncTasks(false);
    }
  });

  it("is null in plain code outside any task", () => {
    expect(aio.currentTask()).toBeNull();
  });
});

// ---------------------------------------------------------------------------- cancellation of async functions

describe("cancelling an async-function task", () => {
  it("while it awaits aio.sleep(10): CancelledError at the await; catching it and returning makes that the result", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(async () => {
          try {
            await aio.sleep(10);
            log.push("slept");
            return "slept";
          } catch (e) {
            log.push(`caught ${(e as Error).name}: ${(e as Error).message}`);
            return "recovered";
          }
        })(),
      );
      yield* aio.sleep(0.001);
      expect(t.cancel("enough")).toBe(true);
      const v = yield* t;
      return { v, log, cancelled: t.cancelled(), done: t.done() };
    });
    expect(r.v).toBe("recovered");
    expect(r.log).toEqual(["caught CancelledError: enough"]);
    expect(r.cancelled).toBe(false);
    expect(r.done).toBe(true);
  });

  it("a generator task awaiting an async-body coroutine with yield*: cancelling it throws CancelledError at the body's await", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      aio.getRunningLoop().callLater(0.5, () => log.push("marker"));
      const body = aio.coroutine(async () => {
        try {
          await aio.sleep(5);
          log.push("slept");
          return "slept";
        } catch (e) {
          log.push(`body caught ${(e as Error).name}`);
          return "recovered";
        }
      });
      const t = aio.createTask(
        aio.coroutine(function* () {
          return yield* body();
        })(),
      );
      yield* aio.sleep(0.001);
      t.cancel();
      const v = yield* t;
      return { v, log, cancelled: t.cancelled() };
    });
    expect(r.log).toEqual(["body caught CancelledError"]);
    expect(r.v).toBe("recovered");
    expect(r.cancelled).toBe(false);
  });

  it("timeout() with an async body: at the deadline the body's await throws CancelledError, then TimeoutError", async () => {
    for (const mainKind of ["generator", "async"] as const) {
      const log: string[] = [];
      const body = async () => {
        try {
          await aio.sleep(5);
          log.push("slept");
        } catch (e) {
          log.push(`body caught ${(e as Error).name}`);
          throw e;
        }
      };
      const loop = freshLoop();
      loop.callLater(0.5, () => log.push("marker"));
      const main =
        mainKind === "generator"
          ? loop.createTask(
              (function* () {
                try {
                  yield* aio.timeout(0.01, body);
                } catch (e) {
                  log.push(`timeout threw ${(e as Error).name}`);
                }
              })(),
            )
          : loop.createTask(
              aio.coroutine(async () => {
                try {
                  await aio.timeout(0.01, body);
                } catch (e) {
                  log.push(`timeout threw ${(e as Error).name}`);
                }
              })(),
            );
      await loop.runUntilComplete(main);
      expect([mainKind, ...log]).toEqual([mainKind, "body caught CancelledError", "timeout threw TimeoutError"]);
    }
  });

  it("uncaught, the task ends cancelled", async () => {
    const r = await runGen(function* () {
      const t = aio.createTask(
        aio.coroutine(async () => {
          await aio.sleep(10);
          return "slept";
        })(),
      );
      yield* aio.sleep(0.001);
      t.cancel();
      let name = "";
      try {
        yield* t;
      } catch (e) {
        name = (e as Error).name;
      }
      return [name, t.cancelled()];
    });
    expect(r).toEqual(["CancelledError", true]);
  });

  const cancelDuringForeign = () =>
    runGen(function* () {
      const log: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const t = aio.createTask(
        aio.coroutine(async () => {
          log.push("start");
          await gate; // a foreign promise: settled by Node code, not by the loop
          log.push("foreign done");
          try {
            await aio.sleep(0.001);
            log.push("not cancelled");
          } catch (e) {
            log.push(`caught ${(e as Error).name}`);
          }
          return "finished";
        })(),
      );
      yield* aio.sleep(0.001); // the task is now inside the foreign await
      t.cancel();
      log.push("cancel requested");
      setTimeout(release, 1);
      let v: unknown;
      try {
        v = yield* t;
      } catch (e) {
        v = (e as Error).name;
      }
      return { v, log, cancelled: t.cancelled() };
    });

  it("while it awaits a foreign promise, with trackAsyncTasks(true): the CancelledError arrives at its next aionode await", async () => {
    aio.trackAsyncTasks(true);
    try {
      const r = await cancelDuringForeign();
      expect(r.log).toEqual(["start", "cancel requested", "foreign done", "caught CancelledError"]);
      expect(r.v).toBe("finished");
      expect(r.cancelled).toBe(false);
    } finally {
      aio.trackAsyncTasks(false);
    }
  });

  it("awaiting aio.wrapFuture(promise) keeps the task attached: currentTask() stays right and cancel() lands at that await", async () => {
    const r = await runGen(function* () {
      const log: string[] = [];
      const t = aio.createTask(
        aio.coroutine(async () => {
          const me = aio.currentTask();
          await aio.wrapFuture(foreignDelay(1, null));
          log.push(`same task ${aio.currentTask() === me}`);
          try {
            await aio.wrapFuture(foreignDelay(50, null));
            log.push("not cancelled");
          } catch (e) {
            log.push(`caught ${(e as Error).name}`);
          }
          return "finished";
        })(),
      );
      while (log.length === 0) yield* aio.sleep(0.001);
      t.cancel();
      const v = yield* t;
      return { v, log, cancelled: t.cancelled() };
    });
    expect(r.log).toEqual(["same task true", "caught CancelledError"]);
    expect(r.v).toBe("finished");
    expect(r.cancelled).toBe(false);
  });

  it("while it awaits a foreign promise, by default (documented): its awaits run on and the task ends cancelled", async () => {
    const r = await cancelDuringForeign();
    expect(r.log).toEqual(["start", "cancel requested", "foreign done", "not cancelled"]);
    expect(r.v).toBe("CancelledError");
    expect(r.cancelled).toBe(true);
  });

  it("while it awaits a foreign promise and then returns without another await: the task ends cancelled", async () => {
    const r = await runGen(function* () {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const t = aio.createTask(
        aio.coroutine(async () => {
          await gate;
          return "finished";
        })(),
      );
      yield* aio.sleep(0.001);
      t.cancel();
      setTimeout(release, 1);
      let name = "";
      try {
        yield* t;
      } catch (e) {
        name = (e as Error).name;
      }
      return [name, t.cancelled()];
    });
    expect(r).toEqual(["CancelledError", true]);
  });
});

// ---------------------------------------------------------------------------- sleep(0) in async tasks

describe("await sleep(0) in async-function tasks", () => {
  it("yields one iteration each time; cancelling a task during it throws CancelledError there, and the others go on", async () => {
    const log = await runAsync(async () => {
      const out: string[] = [];
      const worker = aio.coroutine(async (name: string) => {
        for (let i = 0; i < 3; i++) {
          try {
            await aio.sleep(0);
          } catch (e) {
            out.push(`${name} ${(e as Error).name} at ${i}`);
            throw e;
          }
          out.push(`${name} ${i}`);
        }
        return name;
      });
      const a = aio.createTask(worker("a"));
      const b = aio.createTask(worker("b"));
      await aio.sleep(0); // both start and wait in their first sleep(0)
      b.cancel("stop b");
      const r = await aio.gather(a, b, { returnExceptions: true });
      out.push(`results ${String(r[0])} ${(r[1] as unknown as Error).name}`);
      await aio.sleep(0);
      out.push(`after ${(await aio.sleep(0, "v")) ?? "undefined"}`);
      return out;
    });
    expect(log).toEqual(["a 0", "b CancelledError at 0", "a 1", "a 2", "results a CancelledError", "after v"]);
  });
});

// ---------------------------------------------------------------------------- non-Error throws

describe("a coroutine that throws null or undefined fails (JavaScript can throw any value)", () => {
  const failing = (v: unknown) =>
    aio.coroutine(function* () {
      yield* aio.sleep(0);
      throw v;
    });

  for (const [label, v] of [
    ["null", null],
    ["undefined", undefined],
  ] as const) {
    it(`throw ${label}: gather, shield, wait(FIRST_EXCEPTION), TaskGroup and the task itself see a failure`, async () => {
      const seen = await runGen(function* () {
        const out: string[] = [];
        try {
          const r = yield* aio.gather(failing(v)(), aio.sleep(0.01, "ok"));
          out.push(`gather returned ${String(r)}`);
        } catch (e) {
          out.push(`gather threw ${String(e)}`);
        }
        const kept = yield* aio.gather(failing(v)(), aio.sleep(0, "ok"), { returnExceptions: true });
        out.push(`gather returnExceptions ${kept.length} ${String(kept[0])} ${String(kept[1])}`);
        try {
          const r = yield* aio.shield(failing(v)());
          out.push(`shield returned ${String(r)}`);
        } catch (e) {
          out.push(`shield threw ${String(e)}`);
        }
        const slow = aio.createTask(aio.sleep(0.05));
        const [done, pending] = yield* aio.wait([aio.createTask(failing(v)()), slow], {
          returnWhen: aio.FIRST_EXCEPTION,
        });
        out.push(`wait done ${done.size} pending ${pending.size}`);
        slow.cancel();
        try {
          yield* aio.taskGroup(function* (tg) {
            tg.createTask(failing(v)());
            tg.createTask(aio.sleep(0.05));
          });
          out.push("taskGroup returned");
        } catch (e) {
          out.push(`taskGroup threw ${(e as aio.ExceptionGroup).errors.map(String).join(",")}`);
        }
        const t = aio.createTask(failing(v)());
        try {
          yield* t;
          out.push("task returned");
        } catch (e) {
          out.push(`task threw ${String(e)}`);
        }
        return out;
      });
      expect(seen).toEqual([
        `gather threw ${label}`,
        `gather returnExceptions 2 ${label} ok`,
        `shield threw ${label}`,
        "wait done 1 pending 1",
        `taskGroup threw ${label}`,
        `task threw ${label}`,
      ]);
    });
  }

  it("run(): a task that throws null when cancelled at shutdown is reported, not dropped", async () => {
    const reports: unknown[][] = [];
    await aio.run(function* () {
      aio.getRunningLoop().setExceptionHandler((_loop, ctx) => reports.push([ctx.message, ctx.exception]));
      aio.createTask(
        aio.coroutine(function* () {
          try {
            yield* aio.sleep(10);
          } catch {
            throw null;
          }
        })(),
      );
      yield* aio.sleep(0);
    });
    expect(reports).toEqual([["unhandled exception during asyncio.run() shutdown", null]]);
  });
});
