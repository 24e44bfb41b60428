/**
 * The loop's ready queue (DESIGN.md rule 2): a FIFO of chunks, each holding its entries in
 * parallel arrays (callback, argument, argument mode, context; a chunk's argument array is made
 * when its first entry with an argument arrives). Scheduling a callback allocates nothing and
 * retains no per-callback object; growing never copies (a burst of a million callbacks just
 * links more chunks), and drained chunks are recycled.
 *
 *   headSeq                                    tailSeq = headSeq + length
 *      │                                           │
 *   [chunk: ....######] → [chunk: ################] → [chunk: ###.............]
 *
 * The first chunk is small. When the tail reaches the end of its chunk while the queue holds more
 * than half a chunk, the next chunk is twice as large, up to MAX_CHUNK entries, whose arrays are
 * large enough for V8 to allocate them straight into old space, so a burst's storage is never
 * copied by the young-generation collector. A short queue that merely walked to the end of its
 * chunk (callbacks that re-queue themselves, the queue never empty) keeps the size instead, and
 * takes the chunk it drained last from the pool: two chunks take turns, nothing is allocated.
 *
 * Contexts often repeat between consecutive entries, so an entry stores one only where it
 * differs from the previous entry's: its mode byte then carries CTX_CHANGE and the chunk's
 * context array (made on the chunk's first change) holds it. `headCtx` is the context of the
 * entry at head; the change is taken in when the entry reaches the head. Entries of a thousand
 * different tasks in a row cost a slot each in the chunk, nothing allocated per entry.
 *
 * Entries are numbered by a running sequence number. A Handle remembers its entry's number,
 * which locates the entry for cancel() while it is queued (a cancelled entry's callback is
 * cleared and skipped).
 */
import type { AsyncResource } from "node:async_hooks";

export const NO_ARG = 0;
export const ONE_ARG = 1;
export const MANY_ARGS = 2;
/** Mode bit: this entry's context differs from the previous entry's (in the chunk's ctxs). */
const CTX_CHANGE = 4;

const FIRST_CHUNK = 1024;
const MAX_CHUNK = 1 << 15;
/** Drained chunks kept for reuse (the largest ones when there are more). */
const POOL_MAX = 4;

export class Chunk {
  readonly size: number;
  fns: (Function | null | undefined)[];
  /** Arguments, allocated on the chunk's first entry that has one (a burst of argument-less
   * callbacks then touches half the memory). */
  args: unknown[] | null = null;
  modes: Uint8Array;
  /** Contexts of the entries marked CTX_CHANGE, allocated on the chunk's first one. */
  ctxs: (AsyncResource | undefined)[] | null = null;
  /** Sequence number of slot 0. */
  base = 0;
  next: Chunk | null = null;
  constructor(size: number) {
    this.size = size;
    this.fns = new Array(size);
    this.modes = new Uint8Array(size);
  }

  newArgs(): unknown[] {
    return (this.args = new Array(this.size));
  }

  newCtxs(): (AsyncResource | undefined)[] {
    return (this.ctxs = new Array(this.size));
  }
}

export class ReadyQueue {
  /** Chunk and slot of the oldest entry. */
  hc: Chunk;
  hi = 0;
  /** Chunk and slot where the next entry goes. */
  private tc: Chunk;
  private ti = 0;
  length = 0;
  /** Sequence number of the oldest entry. */
  headSeq = 0;
  private pool: Chunk[] = [];
  /** Chunks allocated so far (tests watch it: a short queue that never empties reuses two). */
  chunksMade = 1;
  /** Context of the entry at head (valid while length > 0). */
  headCtx: AsyncResource | null = null;
  /** The context last pushed. */
  private tailCtx: AsyncResource | null = null;

  constructor() {
    this.hc = this.tc = new Chunk(FIRST_CHUNK);
  }

