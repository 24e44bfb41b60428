import { describe, it, expect } from "vitest";
import { Ring } from "../src/internal/ring.js";

/** The ring's backing array, for checking that shifted slots are cleared. */
function slots<T>(r: Ring<T>): (T | undefined)[] {
  return (r as unknown as { buf: (T | undefined)[] }).buf;
}

describe("Ring", () => {
  it("is FIFO", () => {
    const r = new Ring<number>();
    for (let i = 0; i < 100; i++) r.push(i);
    expect(r.length).toBe(100);
    for (let i = 0; i < 100; i++) expect(r.shift()).toBe(i);
    expect(r.length).toBe(0);
  });

  it("rounds the capacity up to a power of two, at least 16", () => {
    expect(new Ring(0).capacity).toBe(16);
    expect(new Ring(16).capacity).toBe(16);
    expect(new Ring(17).capacity).toBe(32);
    expect(new Ring(1000).capacity).toBe(1024);
    expect(new Ring().capacity).toBe(1024);
  });

  it("shift and peek on an empty ring return undefined", () => {
    const r = new Ring<string>(16);
    expect(r.shift()).toBeUndefined();
    expect(r.peek()).toBeUndefined();
    r.push("a");
    expect(r.shift()).toBe("a");
    expect(r.shift()).toBeUndefined();
    expect(r.peek()).toBeUndefined();
    expect(r.length).toBe(0);
  });

  it("peek returns the oldest item without removing it", () => {
    const r = new Ring<string>(16);
    r.push("a");
    r.push("b");
    expect(r.peek()).toBe("a");
    expect(r.length).toBe(2);
    expect(r.shift()).toBe("a");
    expect(r.peek()).toBe("b");
  });

  it("grows while wrapped around and keeps order", () => {
    const r = new Ring<number>(16);
    // Move the head to the middle, then fill so the contents wrap past the end.
    for (let i = 0; i < 10; i++) r.push(-1);
    for (let i = 0; i < 10; i++) r.shift();
    for (let i = 0; i < 16; i++) r.push(i);
    expect(r.capacity).toBe(16);
    expect(r.length).toBe(16);
    r.push(16); // full and wrapped: grows
    expect(r.capacity).toBe(32);
    for (let i = 17; i < 40; i++) r.push(i);
    expect(r.capacity).toBe(64);
    for (let i = 0; i < 40; i++) expect(r.shift()).toBe(i);
    expect(r.shift()).toBeUndefined();
  });

  it("clears shifted slots and keeps its capacity", () => {
    const r = new Ring<object>(16);
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 12; i++) r.push({ round, i });
      for (let i = 0; i < 12; i++) expect(r.shift()).toEqual({ round, i });
      expect(slots(r).every((x) => x === undefined)).toBe(true);
    }
    expect(r.capacity).toBe(16);
    // With some items queued, only those are held.
    r.push({ a: 1 });
    r.push({ a: 2 });
    r.shift();
    expect(slots(r).filter((x) => x !== undefined)).toEqual([{ a: 2 }]);
  });

  it("clear() empties it, drops references, and it works afterwards", () => {
    const r = new Ring<number>(16);
    for (let i = 0; i < 5; i++) r.push(i);
    for (let i = 0; i < 3; i++) r.shift();
    for (let i = 5; i < 20; i++) r.push(i); // wrapped, grown
    r.clear();
    expect(r.length).toBe(0);
    expect(r.shift()).toBeUndefined();
    expect(r.peek()).toBeUndefined();
    expect(slots(r).every((x) => x === undefined)).toBe(true);
    r.push(100);
    r.push(101);
    expect(r.shift()).toBe(100);
    expect(r.shift()).toBe(101);
    expect(r.shift()).toBeUndefined();
  });

  it("matches an array model under random push/shift/peek/clear", () => {
    for (const seed of [1, 2, 3, 99, 0xabcdef]) {
      let x = seed;
      const rand = (n: number) => {
        x = (Math.imul(1664525, x) + 1013904223) >>> 0;
        return Math.floor((x / 2 ** 32) * n);
      };
      const r = new Ring<number>(16);
      const model: number[] = [];
      let counter = 0;
      for (let op = 0; op < 20000; op++) {
        const k = rand(100);
        // Bias toward pushes in bursts so the ring grows while wrapped.
        if (k < 52) {
          const burst = 1 + rand(k < 5 ? 40 : 3);
          for (let j = 0; j < burst; j++) {
            r.push(counter);
            model.push(counter++);
          }
        } else if (k < 97) {
          expect(r.shift()).toBe(model.shift());
        } else if (k < 99) {
          expect(r.peek()).toBe(model[0]);
        } else {
          r.clear();
          model.length = 0;
        }
        expect(r.length).toBe(model.length);
        expect(r.capacity).toBeGreaterThanOrEqual(model.length);
      }
      // No stale references: exactly the queued items are held.
      expect(slots(r).filter((v) => v !== undefined).sort((a, b) => a! - b!)).toEqual(model);
      while (model.length > 0) expect(r.shift()).toBe(model.shift());
      expect(r.shift()).toBeUndefined();
    }
  });
});
