/**
 * The native timer wheel against the js wheel: seeded random schedule/cancel/advance sequences
 * must give identical firing traces (same timers, same order, same advance boundaries). Timers
 * are compared by the order in which they were scheduled, since each core numbers its ids its own
 * way. Needs the built addon (`npm ci` builds it; the README's test command runs this file on both
 * backends).
 */
import { describe, expect, it } from "vitest";
import { TimerWheel } from "../src/internal/wheel.js";
import { NativeTimerCore, loadAddon, type NativeAddon } from "../src/backend/native.js";
import { LAYOUT, layoutMismatch } from "../src/backend/layout.js";
import type { TimerCore } from "../src/backend/types.js";

const loaded = loadAddon();
function addon(): NativeAddon {
  if (!("addon" in loaded)) throw new Error(`native addon unavailable: ${loaded.error}`);
  return loaded.addon;
}

class Lcg {
  constructor(private x: number) {}
  u32(): number {
    this.x = (Math.imul(1664525, this.x) + 1013904223) >>> 0;
    return this.x;
  }
  int(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }
}

type Op = ["s", number] | ["c", number] | ["a", number] | ["y", number];

/** A random program: deadlines near and far, cancels of random live timers, advances. */
function program(seed: number, length: number, burst: number): Op[] {
  const r = new Lcg(seed);
  const ops: Op[] = [];
  let now = 0;
  let scheduled = 0;
  for (let i = 0; i < length; i++) {
    const k = r.int(10);
    if (k < 5) {
      const n = 1 + r.int(burst);
      for (let j = 0; j < n; j++) {
        const scale = [0, 10, 1000, 100_000, 10_000_000, 2 ** 33, 2 ** 45][r.int(7)]!;
        // Some deadlines already passed, many equal ones (ties), some far beyond 2^32 µs.
        const d = r.int(4) === 0 ? now - r.int(50) : now + r.int(scale + 1);
        ops.push(["s", Math.max(0, d)]);
        scheduled++;
      }
    } else if (k < 8 && scheduled > 0) {
      ops.push(["c", r.int(scheduled)]);
    } else {
      now += [0, 1, 63, 64, 4095, 300_000, 2 ** 20, 2 ** 34][r.int(8)]!;
      // Time passes; the core is advanced, or only told the time (syncTime: a no-op unless empty).
      ops.push([r.int(3) === 0 ? "y" : "a", now]);
    }
  }
  ops.push(["a", 2 ** 46]);
  return ops;
}

/** Run a program on a core; the trace lists each advance call's fired timers by schedule index. */
function trace(core: TimerCore, ops: Op[], outLen: number): string[] {
  const out = new Int32Array(outLen);
  const byId = new Map<number, number>(); // live id -> schedule index
  const idOf: number[] = []; // schedule index -> id (or -1 when gone)
  const lines: string[] = [];
  for (const op of ops) {
    if (op[0] === "s") {
      const id = core.schedule(op[1]);
      byId.set(id, idOf.length);
      idOf.push(id);
    } else if (op[0] === "c") {
      const id = idOf[op[1]]!;
      if (id >= 0) {
        core.cancel(id);
        byId.delete(id);
        idOf[op[1]] = -1;
      }
    } else if (op[0] === "y") {
      core.syncTime(op[1]);
    } else {
      for (;;) {
        const n = core.advance(op[1], out);
        const fired: number[] = [];
        for (let i = 0; i < n; i++) {
          const idx = byId.get(out[i]!)!;
          fired.push(idx);
          byId.delete(out[i]!);
          idOf[idx] = -1;
        }
        lines.push(`${op[1]}: ${fired.join(",")} | size ${core.size}`);
        if (n < out.length) break;
      }
    }
  }
  return lines;
}

describe("native timer wheel parity with the js wheel", () => {
  it("the addon's layout matches src/backend/layout.ts", () => {
    expect(layoutMismatch(addon().layout)).toBeNull();
    expect(layoutMismatch({ ...addon().layout, version: LAYOUT.version + 1 })).toMatch(/layout.version/);
  });

  for (const [seed, length, burst, outLen] of [
    [1, 400, 4, 4096],
    [2, 400, 30, 7],
    [3, 2000, 3, 1],
    [4, 300, 200, 64],
    [5, 60, 3000, 1024], // more than one command buffer between advances
    [6, 3000, 8, 3],
  ] as const) {
    it(`seed ${seed}: ${length} steps, bursts up to ${burst}, advance bounded by ${outLen}`, () => {
      const ops = program(seed, length, burst);
      const js = trace(new TimerWheel(16), ops, outLen);
      const native = trace(new NativeTimerCore(addon()), ops, outLen);
      expect(native.length).toBe(js.length);
      expect(native).toEqual(js);
    });
  }

  it("nextDeadline is a lower bound that never lies late, on both cores", () => {
    const r = new Lcg(99);
    const cores: TimerCore[] = [new TimerWheel(), new NativeTimerCore(addon())];
    const out = new Int32Array(4096);
    for (const core of cores) {
      const deadlines: number[] = [];
      for (let i = 0; i < 500; i++) deadlines[core.schedule(1000 + r.int(1_000_000))] = 1;
      let now = 0;
      while (core.size > 0) {
        const next = core.nextDeadline();
        expect(next).toBeGreaterThanOrEqual(0);
        // Nothing is due before the announced deadline.
        expect(core.advance(Math.max(now, next - 1), out)).toBe(0);
        now = Math.max(now, next);
        core.advance(now, out);
      }
      expect(core.nextDeadline()).toBe(-1);
    }
  });
});
