/**
 * The pure-JS cross-thread transport: a bounded multi-producer single-consumer ring of fixed-size
 * records in a SharedArrayBuffer, driven by Atomics (the ThreadsafeTransport of types.ts).
 *
 * HOW
 *
 *   control words (each on its own 64-byte line, so producers and the consumer do not share one):
 *     TAIL          next position to reserve (producers, compare-and-swap)
 *     HEAD          next position the consumer reads; every position below it is free again
 *     WAITING       1 while the consumer sleeps in Atomics.waitAsync
 *     PROD_WAITERS  producers blocked in Atomics.wait because the ring is full
 *     CLOSED/FINAL  0 open; 1 closing; 2 closed, FINAL = the TAIL at the cut
 *   cells, 32 bytes each:   i32 seq | i32 header | f64 a0 | f64 a1 | f64 a2
 *
 *   Positions are 32-bit counters that wrap; a position p lives in cell p & (capacity - 1).
 *
 *   Producer (a batch of n records):
 *     1. read TAIL = pos and HEAD; room = capacity - (pos - HEAD). No room: Atomics.wait on HEAD.
 *     2. CAS TAIL pos -> pos + k (k = min(n, room)): positions pos..pos+k-1 are now its own.
 *        Because the one consumer frees cells strictly in order (HEAD), room is known from one
 *        counter, and a producer reserves a whole batch with one CAS.
 *     3. write each cell, then publish it: Atomics.store(seq, position + 1) (one sequence number
 *        per cell, Vyukov's bounded-queue idea: the consumer knows a cell is ready for *this*
 *        lap when its seq is exactly position + 1; an older lap's value never matches).
 *     4. if WAITING is 1, swap it to 0 and Atomics.notify the consumer (only the producer that
 *        wins the swap notifies: one wake-up per sleep, however many posts arrive).
 *   Consumer (one thread): read cells from HEAD while seq === position + 1, copy them out, then
 *   store HEAD once for the whole batch and notify producers blocked on a full ring, if any.
 *   To sleep: store WAITING = 1, check the HEAD cell once more (a post published in between is
 *   seen here, or its producer sees WAITING = 1: both sides use sequentially consistent Atomics,
 *   so no wake-up is lost), then Atomics.waitAsync(WAITING, 1).
 *
 *   Close: CLOSED = 1, FINAL = TAIL, CLOSED = 2. A producer checks CLOSED after its CAS: still 0
 *   means the consumer's later read of TAIL saw its reservation (accepted); otherwise it compares
 *   its position with FINAL. So every reservation is accepted or refused as a whole, and the
 *   producer learns which; the consumer drains up to FINAL, waiting briefly (settle) for
 *   producers that reserved before the cut and are still writing.
 *
 * WHY
 *   No locks and no system call per post: a post is a few plain stores plus one Atomics.store,
 *   a batch is one CAS, a wake-up happens only when the consumer actually sleeps (DESIGN.md
 *   rule 6), and a full ring blocks the producer instead of losing anything.
 */
import { performance } from "node:perf_hooks";
import { KIND_PORT, RECORD_F64, type ThreadsafeConsumer, type ThreadsafeProducer, type ThreadsafeTransport } from "./types.js";

const TAIL = 0;
const HEAD = 16;
const WAITING = 32;
const PROD_WAITERS = 48;
const CLOSED = 64;
const FINAL = 65;
const CAPACITY = 66;
const MAGIC = 67;
/** Never written: the consumer sleeps on it for short, timed waits. */
const SPARE = 68;
/** First cell, as an Int32Array index (byte 320: a multiple of 32, so f64 fields are aligned). */
const CELLS = 80;
/** Int32 words per cell. */
const CELL_I32 = 8;
const MAGIC_VALUE = 0x41494f31; // "AIO1"

const CLOSING = 1;
const CLOSED_FINAL = 2;

/** How long a producer blocked on a full ring sleeps before it looks again on its own (ms). */
const FULL_WAIT_MS = 1000;

