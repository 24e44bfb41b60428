/**
 * The cross-thread transport seam (API.md section 9): how posts travel from producer threads to
 * the one thread that runs an event loop. threads.ts speaks only this interface; sab.ts is the
 * pure-JS implementation (a SharedArrayBuffer ring), and a native backend can plug in its own
 * lock-free queue behind the same interface.
 *
 * WHAT TRAVELS: fixed-size records, RECORD_F64 doubles each, in a Float64Array:
 *
 *   [ header, a0, a1, a2 ]
 *
 *   header = index * 8 + kind       (an integer below 2^31)
 *     kind 0..3  : a numeric post: callback number `index`, `kind` numeric arguments a0..
 *     kind 4     : KIND_PORT: the next message of producer number `index` is waiting on that
 *                  producer's MessagePort (structured-cloneable arguments); the consumer reads it
 *                  synchronously with receiveMessageOnPort, so per-producer order is kept.
 *
 * GUARANTEES a transport gives:
 *   - each producer's records come out in the order it pushed them (records of different
 *     producers interleave in reservation order);
 *   - push() never drops a record while the consumer is open: it blocks the producer thread while
 *     the queue is full;
 *   - close() is a clean cut: every record whose push reserved its place before close() will be
 *     drained; every later one is refused, and its producer learns it from push()'s return value.
 */
import { LAYOUT } from "../backend/layout.js";


/** Doubles per record (the native queue's records have the same size: LAYOUT.recordWords). */
export const RECORD_F64 = LAYOUT.recordWords;
/** Numeric arguments a record carries inline. */
export const MAX_INLINE_ARGS = 3;
/** Record kind: the arguments are on the producer's MessagePort. */
export const KIND_PORT = 4;
/** Largest callback or producer index a header can carry. */
export const MAX_INDEX = (1 << 28) - 1;

/** The loop-thread side: one per ThreadsafeHandle. */
export interface ThreadsafeConsumer {
  /** Cells in the queue. */
  readonly capacity: number;
  /** A structured-cloneable value from which producers connect (see ThreadsafeTransport.connectProducer). */
  readonly shared: unknown;
  /**
   * Move up to `max` records, oldest first, into `out` (RECORD_F64 doubles each; only the
   * arguments the header announces are written), free their cells and wake producers blocked on a
   * full queue. Returns the number of records moved; stops early at the first record that is
   * reserved but not yet written. Never blocks.
   */
  drain(out: Float64Array, max: number): number;
  /**
   * Arm a wake-up. Returns null when records are already waiting (drain again), otherwise a
   * promise that settles once a producer has pushed (or the consumer was closed). At most one
   * wake-up is armed at a time; producers signal only an armed consumer (batched wake-ups).
   */
  waitForPosts(): Promise<unknown> | null;
  /**
   * Refuse every push that has not reserved its place yet, wake blocked producers and a pending
   * waitForPosts(). Records reserved before stay drainable: see remaining() and settle().
   */
  close(): void;
  /** After close(): records reserved before close() that have not been drained yet. */
  remaining(): number;
  /**
   * After close(): block this thread until the next reserved record has been written by its
   * producer (true) or `timeoutMs` has passed (false). Producers write a reserved record without
   * ever blocking in between, so this waits for microseconds unless a producer thread died.
   */
  settle(timeoutMs: number): boolean;
}

/** The producer-thread side: one per connected producer. */
export interface ThreadsafeProducer {
  /**
   * Push `n` records from `records` (RECORD_F64 doubles each), in order. Blocks while the queue
   * is full. Returns how many of them will be drained: `n`, unless the consumer closed, in which
   * case a prefix of them (possibly empty) was accepted and the rest refused.
   */
  push(records: Float64Array, n: number): number;
  /** The consumer has closed (cheap, may lag by a moment; push() is exact). */
  consumerClosed(): boolean;
}

export interface ThreadsafeTransport {
  readonly name: string;
  /** A consumer for the calling thread with room for `capacity` records. */
  createConsumer(capacity: number): ThreadsafeConsumer;
  /** A producer for the calling thread from a consumer's `shared` value. */
  connectProducer(shared: unknown): ThreadsafeProducer;
}
