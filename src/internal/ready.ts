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
 * The first chunk is small; later ones double up to MAX_CHUNK entries, whose arrays are large
 * enough for V8 to allocate them straight into old space, so a burst's storage is never copied
 * by the young-generation collector.
 *
 * Contexts change rarely between consecutive entries, so they are stored run-length encoded:
 * a change point (first sequence number, context) each time the pushed context differs from the
 * previous one; `headCtx` is the context of the entry at head.
 *
 * Entries are numbered by a running sequence number. A Handle remembers its entry's number,
 * which locates the entry for cancel() while it is queued (a cancelled entry's callback is
 * cleared and skipped).
 */
import type { AsyncResource } from "node:async_hooks";

export const NO_ARG = 0;
export const ONE_ARG = 1;
export const MANY_ARGS = 2;

const FIRST_CHUNK = 1024;
const MAX_CHUNK = 1 << 15;
/** Drained full-size chunks kept for reuse. */
const POOL_MAX = 4;

export class Chunk {
  readonly size: number;
  fns: (Function | null | undefined)[];
  /** Arguments, allocated on the chunk's first entry that has one (a burst of argument-less
   * callbacks then touches half the memory). */
  args: unknown[] | null = null;
  modes: Uint8Array;
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
  /** Context of the entry at head (valid while length > 0). */
  headCtx: AsyncResource | null = null;
  /** The context last pushed. */
  private tailCtx: AsyncResource | null = null;
  /** Pending context change points after the head: parallel arrays from index ctxHead on. */
  private ctxSeqs: number[] = [];
  private ctxVals: AsyncResource[] = [];
  private ctxHead = 0;
  /** Sequence number of the next change point, or -1. */
  private nextCtxSeq = -1;

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
    c.modes[i] = mode;
    this.ti = i + 1;
    const seq = this.headSeq + this.length++;
    if (ctx !== this.tailCtx) this.contextChange(seq, ctx);
    return seq;
  }

  private grow(): Chunk {
    const c = this.tc;
    const size = Math.min(c.size * 2, MAX_CHUNK);
    const n = size === MAX_CHUNK && this.pool.length > 0 ? this.pool.pop()! : new Chunk(size);
    n.base = c.base + c.size;
    c.next = n;
    this.tc = n;
    return n;
  }

  private contextChange(seq: number, ctx: AsyncResource): void {
    this.tailCtx = ctx;
    if (seq === this.headSeq) this.headCtx = ctx;
    else {
      if (this.nextCtxSeq < 0) this.nextCtxSeq = seq;
      this.ctxSeqs.push(seq);
      this.ctxVals.push(ctx);
    }
  }

  /** Remove the oldest entry (the caller has read it). */
  shift(): void {
    const c = this.hc;
    const i = this.hi;
    c.fns[i] = null;
    if (c.modes[i] !== NO_ARG) c.args![i] = undefined;
    this.length--;
    const seq = ++this.headSeq;
    if (seq === this.nextCtxSeq) this.advanceCtx();
    else if (this.length === 0) this.resetCtx();
    if (i + 1 < c.size) {
      this.hi = i + 1;
      return;
    }
    this.hi = 0;
    if (c === this.tc) {
      // The only chunk: reuse it from the start.
      this.ti = 0;
      c.base = this.headSeq;
      return;
    }
    this.hc = c.next!;
    c.next = null;
    if (c.size === MAX_CHUNK && this.pool.length < POOL_MAX) this.pool.push(c);
  }

  private advanceCtx(): void {
    const k = this.ctxHead;
    this.headCtx = this.ctxVals[k]!;
    this.ctxVals[k] = undefined as never;
    this.ctxHead = k + 1;
    if (this.ctxHead < this.ctxSeqs.length) {
      if (this.ctxHead >= 4096 && this.ctxHead * 2 >= this.ctxSeqs.length) {
        // The queue never drained (a long burst): drop the consumed change points.
        this.ctxSeqs = this.ctxSeqs.slice(this.ctxHead);
        this.ctxVals = this.ctxVals.slice(this.ctxHead);
        this.ctxHead = 0;
      }
      this.nextCtxSeq = this.ctxSeqs[this.ctxHead]!;
    } else {
      this.ctxSeqs.length = 0;
      this.ctxVals.length = 0;
      this.ctxHead = 0;
      this.nextCtxSeq = -1;
    }
  }

  private resetCtx(): void {
    // Empty: the next push starts a new run.
    this.tailCtx = null;
    this.headCtx = null;
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
    if (c.modes[i] !== NO_ARG) c.args![i] = undefined;
  }

  clear(): void {
    while (this.length > 0) this.shift();
  }
}
