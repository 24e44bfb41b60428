/**
 * EventLoop options: spinWindow (the js backend's final approach to a timer's deadline) and
 * yieldInterval, with their validation. Order and "never early" are asserted, never latency.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import * as aio from "../src/index.js";

describe("spinWindow", () => {
  it("timers still fire in deadline order and never before their deadline", async () => {
    const loop = aio.newEventLoop({ spinWindow: 0.005 });
    const fired: [string, boolean][] = [];
    const done = loop.createFuture<void>();
    const at = (name: string, delay: number) => {
      const h = loop.callLater(delay, () => {
        fired.push([name, loop.time() >= h.when()]);
        if (fired.length === 4) done.setResult();
      });
    };
    at("c", 0.012);
    at("a", 0.002);
    at("d", 0.02);
    at("b", 0.0021);
    await loop.runUntilComplete(done);
    loop.close();
    expect(fired).toEqual([
      ["a", true],
      ["b", true],
      ["c", true],
      ["d", true],
    ]);
  });

  it("a loop that spins towards a timer still runs its other callbacks in order", async () => {
    const loop = aio.newEventLoop({ spinWindow: 0.01 });
    const log: string[] = [];
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        loop.callLater(0.003, () => log.push("timer"));
        loop.callSoon(() => log.push("soon"));
        yield* aio.sleep(0.006);
        log.push("slept");
      })(),
    );
    loop.close();
    expect(log).toEqual(["soon", "timer", "slept"]);
  });

  it("rejects negative, NaN and infinite windows at construction", () => {
    for (const bad of [-1, Number.NaN, Infinity, "1" as unknown as number]) {
      expect(() => aio.newEventLoop({ spinWindow: bad })).toThrow(RangeError);
    }
  });
});

describe("yieldInterval", () => {
  it("a tiny interval still runs everything in FIFO order (the loop yields to Node in between)", async () => {
    const loop = aio.newEventLoop({ yieldInterval: 1e-6 });
    const seen: number[] = [];
    const progressSeenByNode: number[] = [];
    const tick = () => {
      progressSeenByNode.push(seen.length);
      if (seen.length < 5000) setImmediate(tick);
    };
    setImmediate(tick);
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        for (let i = 0; i < 5000; i++) loop.callSoon(() => seen.push(i));
        yield* aio.sleep(0);
        yield* aio.sleep(0);
      })(),
    );
    loop.close();
    expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    // Node's own immediates ran while the loop was in the middle of those 5000 callbacks.
    expect(progressSeenByNode.some((n) => n > 0 && n < 5000)).toBe(true);
  });

  it("after a callback that overran the interval, timers due by then fire before Node's turn, once per batch", async () => {
    const loop = aio.newEventLoop({ yieldInterval: 0.002 });
    const log: string[] = [];
    const block = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        const done = loop.createFuture<void>();
        loop.callLater(0.001, () => {
          log.push("A");
          // A overruns the (extra) interval too, and C is due at once: the extra interval was
          // taken, so Node's turn (the immediate) comes first now.
          loop.callLater(0, () => {
            log.push("C");
            done.setResult();
          });
          block(10);
        });
        setImmediate(() => log.push("immediate"));
        block(10); // this step overruns the 2 ms interval by far; A comes due meanwhile
        yield* done;
      })(),
    );
    loop.close();
    expect(log).toEqual(["A", "immediate", "C"]);
  });

  it("a callback that overran the interval by less than another interval: Node's turn comes first", async () => {
    const loop = aio.newEventLoop({ yieldInterval: 0.2 });
    const log: string[] = [];
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        const done = loop.createFuture<void>();
        loop.callLater(0, () => {
          log.push("timer");
          done.setResult();
        });
        setImmediate(() => log.push("immediate"));
        const end = performance.now() + 250; // past the 200 ms interval, far from 400 ms
        while (performance.now() < end);
        yield* done;
      })(),
    );
    loop.close();
    expect(log).toEqual(["immediate", "timer"]);
  });

  it("rejects zero, negative and NaN intervals", () => {
    for (const bad of [0, -0.001, Number.NaN]) expect(() => aio.newEventLoop({ yieldInterval: bad })).toThrow(RangeError);
  });
});

describe("timers that come due together (asyncio's order: one ready-queue entry per advance)", () => {
  /** Run `body` on a fresh loop (debug on or off) until the future it returns is done. */
  async function onLoop(debug: boolean, body: (loop: aio.EventLoop) => aio.Future<unknown>): Promise<void> {
    const loop = aio.newEventLoop({ debug });
    loop.slowCallbackDuration = 10;
    try {
      await loop.runUntilComplete(body(loop));
    } finally {
      loop.close();
    }
  }
  const block = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  for (const debug of [false, true]) {
    const mode = debug ? "debug loop (an entry per timer)" : "default loop";
    it(`${mode}: a due timer cancelled by an earlier one does not run; timers scheduled meanwhile are not touched by that cancel`, async () => {
      const log: string[] = [];
      await onLoop(debug, (loop) => {
        const done = loop.createFuture<void>();
        let b: aio.TimerHandle;
        loop.callLater(0.002, () => {
          log.push("A");
          // New timers may take the slots A, B and C held in the timer core (freed when they
          // came due); cancelling B afterwards must not cancel any of them.
          for (const name of ["D", "E", "F"]) loop.callLater(0.003, () => log.push(name));
          b.cancel();
          expect(b.cancelled()).toBe(true);
          loop.callLater(0.01, () => done.setResult());
        });
        b = loop.callLater(0.002, () => log.push("B"));
        loop.callLater(0.002, () => log.push("C"));
        block(5); // all three are due when the loop looks
        return done;
      });
      expect(log).toEqual(["A", "C", "D", "E", "F"]);
    });

    it(`${mode}: due timers run in their own AsyncLocalStorage contexts, and callbacks they schedule inherit them`, async () => {
      const als = new AsyncLocalStorage<string>();
      const seen: string[] = [];
      await onLoop(debug, (loop) => {
        const done = loop.createFuture<void>();
        for (const store of ["x", "y", "y", "x"]) {
          als.run(store, () =>
            loop.callLater(0.001, () => {
              seen.push(`timer ${als.getStore()}`);
              loop.callSoon(() => seen.push(`soon ${als.getStore()}`));
            }),
          );
        }
        loop.callLater(0.005, () => done.setResult());
        block(3);
        return done;
      });
      expect(seen).toEqual(["timer x", "timer y", "timer y", "timer x", "soon x", "soon y", "soon y", "soon x"]);
    });

    it(`${mode}: a sleep whose timer came due is cancelled by an earlier timer: its task gets CancelledError, the other sleeper wakes`, async () => {
      const log: string[] = [];
      await onLoop(debug, (loop) => {
        let b: aio.Task<string>;
        loop.callLater(0.002, () => {
          log.push("cancel b");
          b.cancel("stop");
        });
        const a = loop.createTask(
          aio.coroutine(function* () {
            yield* aio.sleep(0.002);
            return "a woke";
          })(),
        );
        b = loop.createTask(
          aio.coroutine(function* () {
            try {
              yield* aio.sleep(0.002);
              return "b woke";
            } catch (e) {
              return `b: ${(e as Error).name} ${(e as Error).message}`;
            }
          })(),
        );
        return loop.createTask(
          aio.coroutine(function* () {
            yield* aio.sleep(0); // let both tasks start their sleeps
            block(5); // every timer is due when the loop looks
            log.push(yield* a, yield* b);
          })(),
        );
      });
      expect(log).toEqual(["cancel b", "a woke", "b: CancelledError stop"]);
    });

    it(`${mode}: timers get exactly their arguments (none, one, an array as one, several), also callAt; a throwing one is reported with them`, async () => {
      const got: unknown[][] = [];
      const errors: string[] = [];
      await onLoop(debug, (loop) => {
        loop.setExceptionHandler((_l, ctx) => errors.push(ctx.message));
        const done = loop.createFuture<void>();
        const rec = (...args: unknown[]) => got.push(args);
        loop.callLater(0.001, rec);
        loop.callLater(0.001, rec, undefined);
        loop.callLater(0.001, rec, [1, 2]);
        loop.callLater(0.001, rec, 1, "two", null);
        loop.callAt(loop.time() + 0.001, rec, "at");
        loop.callLater(0.001, function boom(_a: number, _b: string) {
          throw new Error("boom");
        }, 7, "x");
        loop.callLater(0.003, () => done.setResult());
        block(2);
        return done;
      });
      expect(got).toEqual([[], [undefined], [[1, 2]], [1, "two", null], ["at"]]);
      expect(got[1]!.length).toBe(1);
      expect(errors).toEqual(["Exception in callback boom(7, 'x')"]);
    });

    it(`${mode}: a due timer that throws is reported alone; the others still run`, async () => {
      const log: string[] = [];
      await onLoop(debug, (loop) => {
        loop.setExceptionHandler((_l, ctx) => log.push(`handler: ${(ctx.exception as Error).message}`));
        const done = loop.createFuture<void>();
        loop.callLater(0.001, () => log.push("1"));
        loop.callLater(0.001, () => {
          throw new Error("boom");
        });
        loop.callLater(0.001, () => log.push("3"));
        loop.callLater(0.004, () => done.setResult());
        block(3);
        return done;
      });
      expect(log).toEqual(["1", "handler: boom", "3"]);
    });
  }

  for (const debug of [false, true]) {
    it(`randomized (${debug ? "debug loop" : "default loop"}): timers scheduled and cancelled from timer callbacks fire once, in order, never early, never after a cancel`, async () => {
      for (const seed of [1, 2, 3]) {
        let x = seed;
        const rnd = () => {
          x = (Math.imul(1664525, x) + 1013904223) >>> 0;
          return x / 4294967296;
        };
        type T = { id: number; when: number; seq: number; handle: aio.TimerHandle; cancelledAt: number; firedAt: number };
        const timers: T[] = [];
        const fired: T[] = [];
        let seqNo = 0;
        let early = 0;
        await onLoop(debug, (loop) => {
          const done = loop.createFuture<void>();
          const t0 = loop.time();
          let live = 0;
          const add = (when: number) => {
            const t: T = { id: timers.length, when, seq: seqNo++, handle: null as never, cancelledAt: -1, firedAt: -1 };
            timers.push(t);
            live++;
            t.handle = loop.callAt(when, () => {
              if (loop.time() < t.when) early++;
              t.firedAt = fired.length;
              fired.push(t);
              live--;
              const r = rnd();
              if (r < 0.3) {
                // cancel a random pending or due-but-not-run timer
                const victim = timers[Math.floor(rnd() * timers.length)]!;
                if (victim.firedAt < 0 && victim.cancelledAt < 0) {
                  victim.handle.cancel();
                  victim.cancelledAt = fired.length;
                  live--;
                }
              }
              if (r > 0.5 && timers.length < 400) {
                // new timers may take freed ids; some are due at once, some share deadlines
                add(Math.max(t.when, loop.time()) + Math.floor(rnd() * 4) * 0.0005);
              }
              if (r > 0.9) block(2); // let several come due together
              if (live === 0) done.setResult();
            });
          };
          for (let i = 0; i < 200; i++) add(t0 + 0.001 + Math.floor(rnd() * 20) * 0.0005);
          block(3);
          return done;
        });
        expect(early).toBe(0);
        for (const t of timers) {
          // each timer either fired exactly once or was cancelled before it ran, never both
          expect((t.firedAt >= 0) !== (t.cancelledAt >= 0)).toBe(true);
          expect(fired.filter((f) => f === t).length).toBe(t.firedAt >= 0 ? 1 : 0);
        }
        for (let i = 1; i < fired.length; i++) {
          const a = fired[i - 1]!;
          const b = fired[i]!;
          // b fired right after a: b cannot have an earlier deadline unless it was scheduled
          // after a fired; equal deadlines keep scheduling order
          const bScheduledLater = b.seq > a.seq;
          if (b.when < a.when) expect(bScheduledLater).toBe(true);
          if (b.when === a.when) expect(bScheduledLater).toBe(true);
        }
      }
    });
  }

  it.each([
    ["asyncio's order", {}],
    ["timersFirst", { timersFirst: true }],
  ])("50,000 timers due at once still let Node in every yield interval, and all fire in order (%s)", async (_what, options) => {
    const fired: number[] = [];
    const seenByNode: number[] = [];
    const loop = aio.newEventLoop(options);
    try {
      await loop.runUntilComplete(((): aio.Future<void> => {
        const done = loop.createFuture<void>();
        const n = 50_000;
        const t0 = loop.time();
        for (let i = 0; i < n; i++) {
          // (far enough ahead that scheduling all of them ends first: a deadline that passes while
          // it is being scheduled is due at once, in scheduling order within its microsecond)
          loop.callAt(t0 + 0.1 + (i % 500) * 1e-6, () => {
            fired.push(i);
            if (fired.length === n) done.setResult();
          });
        }
        const tick = () => {
          seenByNode.push(fired.length);
          if (fired.length < n) setImmediate(tick);
        };
        setImmediate(tick);
        block(Math.max(0, (t0 + 0.101 - loop.time()) * 1000)); // until every one is due
        return done;
      })());
    } finally {
      loop.close();
    }
    expect(fired.length).toBe(50_000);
    // deadline order, scheduling order within a deadline
    const key = (i: number) => (i % 500) * 100_000 + i;
    let misordered = 0;
    for (let k = 1; k < fired.length; k++) if (!(key(fired[k]!) > key(fired[k - 1]!))) misordered++;
    expect(misordered).toBe(0);
    // Node's own immediates ran while the timers were firing
    expect(seenByNode.some((c) => c > 0 && c < 50_000)).toBe(true);
  });

  it("2,500 timers due at once (three advances) fire in deadline order, none early", async () => {
    const order: number[] = [];
    let early = 0;
    await onLoop(false, (loop) => {
      const done = loop.createFuture<void>();
      const n = 2500;
      const t0 = loop.time();
      for (let i = 0; i < n; i++) {
        const when = t0 + 0.001 + ((i * 7919) % n) * 2e-6; // distinct deadlines, scheduled out of order
        loop.callAt(when, () => {
          if (loop.time() < when) early++;
          order.push(when);
          if (order.length === n) done.setResult();
        });
      }
      block(10);
      return done;
    });
    expect(order.length).toBe(2500);
    expect(early).toBe(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("timer ordering guarantees beyond asyncio's", () => {
  it("any number of timers with the same deadline fire in the order they were scheduled", async () => {
    const loop = aio.newEventLoop();
    const when = loop.time() + 0.005;
    const fired: number[] = [];
    for (let i = 0; i < 50; i++) loop.callAt(when, () => fired.push(i));
    // interleave an earlier and a later deadline to make sure order is by (deadline, scheduling)
    loop.callAt(when - 0.001, () => fired.push(-1));
    loop.callAt(when + 0.001, () => fired.push(99));
    await loop.runUntilComplete(aio.sleep(0.02));
    loop.close();
    expect(fired).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i), 99]);
  });
});

