/**
 * Synchronization primitives (API.md section 6): bad input (a clear error at the call, the loop
 * left usable), with() (the `async with` analogue: released on return, exception and
 * cancellation, from generator coroutines and async functions, with every kind of body), the
 * coroutine objects (lazy, typed, usable as tasks), ambient use, and invariants under random
 * cancellation. Ordering against CPython is in test/diff/lock_*.
 */
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import * as aio from "../src/index.js";
import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  CancelledError,
  Condition,
  Event,
  Lock,
  RuntimeError,
  Semaphore,
  type EventLoop,
} from "../src/index.js";
import { closeFreshLoops, freshLoop, runGenOn } from "./helpers/loops.js";

afterEach(() => {
  closeFreshLoops();
});

function runAsyncOn<T>(loop: EventLoop, body: () => Promise<T>): Promise<T> {
  return loop.runUntilComplete<T>(loop.createTask<T>(aio.coroutine(body)()));
}

/** What `fn` throws synchronously. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to throw, it returned");
}

function expectThrows(fn: () => unknown, cls: new (...a: any[]) => Error, msg: RegExp | string): void {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(cls);
  expect(e.name).toBe(cls.name);
  if (typeof msg === "string") expect(e.message).toBe(msg);
  else expect(e.message).toMatch(msg);
}

/** Inside a running loop: callbacks, timers and tasks still run, in order. */
function* loopStillWorks(): Generator<unknown, void, unknown> {
  const loop = aio.getRunningLoop();
  const log: string[] = [];
  loop.callSoon(() => log.push("soon"));
  loop.callLater(0.001, () => log.push("later"));
  const t = aio.createTask(
    (function* () {
      log.push("task");
      return yield* aio.sleep(0.003, "slept");
    })(),
  );
  expect(yield* t).toBe("slept");
  expect(log).toEqual(["soon", "task", "later"]);
}

const notFunctions: unknown[] = [42, "f", null, undefined, {}, Promise.resolve()];

// ---------------------------------------------------------------------------- bad input

