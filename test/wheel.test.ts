import { describe, it, expect } from "vitest";
import { TimerWheel, MAX_TICK } from "../src/internal/wheel.js";

/** Advance until done (the loop's way), collecting every fired id; `bufSize` bounds each call. */
function advanceAll(w: TimerWheel, now: number, bufSize = 4096): number[] {
  const out = new Int32Array(bufSize);
  const fired: number[] = [];
  for (;;) {
    const n = w.advance(now, out);
    for (let i = 0; i < n; i++) fired.push(out[i]);
    if (n < out.length) return fired;
  }
}

/** The seeded LCG x = (1664525 x + 1013904223) mod 2^32. */
class Lcg {
  constructor(private x: number) {}
  u32(): number {
    this.x = (Math.imul(1664525, this.x) + 1013904223) >>> 0;
    return this.x;
  }
  /** Uniform integer in [0, n), with 52 bits of randomness (n may be large). */
  int(n: number): number {
    const hi = this.u32() >>> 6; // 26 bits
    const lo = this.u32() >>> 6; // 26 bits
    return Math.floor(((hi * 2 ** 26 + lo) / 2 ** 52) * n);
  }
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }
}

const H = 3600e6; // one hour in µs ticks

describe("TimerWheel basics", () => {
  it("starts empty at time 0", () => {
    const w = new TimerWheel();
    expect(w.now).toBe(0);
    expect(w.size).toBe(0);
    expect(w.nextDeadline()).toBe(-1);
    expect(advanceAll(w, 1000)).toEqual([]);
    expect(w.now).toBe(1000);
  });

  it("fires equal deadlines in scheduling order", () => {
    const w = new TimerWheel();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(w.schedule(5000));
    expect(advanceAll(w, 4999)).toEqual([]);
    expect(advanceAll(w, 5000)).toEqual(ids);
  });

  it("fires in (deadline, scheduling order) across levels and cascades", () => {
    const w = new TimerWheel();
    // Schedule the same far deadline from several points in time, so the earlier ones sit on a
    // higher level and are cascaded before the later ones join them.
    const D = 3 * H + 12345;
    const expected: number[] = [];
    const a = w.schedule(D);
    const b = w.schedule(D - 1);
    expect(advanceAll(w, 2 * H)).toEqual([]);
    const c = w.schedule(D);
    expect(advanceAll(w, D - 100)).toEqual([]);
    const d = w.schedule(D);
    const e = w.schedule(D - 1);
    expected.push(b, e, a, c, d);
    expect(advanceAll(w, D)).toEqual(expected);
    expect(w.size).toBe(0);
  });

  it("never fires early and fires exactly at the deadline tick", () => {
    const w = new TimerWheel();
    const deadlines = [1, 63, 64, 65, 4095, 4096, 4097, 262143, 262144, 1e6 + 1, 2 ** 30 - 1, 2 ** 30, 2 ** 32 + 7];
    const ids = deadlines.map((d) => w.schedule(d));
    for (let i = 0; i < deadlines.length; i++) {
      expect(advanceAll(w, deadlines[i] - 1)).toEqual([]);
      expect(advanceAll(w, deadlines[i])).toEqual([ids[i]]);
    }
  });

  it("fires a deadline <= now at the next advance, before later ones, in deadline order", () => {
    const w = new TimerWheel();
    advanceAll(w, 10_000);
    const later = w.schedule(10_001);
    const a = w.schedule(10_000);
    const b = w.schedule(5);
    const c = w.schedule(0);
    const d = w.schedule(5);
    expect(w.nextDeadline()).toBe(0);
    expect(advanceAll(w, 10_000)).toEqual([c, b, d, a]);
    expect(advanceAll(w, 9_000)).toEqual([]); // backwards: stays at 10_000
    expect(w.now).toBe(10_000);
    expect(advanceAll(w, 10_001)).toEqual([later]);
  });

  it("cancel frees the entry and its id is reused", () => {
    const w = new TimerWheel(16);
    const a = w.schedule(100);
    const b = w.schedule(200);
    expect(w.size).toBe(2);
    w.cancel(a);
    expect(w.size).toBe(1);
    expect(w.deadlineOf(a)).toBe(-1);
    const c = w.schedule(300);
    expect(c).toBe(a);
    expect(w.deadlineOf(c)).toBe(300);
    expect(advanceAll(w, 1000)).toEqual([b, c]);
    // Fired ids are free too.
    expect([w.schedule(2000), w.schedule(2000)].sort()).toEqual([b, c].sort());
  });

  it("cancelling a free, fired or out-of-range id is a no-op", () => {
    const w = new TimerWheel(16);
    const a = w.schedule(100);
    const b = w.schedule(100);
    const c = w.schedule(50);
    w.cancel(a);
    w.cancel(a); // twice
    w.cancel(7); // never used
    w.cancel(-1);
    w.cancel(1e9);
    w.cancel(1.5);
    w.cancel(NaN);
    expect(w.size).toBe(2);
    expect(advanceAll(w, 50)).toEqual([c]);
    w.cancel(c); // already fired
    expect(w.size).toBe(1);
    expect(advanceAll(w, 100)).toEqual([b]);
    expect(w.size).toBe(0);
  });

  it("cancels entries in the due list", () => {
    const w = new TimerWheel();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(w.schedule(100 + (i % 3)));
    const out = new Int32Array(3);
    expect(w.advance(1000, out)).toBe(3);
    const first = Array.from(out);
    // The rest wait in the due list; cancel some.
    const order = [0, 3, 6, 9, 1, 4, 7, 2, 5, 8].map((i) => ids[i]);
    expect(first).toEqual(order.slice(0, 3));
    w.cancel(order[3]);
    w.cancel(order[9]);
    w.cancel(order[5]);
    expect(w.size).toBe(4);
    expect(advanceAll(w, 1000)).toEqual([order[4], order[6], order[7], order[8]]);
  });

  it("fires large deadlines (beyond 2^32 ticks) exactly at their tick", () => {
    const cases = [3 * H, 30 * 24 * H, 5 * 365 * 24 * H, 2 ** 48 + 3, 2 ** 50 + 12345, 2 ** 52 + 1];
    for (const D of cases) {
      const w = new TimerWheel();
      const id = w.schedule(D);
      expect(w.deadlineOf(id)).toBe(D);
      const nd = w.nextDeadline();
      expect(nd).toBeGreaterThanOrEqual(0);
      expect(nd).toBeLessThanOrEqual(D);
      // Approach it in growing steps; it must not fire before D.
      let t = 0;
      let step = 1;
      while (t + step < D) {
        t += step;
        expect(advanceAll(w, t)).toEqual([]);
        expect(w.nextDeadline()).toBeLessThanOrEqual(D);
        step *= 3;
      }
      expect(advanceAll(w, D - 1)).toEqual([]);
      expect(w.nextDeadline()).toBe(D);
      expect(advanceAll(w, D)).toEqual([id]);
      expect(w.nextDeadline()).toBe(-1);
    }
  });

  it("works when the wheel's time itself is beyond 2^32 and 2^48", () => {
    for (const base of [2 ** 32 - 5, 5e9, 2 ** 40 + 3, 2 ** 48 - 1, 2 ** 48 + 17]) {
      const w = new TimerWheel();
      advanceAll(w, base);
      expect(w.now).toBe(base);
      const offsets = [1, 2, 63, 64, 1000, 2 ** 30, 2 ** 31, 2 ** 32, 2 ** 33 + 1, 3 * H, 2 ** 44];
      const ids = offsets.map((o) => w.schedule(base + o));
      const same = w.schedule(base + 2 ** 31);
      const fired: number[] = [];
      for (const o of offsets) {
        expect(advanceAll(w, base + o - 1)).toEqual([]);
        fired.push(...advanceAll(w, base + o));
      }
      expect(fired).toEqual([...ids.slice(0, 7), same, ...ids.slice(7)]);
    }
  });

  it("nextDeadline is a lower bound, exact for a lone timer, -1 when empty", () => {
    const w = new TimerWheel();
    expect(w.nextDeadline()).toBe(-1);
    const a = w.schedule(1_000_000);
    expect(w.nextDeadline()).toBe(1_000_000);
    const b = w.schedule(700_000);
    expect(w.nextDeadline()).toBeLessThanOrEqual(700_000);
    w.cancel(b);
    expect(w.nextDeadline()).toBeLessThanOrEqual(1_000_000);
    w.cancel(a);
    expect(w.nextDeadline()).toBe(-1);
    w.schedule(50);
    w.schedule(20);
    expect(w.nextDeadline()).toBe(20);
  });

  it("a bounded advance with a tiny buffer yields the same order as a big one", () => {
    const rng = new Lcg(42);
    const big = new TimerWheel();
    const small = new TimerWheel();
    for (let i = 0; i < 5000; i++) {
      const d = rng.chance(0.3) ? 1000 * rng.int(20) : rng.int(50_000);
      expect(small.schedule(d)).toBe(big.schedule(d));
    }
    for (const now of [0, 999, 10_000, 10_000, 30_000, 60_000]) {
      const expected = advanceAll(big, now, 100_000);
      const got = advanceAll(small, now, 3);
      expect(got).toEqual(expected);
    }
    expect(small.size).toBe(0);
    expect(big.size).toBe(0);
  });

  it("keeps order when timers are scheduled between partial advances", () => {
    const w = new TimerWheel();
    const a = w.schedule(100);
    const b = w.schedule(100);
    const c = w.schedule(200);
    const out = new Int32Array(1);
    expect(w.advance(300, out)).toBe(1);
    expect(out[0]).toBe(a);
    // b (100) and c (200) are due but not yet returned; the wheel's time is 100.
    const d = w.schedule(50); // earlier than every due one
    const e = w.schedule(100); // equal to b, scheduled later
    const f = w.schedule(150); // still in the wheel
    const g = w.schedule(300);
    expect(advanceAll(w, 300, 2)).toEqual([d, b, e, f, c, g]);
  });

  it("grows past its initial capacity", () => {
    const w = new TimerWheel(16);
    expect(w.capacity).toBe(16);
    const ids: number[] = [];
    for (let i = 0; i < 1000; i++) ids.push(w.schedule(1000 - i));
    expect(w.capacity).toBe(1024);
    expect(new Set(ids).size).toBe(1000);
    expect(w.size).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(w.deadlineOf(ids[i])).toBe(1000 - i);
    expect(advanceAll(w, 1000)).toEqual(ids.slice().reverse());
  });

  it("clear() drops every pending timer and keeps time", () => {
    const w = new TimerWheel(16);
    for (let i = 0; i < 100; i++) w.schedule(i * 1000);
    advanceAll(w, 5000, 2);
    const out = new Int32Array(2);
    w.schedule(10);
    w.schedule(10);
    w.schedule(10);
    expect(w.advance(5000, out)).toBe(2); // one left in the due list
    w.clear();
    expect(w.size).toBe(0);
    expect(w.nextDeadline()).toBe(-1);
    expect(advanceAll(w, 1e9)).toEqual([]);
    const id = w.schedule(1e9 + 5);
    expect(id).toBe(0);
    expect(advanceAll(w, 1e9 + 5)).toEqual([id]);
  });

  it("rounds non-integer deadlines up and clamps out-of-range ones", () => {
    const w = new TimerWheel();
    const a = w.schedule(10.2);
    expect(w.deadlineOf(a)).toBe(11);
    expect(advanceAll(w, 10.9)).toEqual([]);
    expect(advanceAll(w, 11)).toEqual([a]);
    const b = w.schedule(-5);
    const c = w.schedule(NaN);
    expect(w.deadlineOf(b)).toBe(0);
    expect(w.deadlineOf(c)).toBe(0);
    const d = w.schedule(Infinity);
    expect(w.deadlineOf(d)).toBe(MAX_TICK);
    expect(advanceAll(w, 12)).toEqual([b, c]);
    expect(advanceAll(w, MAX_TICK - 1)).toEqual([]);
    expect(advanceAll(w, Infinity)).toEqual([d]);
  });

  it("re-files correctly after a higher-level slot was emptied by cancels (no stale slot minimum)", () => {
    // A slot whose earliest timer was cancelled keeps a lower-bound minimum; the next advance
    // must cascade the remaining timer once and fire it at its own tick, not spin or fire early.
    for (const base of [0, 5_000, 123_456_789]) {
      const w = new TimerWheel(16);
      if (base > 0) advanceAll(w, base);
      const early = w.schedule(base + 70_000);
      const late = w.schedule(base + 90_000);
      const later = w.schedule(base + 4_000_000);
      w.cancel(early);
      expect(w.nextDeadline()).toBeLessThanOrEqual(base + 90_000);
      expect(advanceAll(w, base + 89_999)).toEqual([]);
      expect(advanceAll(w, base + 90_000)).toEqual([late]);
      // The slot is empty now; a timer filed into the same region later still fires exactly.
      const again = w.schedule(base + 95_000);
      w.cancel(later);
      expect(advanceAll(w, base + 94_999)).toEqual([]);
      expect(advanceAll(w, base + 95_000)).toEqual([again]);
      expect(w.size).toBe(0);
      expect(w.nextDeadline()).toBe(-1);
    }
  });

  it("1,000,000 schedule+cancel operations leave it empty with bounded capacity", () => {
    const w = new TimerWheel(16);
    const rng = new Lcg(7);
    const live = new Int32Array(64);
    let nLive = 0;
    let now = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const id = w.schedule(now + 1e6 + rng.int(99e6));
      if (nLive === live.length) {
        const j = rng.int(nLive);
        w.cancel(live[j]);
        live[j] = id;
      } else live[nLive++] = id;
      if ((i & 0xffff) === 0) {
        now += 1000;
        expect(advanceAll(w, now)).toEqual([]);
      }
    }
    for (let j = 0; j < nLive; j++) w.cancel(live[j]);
    expect(w.size).toBe(0);
    expect(w.nextDeadline()).toBe(-1);
    expect(w.capacity).toBeLessThanOrEqual(128);
  });
});

