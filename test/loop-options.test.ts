/**
 * EventLoop options: spinWindow (the js backend's final approach to a timer's deadline) and
 * yieldInterval, with their validation. Order and "never early" are asserted, never latency.
 */
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

  it("rejects zero, negative and NaN intervals", () => {
    for (const bad of [0, -0.001, Number.NaN]) expect(() => aio.newEventLoop({ yieldInterval: bad })).toThrow(RangeError);
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
