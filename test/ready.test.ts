/**
 * The loop's ready queue (src/internal/ready.ts) on its own: FIFO order across chunk boundaries,
 * cancel by sequence number, run-length-encoded contexts, reuse of drained chunks; and a
 * randomized run against a plain array model.
 */
import { AsyncResource } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { MANY_ARGS, NO_ARG, ONE_ARG, ReadyQueue } from "../src/internal/ready.js";

interface Entry {
  fn: Function | null;
  mode: number;
  arg: unknown;
  ctx: AsyncResource | null;
  seq: number;
}

/** Pop the head entry the way the loop does (read, then shift). */
function pop(q: ReadyQueue): Entry {
  const c = q.hc;
  const i = q.hi;
  const e = { fn: c.fns[i] ?? null, mode: c.modes[i]!, arg: c.args?.[i], ctx: q.headCtx, seq: q.headSeq };
  q.shift();
  return e;
}

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

const fns = Array.from({ length: 8 }, (_, k) => {
  const f = () => k;
  return f;
});
const ctxs = Array.from({ length: 4 }, () => new AsyncResource("test"));

describe("ReadyQueue", () => {
  it("is FIFO across many chunks and numbers entries consecutively", () => {
    const q = new ReadyQueue();
    const n = 200_000; // spans the small first chunk and several large ones
    let bad = 0;
    for (let i = 0; i < n; i++) if (q.push(fns[i % 8]!, ONE_ARG, i, ctxs[0]!) !== i) bad++;
    expect(q.length).toBe(n);
    for (let i = 0; i < n; i++) {
      const e = pop(q);
      if (e.seq !== i || e.arg !== i || e.fn !== fns[i % 8]) bad++;
    }
    expect(bad).toBe(0);
    expect(q.length).toBe(0);
  });

  it("keeps the argument mode and arguments", () => {
    const q = new ReadyQueue();
    q.push(fns[0]!, NO_ARG, undefined, ctxs[0]!);
    q.push(fns[1]!, ONE_ARG, "x", ctxs[0]!);
    q.push(fns[2]!, MANY_ARGS, [1, 2], ctxs[0]!);
    expect([pop(q), pop(q), pop(q)].map((e) => [e.mode, e.arg])).toEqual([
      [NO_ARG, undefined],
      [ONE_ARG, "x"],
      [MANY_ARGS, [1, 2]],
    ]);
  });

  it("cancel(seq) clears a queued entry anywhere, and is a no-op for entries that already ran", () => {
    const q = new ReadyQueue();
    for (let i = 0; i < 5000; i++) q.push(fns[0]!, ONE_ARG, i, ctxs[0]!);
    q.cancel(3); // first chunk
    q.cancel(4000); // a later chunk
    q.cancel(99_999); // never pushed
    const first = pop(q);
    q.cancel(first.seq); // already taken: no effect on anything else
    const seen: number[] = [];
    while (q.length > 0) {
      const e = pop(q);
      if (e.fn !== null) seen.push(e.arg as number);
    }
    expect(seen.length).toBe(4997);
    expect(seen.includes(3) || seen.includes(4000)).toBe(false);
    expect(seen[0]).toBe(1);
  });

  it("reports each entry's context although contexts are stored run-length encoded", () => {
    const q = new ReadyQueue();
    const pattern = [0, 0, 1, 1, 1, 0, 2, 3, 3, 0];
    for (let round = 0; round < 3; round++) {
      for (const [i, c] of pattern.entries()) q.push(fns[0]!, ONE_ARG, i, ctxs[c]!);
      const got = pattern.map(() => pop(q).ctx);
      expect(got).toEqual(pattern.map((c) => ctxs[c]));
      expect(q.length).toBe(0);
    }
  });

  it("interleaved pushes and pops against a model (random, several seeds)", () => {
    for (const seed of [1, 12345, 777, 2024]) {
      const rnd = lcg(seed);
      const q = new ReadyQueue();
      const model: Entry[] = [];
      let next = 0;
      for (let step = 0; step < 20_000; step++) {
        const r = rnd();
        if (r < 0.55) {
          const burst = 1 + Math.floor(rnd() * (rnd() < 0.002 ? 3000 : 8));
          for (let b = 0; b < burst; b++) {
            const ctx = ctxs[Math.floor(rnd() * 4)]!;
            const fn = fns[Math.floor(rnd() * 8)]!;
            // All three argument modes, so a context change rides on each (and a cancel of an
            // argument-less entry that carries one).
            const mode = [NO_ARG, ONE_ARG, ONE_ARG, MANY_ARGS][Math.floor(rnd() * 4)]!;
            const arg = mode === NO_ARG ? undefined : mode === ONE_ARG ? next : [next];
            const seq = q.push(fn, mode, arg, ctx);
            if (seq !== next) expect(seq).toBe(next);
            model.push({ fn, mode, arg, ctx, seq });
            next++;
          }
        } else if (r < 0.6 && model.length > 0) {
          const k = Math.floor(rnd() * model.length);
          q.cancel(model[k]!.seq);
          model[k]!.fn = null;
        } else {
          const pops = Math.floor(rnd() * (model.length > 2000 ? 400 : 12));
          for (let p = 0; p < pops && model.length > 0; p++) {
            const want = model.shift()!;
            const got = pop(q);
            if (got.seq !== want.seq || got.fn !== want.fn || got.ctx !== want.ctx || (want.fn !== null && (got.mode !== want.mode || String(got.arg) !== String(want.arg)))) {
              expect(got).toEqual(want);
            }
          }
        }
        if (q.length !== model.length) expect(q.length).toBe(model.length);
      }
      expect(next).toBeGreaterThan(10_000);
    }
  });

  it("cancelling an argument-less entry that changes the context keeps the context for the entries after it", () => {
    const q = new ReadyQueue();
    q.push(fns[0]!, NO_ARG, undefined, ctxs[0]!);
    const s1 = q.push(fns[1]!, NO_ARG, undefined, ctxs[1]!);
    q.push(fns[2]!, NO_ARG, undefined, ctxs[1]!);
    q.cancel(s1);
    const got = [pop(q), pop(q), pop(q)].map((e) => [e.fn, e.ctx]);
    expect(got).toEqual([
      [fns[0], ctxs[0]],
      [null, ctxs[1]],
      [fns[2], ctxs[1]],
    ]);
  });

  it("clear() empties the queue and it stays usable", () => {
    const q = new ReadyQueue();
    for (let i = 0; i < 40_000; i++) q.push(fns[0]!, ONE_ARG, i, ctxs[i % 2]!);
    q.clear();
    expect(q.length).toBe(0);
    q.push(fns[1]!, ONE_ARG, "after", ctxs[3]!);
    const e = pop(q);
    expect([e.arg, e.fn, e.ctx]).toEqual(["after", fns[1], ctxs[3]]);
  });

  it("a short queue that never empties takes turns with two chunks instead of allocating", () => {
    // As callbacks that re-queue themselves: a few entries, the queue walking through its chunks.
    const q = new ReadyQueue();
    for (let i = 0; i < 5; i++) q.push(fns[i]!, ONE_ARG, i, ctxs[i % 4]!);
    let expected = 0;
    let wrong: unknown[] | null = null; // the first entry out of order (expect() per entry is slow)
    for (let i = 5; i < 300_000; i++) {
      const e = pop(q);
      if (wrong === null && (e.arg !== expected || e.ctx !== ctxs[expected % 4])) wrong = [expected, e.arg];
      expected++;
      q.push(fns[i % 8]!, ONE_ARG, i, ctxs[i % 4]!);
    }
    expect(wrong).toBeNull();
    expect(q.length).toBe(5);
    expect(q.chunksMade).toBe(2);
  });

  it("a backlog still gets chunks of doubling size, and a second burst reuses drained ones", () => {
    const q = new ReadyQueue();
    const burst = () => {
      for (let i = 0; i < 100_000; i++) q.push(fns[0]!, NO_ARG, undefined, ctxs[0]!);
      for (let i = 0; i < 100_000; i++) pop(q);
    };
    burst();
    // 1024, 2048, ..., 32768 (64,512 entries), then two more of 32,768: 8 chunks, not 98.
    const first = q.chunksMade;
    expect(first).toBe(8);
    burst();
    expect(q.chunksMade - first).toBeLessThan(first - 1);
    // Order and sequence numbers are unaffected by reuse.
    const s0 = q.push(fns[2]!, ONE_ARG, "x", ctxs[1]!);
    const s1 = q.push(fns[3]!, ONE_ARG, "y", ctxs[1]!);
    expect(s1).toBe(s0 + 1);
    expect([pop(q).arg, pop(q).arg]).toEqual(["x", "y"]);
  });
});