describe("timersFirst", () => {
  const spin = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  /** A step schedules a timer, works past its deadline, then queues two callbacks. */
  async function dueTimerVersusQueued(options: aio.EventLoopOptions): Promise<string[]> {
    const loop = aio.newEventLoop(options);
    const log: string[] = [];
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        const t: aio.TimerHandle = loop.callLater(0.002, () => log.push(`timer on time ${loop.time() >= t.when()}`));
        spin(4);
        loop.callSoon(() => log.push("a"));
        loop.callSoon(() => log.push("b"));
        yield* aio.sleep(0.01);
      })(),
    );
    loop.close();
    return log;
  }

  it("default (asyncio's order): a due timer joins the ready queue behind what is already there", async () => {
    expect(await dueTimerVersusQueued({})).toEqual(["a", "b", "timer on time true"]);
  });

  it("timersFirst: a due timer runs ahead of callbacks already queued, never early", async () => {
    expect(await dueTimerVersusQueued({ timersFirst: true })).toEqual(["timer on time true", "a", "b"]);
  });

  it("timersFirst: a timer that comes due in the middle of an iteration runs before the rest of it", async () => {
    const loop = aio.newEventLoop({ timersFirst: true });
    const log: string[] = [];
    let due = 0;
    let firedAt = 0;
    loop.callSoon(() => {
      due = loop.callLater(0.003, () => {
        firedAt = loop.time();
        log.push("T");
      }).when();
      for (let i = 0; i < 5; i++)
        loop.callSoon(() => {
          spin(2);
          log.push(`c${i}`);
        });
    });
    loop.callLater(0.05, () => loop.stop());
    await loop.runForever();
    loop.close();
    const t = log.indexOf("T");
    // Five 2 ms callbacks were queued before the 3 ms timer came due: it ran after at least one
    // of them (never early) and before the last one (not left for the next iteration).
    expect(t).toBeGreaterThanOrEqual(1);
    expect(t).toBeLessThan(5);
    expect(firedAt).toBeGreaterThanOrEqual(due);
    expect(log.filter((x) => x !== "T")).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("timersFirst: an exception in a timer callback goes to the exception handler and the loop goes on", async () => {
    const loop = aio.newEventLoop({ timersFirst: true });
    const seen: string[] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push(`${ctx.message.split(" ")[0]} ${(ctx.exception as Error).message}`));
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        loop.callLater(0.001, () => {
          throw new Error("boom");
        });
        loop.callLater(0.002, () => seen.push("after"));
        yield* aio.sleep(0.01);
      })(),
    );
    loop.close();
    expect(seen).toEqual(["Exception boom", "after"]);
  });

  it("timersFirst: timers due together all run, on time, when the first schedules or cancels others", async () => {
    // The ids of timers that fire together are free again at once: a timer scheduled by the
    // first callback may take one of them over, and must neither replace the one still waiting
    // to run nor run early itself. A cancel from an earlier callback still holds.
    for (const cancelLast of [false, true]) {
      const loop = aio.newEventLoop({ timersFirst: true });
      const log: string[] = [];
      let late: aio.TimerHandle | null = null;
      let d: aio.TimerHandle | null = null;
      await loop.runUntilComplete(
        aio.coroutine(function* () {
          const when = loop.time() + 0.005;
          loop.callAt(when, () => {
            log.push("a");
            late = loop.callLater(0.5, () => log.push("late"));
            if (cancelLast) d!.cancel();
          });
          loop.callAt(when, () => log.push("b"));
          loop.callAt(when, () => log.push("c"));
          d = loop.callAt(when, () => log.push("d"));
          yield* aio.sleep(0.03);
        })(),
      );
      expect(log).toEqual(cancelLast ? ["a", "b", "c"] : ["a", "b", "c", "d"]);
      expect(late!.cancelled()).toBe(false);
      expect(d!.when()).toBeGreaterThan(0);
      late!.cancel();
      loop.close();
    }
  });

  it("rejects a non-boolean", () => {
    expect(() => aio.newEventLoop({ timersFirst: 1 as unknown as boolean })).toThrow(TypeError);
  });
});

describe("stop() from outside the loop", () => {
  it("ends a runForever() that is idle or waiting for a far timer, from a Node timer", async () => {
    for (const farTimer of [false, true]) {
      const loop = aio.newEventLoop();
      const log: string[] = [];
      if (farTimer) loop.callLater(3600, () => log.push("far"));
      loop.callSoon(() => log.push("ran"));
      setTimeout(() => loop.stop(), 20);
      await loop.runForever();
      expect(loop.isRunning()).toBe(false);
      expect(log).toEqual(["ran"]);
      loop.close();
    }
  });
});