type WaitAsyncResult = { async: false; value: "not-equal" | "timed-out" } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync?: (a: Int32Array, i: number, v: number) => WaitAsyncResult }).waitAsync;

/** What producers receive (structured-cloneable). */
export interface SabShared {
  readonly sab: SharedArrayBuffer;
  readonly capacity: number;
}

function bytesFor(capacity: number): number {
  return CELLS * 4 + capacity * CELL_I32 * 4;
}

class SabConsumer implements ThreadsafeConsumer {
  readonly capacity: number;
  readonly shared: SabShared;
  private readonly _i32: Int32Array;
  private readonly _f64: Float64Array;
  private readonly _mask: number;
  /** Next position to read (the consumer owns it; HEAD is its published copy). */
  private _head = 0;
  private _closed = false;
  private _final = 0;

  constructor(capacity: number) {
    if (waitAsync === undefined) throw new Error("this Node.js has no Atomics.waitAsync (Node >= 16 is required)");
    const sab = new SharedArrayBuffer(bytesFor(capacity));
    this.capacity = capacity;
    this.shared = { sab, capacity };
    this._i32 = new Int32Array(sab);
    this._f64 = new Float64Array(sab);
    this._mask = capacity - 1;
    this._i32[CAPACITY] = capacity;
    Atomics.store(this._i32, MAGIC, MAGIC_VALUE);
  }

  drain(out: Float64Array, max: number): number {
    const i32 = this._i32;
    const f64 = this._f64;
    const mask = this._mask;
    let head = this._head;
    let limit = max;
    if (this._closed) {
      const left = (this._final - head) | 0;
      if (left < limit) limit = left;
    }
    let n = 0;
    while (n < limit) {
      const b = CELLS + (head & mask) * CELL_I32;
      if (Atomics.load(i32, b) !== ((head + 1) | 0)) break;
      const h = i32[b + 1]!;
      const o = n * RECORD_F64;
      out[o] = h;
      const kind = h & 7;
      if (kind !== 0 && kind < KIND_PORT) {
        const fb = b >> 1;
        out[o + 1] = f64[fb + 1]!;
        if (kind > 1) {
          out[o + 2] = f64[fb + 2]!;
          if (kind > 2) out[o + 3] = f64[fb + 3]!;
        }
      }
      head = (head + 1) | 0;
      n++;
    }
    if (n > 0) {
      this._head = head;
      Atomics.store(i32, HEAD, head);
      if (Atomics.load(i32, PROD_WAITERS) !== 0) Atomics.notify(i32, HEAD);
    }
    return n;
  }

  waitForPosts(): Promise<unknown> | null {
    if (this._closed) return null;
    const i32 = this._i32;
    Atomics.store(i32, WAITING, 1);
    const head = this._head;
    if (Atomics.load(i32, CELLS + (head & this._mask) * CELL_I32) === ((head + 1) | 0)) {
      Atomics.store(i32, WAITING, 0);
      return null;
    }
    const r = waitAsync!(i32, WAITING, 1);
    return r.async ? r.value : null;
  }

  close(): void {
    if (this._closed) return;
    this._closed = true;
    const i32 = this._i32;
    Atomics.store(i32, CLOSED, CLOSING);
    const final = Atomics.load(i32, TAIL);
    this._final = final;
    Atomics.store(i32, FINAL, final);
    Atomics.store(i32, CLOSED, CLOSED_FINAL);
    Atomics.notify(i32, CLOSED);
    Atomics.notify(i32, HEAD);
    Atomics.store(i32, WAITING, 0);
    Atomics.notify(i32, WAITING);
  }

  remaining(): number {
    return this._closed ? (this._final - this._head) | 0 : 0;
  }

  settle(timeoutMs: number): boolean {
    const i32 = this._i32;
    const head = this._head;
    const b = CELLS + (head & this._mask) * CELL_I32;
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(i32, b) !== ((head + 1) | 0)) {
      if (performance.now() >= deadline) return false;
      Atomics.wait(i32, SPARE, 0, 0.05);
    }
    return true;
  }
}

