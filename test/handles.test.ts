/**
 * TimerHandle.when(): the exact deadline through a timer's whole life: pending, fired, cancelled
 * (its slot in the timer core taken over by later timers), and dropped by close().
 */
import { describe, expect, it } from "vitest";
import * as aio from "../src/index.js";

describe("TimerHandle.when()", () => {
  it("is the exact deadline while pending, after firing, after cancel and after the loop closed", async () => {
    const loop = aio.newEventLoop();
    const base = loop.time();
    // Deadlines that are not whole microseconds: when() must return them exactly.
    const deadlines = [base + 0.0031234567, base + 0.0012345678, base + 1000.123456789];
    const fired: number[] = [];
    const hs = deadlines.map((w, i) => loop.callAt(w, () => fired.push(i)));
    const cancelled = loop.callLater(0.002, () => fired.push(99));
    const cancelledWhen = cancelled.when();
    expect(cancelledWhen).toBeGreaterThanOrEqual(base + 0.002);
    expect(hs.map((h) => h.when())).toEqual(deadlines);
    cancelled.cancel();
    expect(cancelled.when()).toBe(cancelledWhen);
    // Timers scheduled after the cancel reuse its slot; the cancelled handle keeps its deadline.
    const reuse = Array.from({ length: 5 }, (_, k) => loop.callAt(base + 0.0005 + k * 1e-4, () => {}));
    expect(cancelled.when()).toBe(cancelledWhen);
    await loop.runUntilComplete(aio.sleep(0.01));
    expect(fired).toEqual([1, 0]);
    expect(hs.map((h) => h.when())).toEqual(deadlines);
    expect(reuse.map((h) => h.when())).toEqual(reuse.map((_, k) => base + 0.0005 + k * 1e-4));
    loop.close();
    // The far timer never fired: closing the loop dropped it, and it still knows its deadline.
    expect(hs[2]!.when()).toBe(deadlines[2]);
    expect(cancelled.when()).toBe(cancelledWhen);
  });

  it("many pending timers each keep their own deadline", () => {
    const loop = aio.newEventLoop();
    const base = loop.time();
    // Thousands pending at once (the timer core grows while they are), half of them cancelled.
    const hs = Array.from({ length: 5000 }, (_, i) => loop.callAt(base + 10 + i / 7, () => {}));
    hs.forEach((h, i) => expect(h.when()).toBe(base + 10 + i / 7));
    for (let i = 0; i < hs.length; i += 2) hs[i]!.cancel();
    hs.forEach((h, i) => expect(h.when()).toBe(base + 10 + i / 7));
    loop.close();
  });

  it("keeps every bit of deadlines far from the present, and the sign of zero", () => {
    // A handle holds its deadline as the double's two 32-bit halves (handles.ts): each of these
    // must come back bit for bit, repr included.
    const loop = aio.newEventLoop();
    const deadlines = [-0, 0, -5.5, 1e-300, -1e-300, 5e-324, 0.1 + 0.2, 2 ** 53 + 2, -(2 ** 40) - 0.25, 1e300, 123456.7890123];
    const hs = deadlines.map((w) => loop.callAt(w, () => {}));
    hs.forEach((h, i) => expect(Object.is(h.when(), deadlines[i])).toBe(true));
    expect(String(hs[6])).toMatch(/^<TimerHandle when=0\.30000000000000004 /);
    expect(String(hs[2])).toMatch(/^<TimerHandle when=-5\.5 /);
    hs.forEach((h) => h.cancel());
    hs.forEach((h, i) => expect(Object.is(h.when(), deadlines[i])).toBe(true));
    loop.close();
  });
});