describe("bad input: a clear error at the call, the loop intact", () => {
  it("Lock.release() on an unlocked lock: RuntimeError 'Lock is not acquired.'", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const lock = new Lock();
      expectThrows(() => lock.release(), RuntimeError, "Lock is not acquired.");
      yield* lock.acquire();
      lock.release();
      expectThrows(() => lock.release(), RuntimeError, "Lock is not acquired.");
      expect(lock.locked()).toBe(false);
      expect(yield* lock.acquire()).toBe(true);
      yield* loopStillWorks();
    });
  });

  it("Semaphore: a negative, NaN, fractional or non-number value", () => {
    expectThrows(() => new Semaphore(-1), RangeError, "Semaphore initial value must be >= 0");
    expectThrows(() => new Semaphore(NaN), RangeError, "Semaphore initial value must be >= 0");
    expectThrows(() => new Semaphore(1.5), RangeError, /integer/);
    expectThrows(() => new Semaphore(Infinity), RangeError, /integer/);
    expectThrows(() => new Semaphore("2" as never), TypeError, /Semaphore\(\): value must be a number, got/);
    expectThrows(() => new BoundedSemaphore(-3), RangeError, "Semaphore initial value must be >= 0");
    expect(new Semaphore(0).locked()).toBe(true);
    expect(new Semaphore().locked()).toBe(false);
  });

  it("BoundedSemaphore over-released: RangeError, counter unchanged", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const sem = new BoundedSemaphore(2);
      expectThrows(() => sem.release(), RangeError, "BoundedSemaphore released too many times");
      expect(String(sem)).toBe("<BoundedSemaphore [unlocked, value:2]>");
      yield* sem.acquire();
      sem.release();
      expectThrows(() => sem.release(), RangeError, "BoundedSemaphore released too many times");
      yield* sem.acquire();
      yield* sem.acquire();
      expect(sem.locked()).toBe(true);
      sem.release();
      sem.release();
      expect(String(sem)).toBe("<BoundedSemaphore [unlocked, value:2]>");
      yield* loopStillWorks();
    });
  });

  it("Barrier: parties < 1, fractional or not a number", () => {
    expectThrows(() => new Barrier(0), RangeError, "parties must be > 0");
    expectThrows(() => new Barrier(-4), RangeError, "parties must be > 0");
    expectThrows(() => new Barrier(NaN), RangeError, "parties must be > 0");
    expectThrows(() => new Barrier(2.5), RangeError, /integer/);
    expectThrows(() => new Barrier(undefined as never), TypeError, /Barrier\(\): parties must be a number/);
    expectThrows(() => new Barrier("3" as never), TypeError, /Barrier\(\): parties must be a number/);
    const b = new Barrier(3);
    expect([b.parties, b.nWaiting, b.broken]).toEqual([3, 0, false]);
  });

  it("Condition given something that is not a Lock: TypeError", () => {
    for (const bad of [{}, 42, "lock", new Semaphore(), new Event(), { locked() {}, acquire() {}, release() {} }]) {
      expectThrows(() => new Condition(bad as never), TypeError, /Condition\(\): lock must be an aionode Lock, got/);
    }
    const lock = new Lock();
    expect(new Condition(lock).locked()).toBe(false);
    expect(new Condition(null).locked()).toBe(false);
    expect(new Condition().locked()).toBe(false);
  });

  it("Condition.notify(): without the lock RuntimeError; NaN RangeError; non-number TypeError", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const cond = new Condition();
      expectThrows(() => cond.notify(), RuntimeError, "cannot notify on un-acquired lock");
      expectThrows(() => cond.notifyAll(), RuntimeError, "cannot notify on un-acquired lock");
      yield* cond.acquire();
      expectThrows(() => cond.notify(NaN), RangeError, /NaN/);
      expectThrows(() => cond.notify("2" as never), TypeError, /n must be a number/);
      cond.notify(Infinity); // wakes everyone there is: nobody
      cond.release();
      yield* loopStillWorks();
    });
  });

  it("Condition.wait() without the lock: RuntimeError when awaited (as asyncio), lock untouched", async () => {
    const loop = freshLoop();
    await runAsyncOn(loop, async () => {
      const cond = new Condition();
      await expect(async () => await cond.wait()).rejects.toThrow(RuntimeError);
      await expect(async () => await cond.waitFor(() => false)).rejects.toThrow("cannot wait on un-acquired lock");
      expect(cond.locked()).toBe(false);
      // A predicate already true does not need the lock.
      expect(await cond.waitFor(() => "ok")).toBe("ok");
    });
    await runGenOn(loop, function* () {
      const cond = new Condition();
      let err: unknown;
      try {
        yield* cond.wait();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RuntimeError);
      expect(cond.locked()).toBe(false);
      yield* loopStillWorks();
    });
  });

  it("waitFor() and with() check their function argument at the call", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const cond = new Condition();
      for (const bad of notFunctions) {
        expectThrows(() => cond.waitFor(bad as never), TypeError, /Condition\.waitFor\(\): the predicate must be a function, got/);
      }
      const prims = [new Lock(), new Condition(), new Semaphore(), new BoundedSemaphore(), new Barrier(1)];
      for (const p of prims) {
        for (const bad of notFunctions) {
          expectThrows(() => p.with(bad as never), TypeError, /\.with\(\): the body must be/);
        }
      }
      expect(prims.map((p) => (p instanceof Barrier ? p.nWaiting : p.locked()))).toEqual([false, false, false, false, 0]);
      yield* loopStillWorks();
    });
  });

  it("a coroutine of acquire()/wait()/with() cannot be awaited twice", async () => {
    const loop = freshLoop();
    await runAsyncOn(loop, async () => {
      const lock = new Lock();
      const acq = lock.acquire();
      expect(await acq).toBe(true);
      await expect(async () => await acq).rejects.toThrow("cannot reuse already awaited coroutine");
      lock.release();
      const w = lock.with(() => 1);
      expect(await w).toBe(1);
      await expect(async () => await w).rejects.toThrow(RuntimeError);
      const ev = new Event();
      ev.set();
      const ew = ev.wait();
      await ew;
      expect(() => [...(ew as unknown as Iterable<unknown>)]).toThrow("cannot reuse already awaited coroutine");
      expect(lock.locked()).toBe(false);
    });
  });

  it("waiting from another loop: RuntimeError at the call, primitive and loops usable", async () => {
    const lock = new Lock();
    const loop1 = freshLoop();
    await runGenOn(loop1, function* () {
      yield* lock.acquire();
      const t = aio.createTask(lock.acquire());
      yield* aio.sleep(0);
      lock.release();
      yield* t; // bound to loop1, and held
    });
    const loop2 = freshLoop();
    await runGenOn(loop2, function* () {
      let err: unknown;
      try {
        yield* lock.acquire();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RuntimeError);
      expect((err as Error).message).toBe("<Lock [locked]> is bound to a different event loop");
      expect(String(lock)).toBe("<Lock [locked]>");
      lock.release();
      expect(yield* lock.acquire()).toBe(true); // the fast path works anywhere
      lock.release();
      yield* loopStillWorks();
    });
    // The same from an async function: the await rejects.
    const ev = new Event();
    await runAsyncOn(loop1, async () => {
      const t = aio.createTask(ev.wait());
      await aio.sleep(0);
      ev.set();
      await t;
    });
    ev.clear();
    await runAsyncOn(loop2, async () => {
      await expect(async () => await ev.wait()).rejects.toThrow("<Event [unset]> is bound to a different event loop");
      ev.set();
      expect(await ev.wait()).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------- with()

/** Every primitive with a with() that holds something, and how to tell it is held. */
function holders(): { name: string; prim: Lock | Condition | Semaphore; held: () => boolean }[] {
  const lock = new Lock();
  const cond = new Condition();
  const sem = new Semaphore(1);
  const bsem = new BoundedSemaphore(1);
  return [
    { name: "Lock", prim: lock, held: () => lock.locked() },
    { name: "Condition", prim: cond, held: () => cond.locked() },
    { name: "Semaphore", prim: sem, held: () => sem.locked() },
    { name: "BoundedSemaphore", prim: bsem, held: () => bsem.locked() },
  ];
}

class BodyError extends Error {
  constructor() {
    super("body failed");
    this.name = "BodyError";
  }
}

describe("with(): the body runs holding the primitive, which is released in all cases", () => {
  it("generator, async and plain-function bodies, from yield* and from await", async () => {
    const loop = freshLoop();
    for (const { name, prim, held } of holders()) {
      const seen: unknown[] = [];
      const results = await runGenOn(loop, function* () {
        const a = yield* prim.with(function* () {
          seen.push(held());
          yield* aio.sleep(0);
          return `${name}-gen`;
        });
        const b = yield* prim.with(async () => {
          seen.push(held());
          await aio.sleep(0);
          return 2;
        });
        const c = yield* prim.with(() => {
          seen.push(held());
          return aio.sleep(0, "future");
        });
        const d = yield* prim.with(() => {
          seen.push(held());
          return Promise.resolve("promise");
        });
        const e = yield* prim.with(() => "value");
        return [a, b, c, d, e, held()];
      });
      expect(results).toEqual([`${name}-gen`, 2, "future", "promise", "value", false]);
      const results2 = await runAsyncOn(loop, async () => {
        const a = await prim.with(function* () {
          seen.push(held());
          yield* aio.sleep(0);
          return "gen";
        });
        const b = await prim.with(async () => {
          seen.push(held());
          await aio.sleep(0);
          return 2;
        });
        const c = await prim.with(() => {
          seen.push(held());
          return aio.sleep(0, "future");
        });
        return [a, b, c, held()];
      });
      expect(results2).toEqual(["gen", 2, "future", false]);
      expect(seen).toEqual(Array(7).fill(true));
    }
  });

  it("an exception in the body releases and propagates (both coroutine kinds)", async () => {
    const loop = freshLoop();
    for (const { prim, held } of holders()) {
      await runGenOn(loop, function* () {
        let err: unknown;
        try {
          yield* prim.with(function* () {
            yield* aio.sleep(0);
            throw new BodyError();
          });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(BodyError);
        expect(held()).toBe(false);
        try {
          yield* prim.with(async () => {
            throw new BodyError();
          });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(BodyError);
        expect(held()).toBe(false);
        try {
          yield* prim.with(() => {
            throw new BodyError(); // a plain function throwing synchronously
          });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(BodyError);
        expect(held()).toBe(false);
      });
      await runAsyncOn(loop, async () => {
        await expect(
          async () =>
            await prim.with(async () => {
              await aio.sleep(0);
              throw new BodyError();
            }),
        ).rejects.toThrow(BodyError);
        expect(held()).toBe(false);
        await expect(
          async () =>
            await prim.with(function* () {
              yield* aio.sleep(0);
              throw new BodyError();
            }),
        ).rejects.toThrow(BodyError);
        expect(held()).toBe(false);
      });
    }
  });

  it("cancellation inside the body releases; the task ends cancelled (both kinds)", async () => {
    const loop = freshLoop();
    for (const { prim, held } of holders()) {
      await runGenOn(loop, function* () {
        const gate = aio.getRunningLoop().createFuture<void>();
        const log: string[] = [];
        const gen = aio.createTask(
          prim.with(function* () {
            log.push("gen in");
            try {
              yield* gate;
            } finally {
              log.push(`gen finally held=${held()}`);
            }
          }),
        );
        yield* aio.sleep(0);
        expect(held()).toBe(true);
        gen.cancel("stop");
        const [r1] = yield* aio.gather(gen, { returnExceptions: true });
        expect(r1).toBeInstanceOf(CancelledError);
        expect(gen.cancelled()).toBe(true);
        expect(held()).toBe(false);

        const gate2 = aio.getRunningLoop().createFuture<void>(); // cancelling gen cancelled `gate`
        const asy = aio.createTask(
          aio.coroutine(async () => {
            await prim.with(async () => {
              log.push("async in");
              try {
                await gate2;
              } finally {
                log.push(`async finally held=${held()}`);
              }
            });
          })(),
        );
        yield* aio.sleep(0);
        expect(held()).toBe(true);
        asy.cancel();
        const [r2] = yield* aio.gather(asy, { returnExceptions: true });
        expect(r2).toBeInstanceOf(CancelledError);
        expect(asy.cancelled()).toBe(true);
        expect(held()).toBe(false);
        expect(log).toEqual(["gen in", "gen finally held=true", "async in", "async finally held=true"]);
      });
    }
  });

  it("cancelled while waiting to enter: the body never runs and the holder keeps it", async () => {
    const loop = freshLoop();
    for (const { prim, held } of holders()) {
      await runGenOn(loop, function* () {
        yield* prim.acquire();
        let ran = 0;
        const g = aio.createTask(prim.with(() => ran++));
        const a = aio.createTask(aio.coroutine(async () => prim.with(() => ran++))());
        yield* aio.sleep(0);
        g.cancel();
        a.cancel();
        const res = yield* aio.gather(g, a, { returnExceptions: true });
        expect(res.map((x: unknown) => x instanceof CancelledError)).toEqual([true, true]);
        expect(ran).toBe(0);
        expect(held()).toBe(true);
        prim.release();
        expect(held()).toBe(false);
        expect(yield* prim.with(() => ran)).toBe(0);
      });
    }
  });

  it("Barrier.with passes the index; bodies of both kinds", async () => {
    const loop = freshLoop();
    const b = new Barrier(3);
    const res = await runGenOn(loop, function* () {
      return yield* aio.gather(
        b.with(function* (i) {
          yield* aio.sleep(0);
          return `g${i}`;
        }),
        b.with(async (i) => `a${i}`),
        aio.coroutine(async () => b.with((i) => `p${i}`))(),
      );
    });
    expect(res).toEqual(["g0", "a1", "p2"]);
    expect(String(b)).toBe("<Barrier [filling, waiters:0/3]>");
  });
});

// ---------------------------------------------------------------------------- coroutine objects

describe("coroutine objects", () => {
  it("are lazy, typed for yield*, and work as tasks and in gather", async () => {
    const loop = freshLoop();
    const lock = new Lock();
    const acq = lock.acquire();
    expect(aio.isCoroutine(acq)).toBe(true);
    expect(String(acq)).toBe("<coroutine Lock.acquire()>");
    expect(lock.locked()).toBe(false); // nothing ran
    const out = await runGenOn(loop, function* () {
      const a = yield* acq;
      expectTypeOf(a).toEqualTypeOf<true>();
      lock.release();
      const ev = new Event();
      const sem = new Semaphore(2);
      const cond = new Condition();
      const bar = new Barrier(2);
      const [t1, t2, i1, i2] = yield* aio.gather(
        aio.createTask(ev.wait()),
        sem.acquire(),
        bar.wait(),
        bar.wait(),
        aio.createTask(
          (function* () {
            yield* aio.sleep(0);
            ev.set();
          })(),
        ),
      );
      expectTypeOf(i1).toEqualTypeOf<number>();
      const n = yield* cond.with(function* () {
        return yield* cond.waitFor(() => 7);
      });
      expectTypeOf(n).toEqualTypeOf<number>();
      const s = yield* lock.with(async () => "s");
      expectTypeOf(s).toEqualTypeOf<string>();
      const w = yield* cond.with(function* () {
        aio.createTask(cond.with(() => cond.notify()));
        return yield* cond.wait();
      });
      expectTypeOf(w).toEqualTypeOf<true>();
      return [t1, t2, i1 + i2, n, s, w, String(sem)];
    });
    expect(out).toEqual([true, true, 1, 7, "s", true, "<Semaphore [unlocked, value:1]>"]);
  });

  it("a bare `yield lock.acquire()` and then() chains work too", async () => {
    const loop = freshLoop();
    const lock = new Lock();
    const got = await runGenOn(loop, function* () {
      const v = (yield lock.acquire()) as boolean;
      const t = aio.createTask(lock.acquire());
      yield* aio.sleep(0);
      lock.release();
      yield* t;
      return [v, lock.locked()];
    });
    expect(got).toEqual([true, true]);
    const chained = await runAsyncOn(loop, async () => {
      lock.release();
      return lock.acquire().then((v) => `then:${v}`);
    });
    expect(chained).toBe("then:true");
  });

  it("closing a suspended acquire (iterator return()) gives up its place and any unit it was handed", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const sem = new Semaphore(0);
      const it1 = sem.acquire()[Symbol.iterator]();
      const first = it1.next();
      expect(first.done).toBe(false);
      expect(aio.isFuture(first.value)).toBe(true);
      expect(String(sem)).toBe("<Semaphore [locked, waiters:1]>");
      it1.return!(undefined); // still pending: just leaves the queue
      expect(String(sem)).toBe("<Semaphore [locked]>");
      const it2 = sem.acquire()[Symbol.iterator]();
      it2.next();
      const t = aio.createTask(sem.acquire());
      yield* aio.sleep(0);
      sem.release(); // hands the unit to it2's waiter
      it2.return!(undefined); // ...which gives it back to the next waiter
      expect(yield* t).toBe(true);
      expect(String(sem)).toBe("<Semaphore [locked]>");
      sem.release();
      expect(String(sem)).toBe("<Semaphore [unlocked, value:1]>");

      const lock = new Lock();
      yield* lock.acquire();
      const it3 = lock.acquire()[Symbol.iterator]();
      it3.next();
      const t2 = aio.createTask(lock.acquire());
      yield* aio.sleep(0);
      lock.release(); // wakes it3's waiter
      it3.return!(undefined); // ...which passes the wake-up on
      expect(yield* t2).toBe(true);
      expect(String(lock)).toBe("<Lock [locked]>");
    });
  });

  it("repr of every primitive", async () => {
    const loop = freshLoop();
    await runGenOn(loop, function* () {
      const lock = new Lock();
      const ev = new Event();
      const cond = new Condition(lock);
      const sem = new Semaphore(2);
      const b = new Barrier(2);
      expect([lock, ev, cond, sem, b].map(String)).toEqual([
        "<Lock [unlocked]>",
        "<Event [unset]>",
        "<Condition [unlocked]>",
        "<Semaphore [unlocked, value:2]>",
        "<Barrier [filling, waiters:0/2]>",
      ]);
      yield* lock.acquire();
      const t = aio.createTask(lock.acquire());
      const e = aio.createTask(ev.wait());
      const bw = aio.createTask(b.wait());
      yield* aio.sleep(0);
      expect([lock, ev, cond, b].map(String)).toEqual([
        "<Lock [locked, waiters:1]>",
        "<Event [unset, waiters:1]>",
        "<Condition [locked]>",
        "<Barrier [filling, waiters:1/2]>",
      ]);
      ev.set();
      lock.release();
      yield* b.abort();
      yield* aio.gather(t, e, bw, { returnExceptions: true });
      expect(bw.exception()).toBeInstanceOf(BrokenBarrierError);
      expect([lock, ev, b].map(String)).toEqual(["<Lock [locked]>", "<Event [set]>", "<Barrier [broken]>"]);
    });
  });
});

// ---------------------------------------------------------------------------- ambient mode

describe("ambient mode: from plain Node code with no loop running", () => {
  it("Lock, Event and with() work with plain awaits", async () => {
    const lock = new Lock();
    const ev = new Event();
    const order: string[] = [];
    const a = lock.with(async () => {
      order.push("a in");
      await aio.sleep(0.002);
      order.push("a out");
    });
    const b = (async () => {
      await ev.wait();
      await lock.with(async () => {
        order.push("b in");
      });
    })();
    const pa = Promise.resolve(a);
    await aio.sleep(0);
    ev.set();
    await Promise.all([pa, b]);
    expect(order).toEqual(["a in", "a out", "b in"]);
    expect(lock.locked()).toBe(false);
  });
});

// ---------------------------------------------------------------------------- invariants

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("invariants under random cancellation", () => {
  for (const kind of ["generator", "async"] as const) {
    it(`Lock: never two holders, no lost wake-up, FIFO among survivors (${kind})`, async () => {
      const loop = freshLoop();
      const rand = rng(kind === "generator" ? 1 : 2);
      const lock = new Lock();
      let holders = 0;
      let maxHolders = 0;
      const order: number[] = [];
      const body = (i: number) => {
        holders++;
        maxHolders = Math.max(maxHolders, holders);
        order.push(i);
      };
      const worker =
        kind === "generator"
          ? aio.coroutine(function* (i: number) {
              yield* lock.with(function* () {
                body(i);
                try {
                  yield* aio.sleep(0);
                } finally {
                  holders--;
                }
              });
            })
          : aio.coroutine(async (i: number) => {
              await lock.with(async () => {
                body(i);
                try {
                  await aio.sleep(0);
                } finally {
                  holders--;
                }
              });
            });
      const result = await runGenOn(loop, function* () {
        const tasks = Array.from({ length: 60 }, (_, i) => aio.createTask(worker(i)));
        for (let round = 0; round < 40; round++) {
          for (const t of tasks) if (!t.done() && rand() < 0.05) t.cancel();
          yield* aio.sleep(0);
        }
        yield* aio.gather(...tasks, { returnExceptions: true });
        return tasks.map((t) => t.cancelled());
      });
      expect(maxHolders).toBe(1);
      expect(holders).toBe(0);
      expect(lock.locked()).toBe(false);
      expect(String(lock)).toBe("<Lock [unlocked]>");
      // Survivors entered in creation order; every task either entered or was cancelled.
      expect(order).toEqual([...order].sort((x, y) => x - y));
      for (let i = 0; i < result.length; i++) if (!result[i]) expect(order).toContain(i);
    });

    it(`Semaphore: at most N inside, value restored (${kind})`, async () => {
      const loop = freshLoop();
      const rand = rng(kind === "generator" ? 3 : 4);
      const sem = new BoundedSemaphore(3);
      let inside = 0;
      let peak = 0;
      const worker =
        kind === "generator"
          ? aio.coroutine(function* () {
              yield* sem.with(function* () {
                peak = Math.max(peak, ++inside);
                try {
                  yield* aio.sleep(0);
                  yield* aio.sleep(0);
                } finally {
                  inside--;
                }
              });
            })
          : aio.coroutine(async () => {
              await sem.with(async () => {
                peak = Math.max(peak, ++inside);
                try {
                  await aio.sleep(0);
                  await aio.sleep(0);
                } finally {
                  inside--;
                }
              });
            });
      await runGenOn(loop, function* () {
        const tasks = Array.from({ length: 80 }, () => aio.createTask(worker()));
        for (let round = 0; round < 50; round++) {
          for (const t of tasks) if (!t.done() && rand() < 0.04) t.cancel();
          if (rand() < 0.3) yield* aio.sleep(0);
          yield* aio.sleep(0);
        }
        yield* aio.gather(...tasks, { returnExceptions: true });
      });
      expect(peak).toBe(3);
      expect(inside).toBe(0);
      expect(String(sem)).toBe("<BoundedSemaphore [unlocked, value:3]>");
    });
  }

  it("Condition: cancelled waiters always come back holding the lock", async () => {
    const loop = freshLoop();
    const rand = rng(5);
    const cond = new Condition();
    let violations = 0;
    const waiter = aio.coroutine(function* () {
      yield* cond.acquire();
      try {
        for (;;) yield* cond.wait();
      } finally {
        if (!cond.locked()) violations++;
        cond.release();
      }
    });
    await runGenOn(loop, function* () {
      const tasks = Array.from({ length: 30 }, () => aio.createTask(waiter()));
      for (let round = 0; round < 60; round++) {
        if (rand() < 0.5) {
          yield* cond.with(function* () {
            cond.notify(Math.floor(rand() * 4));
          });
        }
        for (const t of tasks) if (!t.done() && rand() < 0.05) t.cancel();
        yield* aio.sleep(0);
      }
      for (const t of tasks) t.cancel();
      yield* aio.gather(...tasks, { returnExceptions: true });
      expect(tasks.every((t) => t.cancelled())).toBe(true);
    });
    expect(violations).toBe(0);
    expect(String(cond)).toBe("<Condition [unlocked]>");
  });
});