  /** Append an entry; returns its sequence number. */
  push(fn: Function, mode: number, arg: unknown, ctx: AsyncResource): number {
    // Kept small so it inlines into callSoon; growth and context changes are out of line.
    let c = this.tc;
    let i = this.ti;
    if (i === c.size) {
      c = this.grow();
      i = 0;
    }
    c.fns[i] = fn;
    if (mode !== NO_ARG) (c.args ?? c.newArgs())[i] = arg;
    this.ti = i + 1;
    const seq = this.headSeq + this.length++;
    if (ctx !== this.tailCtx) this.contextChange(c, i, mode, ctx);
    else c.modes[i] = mode;
    return seq;
  }

  private grow(): Chunk {
    const c = this.tc;
    const size = this.length > c.size >> 1 ? Math.min(c.size * 2, MAX_CHUNK) : c.size;
    const pool = this.pool;
    let n: Chunk | null = null;
    for (let k = pool.length - 1; k >= 0; k--) {
      if (pool[k]!.size === size) {
        n = pool[k]!;
        pool[k] = pool[pool.length - 1]!;
        pool.pop();
        break;
      }
    }
    if (n === null) {
      n = new Chunk(size);
      this.chunksMade++;
    }
    n.base = c.base + c.size;
    c.next = n;
    this.tc = n;
    return n;
  }

  /** Entry (c, i) has another context than the one before it. */
  private contextChange(c: Chunk, i: number, mode: number, ctx: AsyncResource): void {
    this.tailCtx = ctx;
    if (this.length === 1) {
      // Into an empty queue: it is the head.
      this.headCtx = ctx;
      c.modes[i] = mode;
    } else {
      (c.ctxs ?? c.newCtxs())[i] = ctx;
      c.modes[i] = mode | CTX_CHANGE;
    }
  }

  /** Remove the oldest entry (the caller has read it). */
  shift(): void {
    const c = this.hc;
    const i = this.hi;
    c.fns[i] = null;
    if (c.modes[i] !== NO_ARG) c.args![i] = undefined;
    this.length--;
    this.headSeq++;
    let h = c;
    let k = i + 1;
    if (k === c.size) {
      k = 0;
      if (c === this.tc) {
        // The only chunk (and now empty): reuse it from the start.
        this.ti = 0;
        c.base = this.headSeq;
      } else {
        h = this.hc = c.next!;
        c.next = null;
        this.recycle(c);
      }
    }
    this.hi = k;
    if (this.length === 0) {
      // Empty: the next push starts afresh.
      this.tailCtx = null;
      this.headCtx = null;
      return;
    }
    const m = h.modes[k]!;
    if (m >= CTX_CHANGE) {
      // The new head brings its context.
      this.headCtx = h.ctxs![k]!;
      h.ctxs![k] = undefined;
      h.modes[k] = m - CTX_CHANGE;
    }
  }

  /** Keep a drained chunk for reuse; a full pool keeps its largest chunks. */
  private recycle(c: Chunk): void {
    const pool = this.pool;
    if (pool.length < POOL_MAX) {
      pool.push(c);
      return;
    }
    let min = 0;
    for (let k = 1; k < pool.length; k++) if (pool[k]!.size < pool[min]!.size) min = k;
    if (pool[min]!.size < c.size) pool[min] = c;
  }

  /** Cancel a queued entry by sequence number (no-op if it already ran). */
  cancel(seq: number): void {
    const offset = seq - this.headSeq;
    if (offset < 0 || offset >= this.length) return;
    let c: Chunk | null = this.hc;
    while (c !== null && seq >= c.base + c.size) c = c.next;
    if (c === null) return;
    const i = seq - c.base;
    c.fns[i] = null;
    // (An entry not yet at the head may carry CTX_CHANGE: its context stays for the head change.)
    if ((c.modes[i]! & ~CTX_CHANGE) !== NO_ARG) c.args![i] = undefined;
  }

  clear(): void {
    while (this.length > 0) this.shift();
  }
}