describe("timer order at the edges of the clock", () => {
  it("equal deadlines keep scheduling order when the second is scheduled just after the deadline passed", async () => {
    // The second timer is scheduled within the microsecond in which the shared deadline passed
    // (nearly always: the busy-wait ends a few ns after it). It is due at the next iteration, and
    // must still fire after the first (a past deadline used to be moved to the current tick).
    const loop = aio.newEventLoop();
    const log: string[] = [];
    const done = loop.createFuture<void>();
    loop.callSoon(() => {
      for (let i = 0; i < 20; i++) {
        const w = loop.time() + 3e-6;
        loop.callAt(w, (k: number) => log.push(`a${k}`), i);
        while (loop.time() < w);
        loop.callAt(w, (k: number) => log.push(`b${k}`), i);
      }
      loop.callSoon(() => log.push("next iteration"));
      loop.callAt(loop.time(), () => done.setResult());
    });
    await loop.runUntilComplete(done);
    loop.close();
    const expected: string[] = [];
    for (let i = 0; i < 20; i++) expected.push(`a${i}`, `b${i}`);
    // asyncio: all of them were due at the next iteration, and run there, after the callback
    // queued before it.
    expect(log).toEqual(["next iteration", ...expected]);
  });

  it("deadlines before the clock's zero keep deadline order", async () => {
    // loop.time() counts from the process start, so early on these deadlines are negative.
    const loop = aio.newEventLoop();
    const log: string[] = [];
    const t = loop.time();
    loop.callAt(t - 2, () => log.push("t-2"));
    loop.callAt(t - 4, () => log.push("t-4"));
    loop.callAt(-1e6, () => log.push("-1e6"));
    loop.callAt(t - 3, () => log.push("t-3"));
    loop.callLater(-1, () => log.push("delay -1"));
    loop.callLater(-5, () => log.push("delay -5"));
    loop.callLater(0, () => log.push("delay 0"));
    await loop.runUntilComplete(aio.sleep(0.001));
    loop.close();
    expect(log).toEqual(["-1e6", "delay -5", "t-4", "t-3", "t-2", "delay -1", "delay 0"]);
  });
});

describe("reprs (as asyncio's)", () => {
  it("Future, Handle and TimerHandle", async () => {
    const loop = aio.newEventLoop();
    const f = loop.createFuture<unknown>();
    expect(String(f)).toBe("<Future pending>");
    function one() {}
    function two() {}
    f.addDoneCallback(one);
    expect(String(f)).toBe("<Future pending cb=[one()]>");
    f.addDoneCallback(two);
    expect(String(f)).toBe("<Future pending cb=[one(), two()]>");
    f.addDoneCallback(one);
    f.addDoneCallback(two);
    expect(String(f)).toBe("<Future pending cb=[one(), <2 more>, two()]>");
    f.removeDoneCallback(one);
    f.removeDoneCallback(two);
    f.setResult("it's");
    expect(String(f)).toBe(`<Future finished result="it's">`);
    const g = loop.createFuture<unknown>();
    g.setException(new TypeError(""));
    expect(String(g)).toBe("<Future finished exception=TypeError()>");
    g.exception();
    const c = loop.createFuture<unknown>();
    c.cancel();
    expect(String(c)).toBe("<Future cancelled>");
    // util.inspect (console.log) shows the repr, and so does a failing callback's message.
    const { inspect } = await import("node:util");
    expect(inspect(c)).toBe("<Future cancelled>");

    function cb(..._args: unknown[]) {}
    const h = loop.callSoon(cb);
    expect(String(h)).toBe("<Handle cb()>");
    h.cancel();
    expect(String(h)).toBe("<Handle cancelled>");
    const th = loop.callAt(1000000000.5, cb, 2, "x");
    expect(String(th)).toBe("<TimerHandle when=1000000000.5 cb(2, 'x')>");
    const th2 = loop.callAt(7, cb, 1, 2);
    expect(String(th2)).toBe("<TimerHandle when=7.0 cb(1, 2)>");
    th.cancel();
    expect(String(th)).toBe("<TimerHandle cancelled when=1000000000.5>");
    expect(inspect(th2)).toBe("<TimerHandle when=7.0 cb(1, 2)>");
    loop.close();
  });

  it("a failing done callback's message shows the future's repr", async () => {
    const loop = aio.newEventLoop();
    const messages: string[] = [];
    loop.setExceptionHandler((_l, ctx) => messages.push(ctx.message));
    const f = loop.createFuture<number>();
    f.addDoneCallback(function failing() {
      throw new Error("boom");
    });
    f.setResult(7);
    await loop.runUntilComplete(aio.sleep(0));
    loop.close();
    expect(messages).toEqual(["Exception in callback failing(<Future finished result=7>)"]);
  });
});