// --- randomized comparison against a reference model ------------------------------------------

interface Item {
  id: number;
  deadline: number;
  seq: number;
}

class Model {
  items: Item[] = [];
  private seq = 0;
  schedule(id: number, deadline: number): void {
    this.items.push({ id, deadline, seq: this.seq++ });
  }
  cancel(id: number): void {
    const i = this.items.findIndex((it) => it.id === id);
    this.items.splice(i, 1);
  }
  has(id: number): boolean {
    return this.items.some((it) => it.id === id);
  }
  /** The next `max` due ids at time `now`, in (deadline, seq) order; removes them. */
  advance(now: number, max: number): number[] {
    const due = this.items.filter((it) => it.deadline <= now);
    due.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
    const fired = due.slice(0, max);
    const gone = new Set(fired.map((it) => it.id));
    this.items = this.items.filter((it) => !gone.has(it.id));
    return fired.map((it) => it.id);
  }
  earliest(): number {
    let m = Infinity;
    for (const it of this.items) if (it.deadline < m) m = it.deadline;
    return m;
  }
}

function randomRun(seed: number, ops: number): { fired: number; cascadedDeep: boolean } {
  const rng = new Lcg(seed);
  const w = new TimerWheel(16);
  const model = new Model();
  let clock = 0; // the model's time: the largest target of a completed advance
  let firedTotal = 0;
  let deep = false;

  const check = () => {
    expect(w.size).toBe(model.items.length);
    const nd = w.nextDeadline();
    if (model.items.length === 0) expect(nd).toBe(-1);
    else {
      expect(nd).toBeGreaterThanOrEqual(0);
      expect(nd).toBeLessThanOrEqual(model.earliest());
    }
  };

  const randomDeadline = (): number => Math.min(MAX_TICK, randomDeadlineUnclamped());
  const randomDeadlineUnclamped = (): number => {
    const r = rng.int(100);
    if (r < 8 && model.items.length > 0) return model.items[rng.int(model.items.length)].deadline; // ties
    if (r < 14) return Math.max(0, clock - rng.int(1000)); // in the past
    if (r < 18) return clock; // now
    if (r < 40) return clock + rng.int(100);
    if (r < 60) return clock + rng.int(1e4);
    if (r < 80) return clock + rng.int(1e7);
    if (r < 97) return clock + rng.int(1e12);
    return clock + rng.int(2 ** 52); // beyond 2^48 µs
  };

  const scheduleOne = () => {
    const d = randomDeadline();
    const id = w.schedule(d);
    expect(model.has(id)).toBe(false); // ids are unique among pending timers
    expect(w.deadlineOf(id)).toBe(d);
    model.schedule(id, d);
  };

  const cancelOne = () => {
    if (model.items.length > 0 && !rng.chance(0.05)) {
      const it = model.items[rng.int(model.items.length)];
      w.cancel(it.id);
      model.cancel(it.id);
    } else {
      // A free id (or out of range): must be a no-op.
      const id = rng.int(w.capacity + 4);
      if (!model.has(id)) w.cancel(id);
    }
  };

  const randomJump = (): number => {
    const r = rng.int(100);
    if (r < 10) return 0;
    if (r < 15 && model.items.length > 0 && model.earliest() < 2 ** 50) {
      return Math.max(0, model.earliest() - clock + rng.int(3) - 1); // just before, at, just after
    }
    if (r < 40) return rng.int(64);
    if (r < 60) return rng.int(5000);
    if (r < 80) return rng.int(1e6);
    if (r < 93) return rng.int(1e9);
    return rng.int(1e12);
  };

  for (let op = 0; op < ops; op++) {
    const r = rng.int(100);
    if (r < 45) scheduleOne();
    else if (r < 62) cancelOne();
    else if (r < 65) {
      // Time passes with no advance: syncTime moves an empty wheel's time, else changes nothing.
      const target = clock + (rng.chance(0.2) ? -rng.int(1000) : randomJump());
      w.syncTime(target);
      if (model.items.length === 0 && target > clock) clock = Math.min(target, MAX_TICK);
      expect(w.now).toBe(clock);
    } else if (r < 70) {
      // Backwards or same time: nothing new is due beyond what is already due at `clock`.
      const target = clock - rng.int(1000);
      const out = new Int32Array(4096);
      const n = w.advance(target, out);
      expect(Array.from(out.subarray(0, n))).toEqual(model.advance(clock, 4096));
      expect(w.now).toBe(clock);
    } else {
      const target = clock + randomJump();
      if (target > 2 ** 48) deep = true;
      const out = new Int32Array(rng.chance(0.3) ? 1 + rng.int(4) : 4096);
      for (;;) {
        const n = w.advance(target, out);
        const got = Array.from(out.subarray(0, n));
        expect(got).toEqual(model.advance(target, out.length));
        for (const id of got) expect(w.deadlineOf(id)).toBe(-1);
        firedTotal += n;
        if (n < out.length) break;
        // A partial batch: the loop may schedule and cancel before asking for more.
        check();
        if (rng.chance(0.5)) scheduleOne();
        if (rng.chance(0.3)) cancelOne();
      }
      clock = target;
      expect(w.now).toBe(clock);
    }
    check();
  }
  // Drain everything.
  const fired = advanceAll(w, MAX_TICK, 7);
  expect(fired).toEqual(model.advance(MAX_TICK, Infinity));
  expect(w.size).toBe(0);
  expect(w.nextDeadline()).toBe(-1);
  return { fired: firedTotal + fired.length, cascadedDeep: deep };
}