class SabProducer implements ThreadsafeProducer {
  private readonly _i32: Int32Array;
  private readonly _f64: Float64Array;
  private readonly _mask: number;
  private readonly _capacity: number;

  constructor(shared: SabShared) {
    this._i32 = new Int32Array(shared.sab);
    this._f64 = new Float64Array(shared.sab);
    this._capacity = shared.capacity;
    this._mask = shared.capacity - 1;
  }

  push(src: Float64Array, n: number): number {
    const i32 = this._i32;
    const f64 = this._f64;
    const mask = this._mask;
    const cap = this._capacity;
    let done = 0;
    while (done < n) {
      if (Atomics.load(i32, CLOSED) !== 0) return done;
      const pos = Atomics.load(i32, TAIL);
      const head = Atomics.load(i32, HEAD);
      const room = cap - ((pos - head) | 0);
      if (room <= 0) {
        this._waitForRoom(head);
        continue;
      }
      let k = n - done;
      if (k > room) k = room;
      if (Atomics.compareExchange(i32, TAIL, pos, (pos + k) | 0) !== pos) continue; // another producer won
      for (let j = 0; j < k; j++) {
        const p = (pos + j) | 0;
        const b = CELLS + (p & mask) * CELL_I32;
        const o = (done + j) * RECORD_F64;
        const h = src[o]!;
        i32[b + 1] = h;
        const kind = h & 7;
        if (kind !== 0 && kind < KIND_PORT) {
          const fb = b >> 1;
          f64[fb + 1] = src[o + 1]!;
          if (kind > 1) {
            f64[fb + 2] = src[o + 2]!;
            if (kind > 2) f64[fb + 3] = src[o + 3]!;
          }
        }
        Atomics.store(i32, b, (p + 1) | 0);
      }
      if (Atomics.load(i32, WAITING) !== 0 && Atomics.exchange(i32, WAITING, 0) !== 0) Atomics.notify(i32, WAITING, 1);
      if (Atomics.load(i32, CLOSED) !== 0 && ((pos - this._final()) | 0) >= 0) return done; // after the cut
      done += k;
    }
    return done;
  }

  consumerClosed(): boolean {
    return this._i32[CLOSED] !== 0;
  }

  /** The ring is full: sleep until the consumer moves HEAD (or closes). */
  private _waitForRoom(head: number): void {
    const i32 = this._i32;
    Atomics.add(i32, PROD_WAITERS, 1);
    // The ring is full of records, so the consumer has work; make sure it is awake.
    if (Atomics.load(i32, WAITING) !== 0 && Atomics.exchange(i32, WAITING, 0) !== 0) Atomics.notify(i32, WAITING, 1);
    if (Atomics.load(i32, CLOSED) === 0) Atomics.wait(i32, HEAD, head, FULL_WAIT_MS);
    Atomics.sub(i32, PROD_WAITERS, 1);
  }

  /** The TAIL at the consumer's cut (waits the instant between CLOSING and CLOSED_FINAL). */
  private _final(): number {
    const i32 = this._i32;
    while (Atomics.load(i32, CLOSED) === CLOSING) Atomics.wait(i32, CLOSED, CLOSING, 5);
    return Atomics.load(i32, FINAL);
  }
}

function checkShared(shared: unknown): SabShared {
  const s = shared as SabShared | null;
  if (
    s === null ||
    typeof s !== "object" ||
    !(s.sab instanceof SharedArrayBuffer) ||
    typeof s.capacity !== "number" ||
    s.sab.byteLength !== bytesFor(s.capacity) ||
    new Int32Array(s.sab, 0, CELLS)[MAGIC] !== MAGIC_VALUE
  ) {
    throw new TypeError("connectLoop(): the descriptor's ring is not an aionode SharedArrayBuffer ring");
  }
  return s;
}

export const sabTransport: ThreadsafeTransport = {
  name: "sab",
  createConsumer(capacity: number): ThreadsafeConsumer {
    return new SabConsumer(capacity);
  },
  connectProducer(shared: unknown): ThreadsafeProducer {
    return new SabProducer(checkShared(shared));
  },
};