describe("Future.setException with an exception class", () => {
  it("instantiates Error itself as well as its subclasses", async () => {
    const loop = aio.newEventLoop();
    for (const cls of [Error, TypeError, aio.InvalidStateError]) {
      const f = loop.createFuture<void>();
      f.setException(cls);
      const e = f.exception();
      expect(e).toBeInstanceOf(cls);
      expect(() => f.result()).toThrow(cls);
    }
    loop.close();
  });
});

describe("debug mode: where a failing callback was scheduled", () => {
  it("the exception handler's context has sourceTraceback for callSoon, callLater and callAt", async () => {
    const loop = aio.newEventLoop();
    loop.setDebug(true);
    const seen: [string, string | undefined][] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push([ctx.message, ctx.sourceTraceback as string | undefined]));
    function boom(where: string) {
      throw new Error(where);
    }
    function scheduleFromHere() {
      loop.callSoon(boom, "callSoon");
      loop.callLater(0, boom, "callLater");
      loop.callAt(loop.time(), boom, "callAt");
      loop.callSoon(() => loop.callSoon(boom, "from a callback"));
      // A cancelled timer and a callback that ran fine leave nothing behind.
      loop.callLater(0, boom, "cancelled").cancel();
      loop.callSoon(() => {});
    }
    scheduleFromHere();
    await loop.runUntilComplete(aio.sleep(0.002));
    expect(seen.map(([m]) => m)).toEqual([
      "Exception in callback boom('callSoon')",
      "Exception in callback boom('callLater')",
      "Exception in callback boom('callAt')",
      "Exception in callback boom('from a callback')",
    ]);
    for (const [, src] of seen) expect(src).toMatch(/handles\.test\.ts/);
    expect(seen[0]![1]).toMatch(/scheduleFromHere/);
    expect(loop._sources!.size).toBe(0);
    loop.close();
  });
});

describe("timers further away than setTimeout's limit (2^31 - 1 ms, about 24.8 days)", () => {
  it("neither warn nor wake the idle loop every millisecond", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    const loop = aio.newEventLoop();
    let wakes = 0;
    const internals = loop as unknown as { _driverWake(): void };
    const wake = internals._driverWake;
    internals._driverWake = function (this: unknown) {
      wakes++;
      wake.call(this);
    };
    try {
      const far = [loop.callLater(30 * 86400, () => {}), loop.callAt(Infinity, () => {})];
      // The loop sleeps 60 ms of Node time with only the far timers pending.
      await loop.runUntilComplete(aio.wrapFuture(new Promise((r) => setTimeout(r, 60)), loop));
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
      expect(warnings).toEqual([]);
      expect(wakes).toBeLessThanOrEqual(1);
      expect(far.map((h) => h.cancelled())).toEqual([false, false]);
    } finally {
      process.off("warning", onWarning);
      loop.close();
    }
  });
});

describe("sleep(0) with a signal", () => {
  it("gives up the loop for one iteration, and an abort during it cancels the sleep", async () => {
    const loop = aio.newEventLoop();
    const trace: string[] = [];
    await loop.runUntilComplete(
      aio.coroutine(function* () {
        const signal = new AbortController().signal;
        loop.callSoon(() => trace.push("other callback"));
        trace.push(`slept: ${yield* aio.sleep(0, "v", { signal })}`);
        const ac = new AbortController();
        loop.callSoon(() => ac.abort());
        try {
          yield* aio.sleep(-1, "w", { signal: ac.signal });
          trace.push("not cancelled");
        } catch (e) {
          trace.push(`cancelled: ${e instanceof aio.CancelledError}`);
        }
        const t = aio.createTask(aio.sleep(0, "r", { signal }));
        yield* aio.sleep(0);
        trace.push(`task done after one iteration: ${t.done()}, result ${t.done() ? t.result() : "-"}`);
        yield* aio.sleep(0);
        trace.push(`task done after two: ${t.done()}, result ${t.result()}`);
      })(),
    );
    loop.close();
    expect(trace).toEqual([
      "other callback",
      "slept: v",
      "cancelled: true",
      "task done after one iteration: false, result -",
      "task done after two: true, result r",
    ]);
  });
});