describe("TimerWheel randomized against a reference model", () => {
  // WHEEL_FUZZ_SEEDS=n adds n more seeds (a longer soak; off by default).
  const extra = Number(process.env.WHEEL_FUZZ_SEEDS ?? 0) || 0;
  const seeds = [1, 2, 3, 12345, 987654321, 0xdeadbeef];
  for (let i = 0; i < extra; i++) seeds.push(1000 + i);
  for (const seed of seeds) {
    it(`seed ${seed}`, () => {
      const { fired } = randomRun(seed, 6000);
      expect(fired).toBeGreaterThan(500);
    });
  }
});

describe("TimerWheel.syncTime", () => {
  it("moves an empty wheel's time, so a burst after an idle spell is filed near the present", () => {
    const w = new TimerWheel(16);
    const T = 5 * 2 ** 40 + 123; // far from 0, as the loop's ticks are
    w.syncTime(T);
    expect(w.now).toBe(T);
    w.syncTime(T - 50); // earlier: stays
    expect(w.now).toBe(T);
    const ids = [w.schedule(T + 10), w.schedule(T - 3), w.schedule(T + 10), w.schedule(T + 70_000)];
    w.syncTime(T + 1_000_000); // not empty: no-op
    expect(w.now).toBe(T);
    expect(advanceAll(w, T)).toEqual([ids[1]]);
    expect(advanceAll(w, T + 10)).toEqual([ids[0], ids[2]]);
    expect(advanceAll(w, T + 69_999)).toEqual([]);
    expect(advanceAll(w, T + 70_000)).toEqual([ids[3]]);
  });

  it("files the next timers against the synced time, on the level their distance from it calls for", () => {
    // The wheel's time after an advance, then after an idle spell: syncTime must move the time
    // the filing rule works with, or the next burst lands on a high level (against the old time)
    // and the next advance cascades all of it.
    const levelOf = (w: TimerWheel, id: number): number => (w as unknown as { where: Uint16Array }).where[id]! >>> 6;
    for (const [before, T] of [
      [0, 5 * 2 ** 40 + 123],
      [1_000, 123_456_789],
      [2 ** 33 + 5, 2 ** 33 + 2 ** 30 + 77],
    ] as const) {
      const w = new TimerWheel(16);
      if (before > 0) {
        w.schedule(before);
        expect(advanceAll(w, before)).toHaveLength(1);
      }
      w.syncTime(T);
      const near = w.schedule(T - (T % 64) + 63); // the same 64 µs block as T: level 0
      const mid = w.schedule(T - (T % 4096) + 4095); // the same 4,096 µs block, a later 64 µs slot: level 1
      expect([levelOf(w, near), levelOf(w, mid)]).toEqual([0, 1]);
      expect(advanceAll(w, T + 4096)).toEqual([near, mid]);
    }
  });
});
