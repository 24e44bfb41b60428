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
});
