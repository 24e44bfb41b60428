/**
 * Cross-thread callSoonThreadsafe for worker_threads (API.md section 9, first bullet).
 *
 * HOW
 *
 *   loop thread                                         worker thread
 *   ───────────                                         ─────────────
 *   h = openThreadsafe(loop, { add, log })
 *   { descriptor, transfer } = h.forWorker()  ──────►  remote = connectLoop(descriptor)
 *                                                       remote.callSoonThreadsafe("add", 1)
 *                                                         numbers → a record in a local batch
 *                                                         other values → postMessage on the
 *                                                           producer's port + a KIND_PORT record
 *                                                       batch full, or end of the synchronous job
 *                                                       (a microtask) → transport push
 *            ◄────────── ring of fixed-size records (threads/types.ts, threads/sab.ts) ──────────
 *   woken (Atomics.waitAsync) → drain every record that arrived → one ready-queue entry per
 *   drained run of records (a PostBatch), in ring order, then one wake-up of the loop → the
 *   batch runs each record's callback in turn, as callSoon callbacks queued back to back
 *   h.close()                                           remote.close()
 *
 *   Functions cannot cross threads, so the loop thread registers its callbacks by name when it
 *   opens the handle and a worker names them; the names travel in the descriptor, so an unknown
 *   name is an error in the worker, at the call. forWorker() gives one descriptor per producer
 *   thread (each carries its own MessagePort for structured-cloneable arguments); remote.close()
 *   sends a closing mark behind its last post, and the loop side then closes and forgets that
 *   port, so a long-lived handle does not collect the ports of workers that came and went.
 *
 *   The consumer drains in a Node task of its own (the waitAsync wake-up), at most MAX_PER_WAKE
 *   records at a time; when more are waiting it yields with setImmediate after waking the loop,
 *   so a running loop runs what arrived before more is drained, and a full ring holds producers
 *   back while it does. A loop that is not running does not hold them back: what they post
 *   collects in its ready queue (as asyncio's call_soon_threadsafe appends to an unbounded
 *   deque) and runs, in order, at the next run.
 *
 *   Keep-alive: while open and ref'd, a handle keeps the process alive with a ref'd interval
 *   timer (Atomics.waitAsync does not keep Node alive); the timer also notices, within a second,
 *   that the handle's loop was closed and closes the handle.
 *
 *   A batch is one ready-queue entry for up to DRAIN_RECORDS posts: the records stay in the
 *   buffer they were drained into (pooled), and the batch calls their callbacks one after another,
 *   each in its own try/catch (a throwing callback is reported like any callSoon callback and the
 *   next one runs). That is exactly what one entry per record would do: the records are queued
 *   back to back, in the same context, so nothing can run between them; callbacks they schedule
 *   go to the end of the queue either way. In debug mode (slow-callback reports per callback) and
 *   with timersFirst (due timers may run between any two callbacks) each record gets its own
 *   entry instead.
 *
 * WHY
 *   Posting a number costs a few stores in the worker and one Atomics.store per record; a wake-up
 *   (a system call and a Node task) happens only when the loop thread had nothing left to drain,
 *   however many posts arrive (DESIGN.md rule 6). A batch entry saves the loop thread a queue
 *   push and a queue shift per post.
 *
 * Loop internals used: the ready queue `_ready.push`, the callback context `_ctxForCallback()`,
 * `_debug` and `_timersFirst` (which entries to make), `_reportCallbackError` (a throwing post),
 * and, once per drained batch, `_wakeState` and `_wakeAfterPush()` (what callSoon does after a
 * push).
 */
import type { AsyncResource } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import { MessageChannel, MessagePort, receiveMessageOnPort, threadId } from "node:worker_threads";
import { RuntimeError } from "./errors.js";
import { EventLoop, describeValue, hooks, isCoroutineLike } from "./loop.js";
import { MANY_ARGS, NO_ARG, ONE_ARG, type ReadyQueue } from "./internal/ready.js";
import { sabTransport } from "./threads/sab.js";
import { activeBackend } from "./backend/index.js";
import {
  KIND_PORT,
  MAX_INDEX,
  RECORD_F64,
  type ThreadsafeConsumer,
  type ThreadsafeProducer,
  type ThreadsafeTransport,
} from "./threads/types.js";

/** Callbacks a ThreadsafeHandle exposes to workers, by name. */
export type ThreadsafeCallbacks = Record<string, (...args: any[]) => unknown>;

export interface ThreadsafeOptions {
  /** Records the ring holds (a power of two, 2 to 2^22; default 8192). Producers wait while it is full. */
  capacity?: number;
}

/**
 * What a worker needs to post to the loop: structured-cloneable, to pass in `workerData` (or a
 * message) together with `transfer`. One descriptor serves one producer thread.
 */
export interface LoopDescriptor<C extends ThreadsafeCallbacks = ThreadsafeCallbacks> {
  readonly kind: "aionode.threadsafe";
  readonly version: 1;
  readonly transport: string;
  readonly shared: unknown;
  readonly names: readonly string[];
  readonly producer: number;
  readonly port: MessagePort;
  readonly loopThreadId: number;
  /** Type only: the callbacks' signatures (never present at run time). */
  readonly callbacks?: C;
}

export interface WorkerConnection<C extends ThreadsafeCallbacks = ThreadsafeCallbacks> {
  readonly descriptor: LoopDescriptor<C>;
  /** The transfer list for `new Worker(..., { workerData, transferList })` or `postMessage`. */
  readonly transfer: MessagePort[];
}

const DESCRIPTOR_KIND = "aionode.threadsafe";
const VERSION = 1;
const DEFAULT_CAPACITY = 8192;
const MAX_CAPACITY = 1 << 22;
/** Records per drain call (the size of the handle's drain buffer). */
const DRAIN_RECORDS = 1024;
/** Records drained per wake-up before the loop gets a turn. */
const MAX_PER_WAKE = 16384;
/** Records a producer buffers before it pushes them without waiting for the end of its job. */
const BATCH = 256;
/** How long close() waits for producers still writing records they reserved before the cut (ms). */
const SETTLE_MS = 1000;
/** How often an open handle checks whether its loop was closed (ms). */
const CHECK_MS = 1000;
/** loop.ts's WAKE_SOON: a batch is running, suspended or queued. */
const LOOP_WAKE_SOON = 1;

/** Transports a worker can connect through: the ring in JS always, the native queue when the addon loaded. */
const TRANSPORTS: Record<string, ThreadsafeTransport> = { sab: sabTransport, [activeBackend.threadsafe.name]: activeBackend.threadsafe };

/** The loop internals a handle uses (see the file comment). */
interface LoopInternals {
  _ready: ReadyQueue;
  _wakeState: number;
  _debug: boolean;
  _timersFirst: boolean;
  _wakeAfterPush(): void;
  _ctxForCallback(): AsyncResource;
  _reportCallbackError(fn: Function, mode: number, arg: unknown, seq: number, exc: unknown): void;
}

/** Drained records waiting in the ready queue as one entry (see the file comment). */
class PostBatch {
  readonly buf = new Float64Array(DRAIN_RECORDS * RECORD_F64);
  n = 0;
  /** Arguments of KIND_PORT records, by record index (received at drain time, in order). */
  cloned: (unknown[] | undefined)[] | null = null;
  constructor(readonly handle: ThreadsafeHandle) {}
}

/** The ready-queue callback of a PostBatch. */
function runPostBatch(b: PostBatch): void {
  b.handle._runBatch(b);
}

/** Drained buffers kept per handle for reuse. */
const BATCH_POOL = 8;

const RESOLVED = Promise.resolve();

/** The port message that says a producer closed (see RemoteLoop.close and _fromPort). */
const CLOSING_MARK = null;

/**
 * Open a handle through which worker threads post calls of `callbacks` to `loop`, to run on the
 * loop's thread as callSoon callbacks. Close it with close() when the producers are done.
 */
export function openThreadsafe<C extends ThreadsafeCallbacks>(
  loop: EventLoop,
  callbacks: C,
  options: ThreadsafeOptions = {},
): ThreadsafeHandle<C> {
  if (!(loop instanceof EventLoop)) {
    throw new TypeError(`openThreadsafe(): an EventLoop was expected, got ${describeValue(loop)}`);
  }
  if (loop.isClosed()) throw new RuntimeError("Event loop is closed");
  if (callbacks === null || typeof callbacks !== "object" || Array.isArray(callbacks)) {
    throw new TypeError(`openThreadsafe(): an object of named callbacks was expected, got ${describeValue(callbacks)}`);
  }
  const names = Object.keys(callbacks);
  if (names.length === 0) throw new TypeError("openThreadsafe(): at least one callback is required");
  if (names.length > MAX_INDEX) throw new RangeError(`openThreadsafe(): at most ${MAX_INDEX} callbacks`);
  const fns: Function[] = [];
  for (const name of names) {
    const fn = callbacks[name];
    if (typeof fn !== "function") {
      throw new TypeError(`openThreadsafe(): callback "${name}" must be a function, got ${describeValue(fn)}`);
    }
    // As loop.callSoonThreadsafe in debug mode (asyncio's _check_callback): a coroutine function
    // would only make a coroutine that nothing runs.
    if ((loop as unknown as LoopInternals)._debug && isCoroutineLike(fn)) {
      throw new TypeError(`openThreadsafe(): callback "${name}": coroutines cannot be used with callSoonThreadsafe()`);
    }
    fns.push(fn);
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(`openThreadsafe(): options must be an object, got ${describeValue(options)}`);
  }
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  if (typeof capacity !== "number") {
    throw new TypeError(`openThreadsafe(): capacity must be a number, got ${describeValue(capacity)}`);
  }
  if (!Number.isInteger(capacity) || capacity < 2 || capacity > MAX_CAPACITY || (capacity & (capacity - 1)) !== 0) {
    throw new RangeError(`openThreadsafe(): capacity must be a power of two from 2 to ${MAX_CAPACITY}, got ${capacity}`);
  }
  return new ThreadsafeHandle<C>(loop, names, fns, activeBackend.threadsafe, capacity);
}

/** The loop-thread end of cross-thread posting (made by openThreadsafe). */
export class ThreadsafeHandle<C extends ThreadsafeCallbacks = ThreadsafeCallbacks> {
  /** The callback names workers may post, in registration order. */
  readonly names: readonly string[];
  private readonly _loop: EventLoop;
  private readonly _internals: LoopInternals;
  private readonly _fns: Function[];
  private readonly _transport: ThreadsafeTransport;
  private readonly _consumer: ThreadsafeConsumer;
  private readonly _ctx: AsyncResource;
  private readonly _pool: PostBatch[] = [];
  private readonly _ports: (MessagePort | null)[] = [];
  private _closed = false;
  private _refed = true;
  private _received = 0;
  private _keepAlive: ReturnType<typeof setInterval> | null;
  private readonly _wakeBound: () => void;

  /** @internal */
  constructor(loop: EventLoop, names: string[], fns: Function[], transport: ThreadsafeTransport, capacity: number) {
    this.names = Object.freeze(names.slice());
    this._loop = loop;
    this._internals = loop as unknown as LoopInternals;
    this._fns = fns;
    this._transport = transport;
    this._consumer = transport.createConsumer(capacity);
    this._ctx = this._internals._ctxForCallback();
    this._wakeBound = () => this._wake();
    this._keepAlive = setInterval(() => {
      if (this._loop.isClosed()) this.close();
    }, CHECK_MS);
    this._arm();
  }

  /** The loop the posts run on. */
  get loop(): EventLoop {
    return this._loop;
  }

  /** Ring capacity in records. */
  get capacity(): number {
    return this._consumer.capacity;
  }

  /** Posts handed to the loop so far. */
  get received(): number {
    return this._received;
  }

  /**
   * A descriptor for one producer thread, and the transfer list that must accompany it:
   * `new Worker(file, { workerData: { loop: c.descriptor }, transferList: c.transfer })`.
   */
  forWorker(): WorkerConnection<C> {
    if (this._closed) throw new RuntimeError("forWorker(): this ThreadsafeHandle is closed");
    const producer = this._ports.length;
    if (producer > MAX_INDEX) throw new RangeError(`forWorker(): at most ${MAX_INDEX + 1} producers per handle`);
    const { port1, port2 } = new MessageChannel();
    this._ports.push(port1);
    const descriptor: LoopDescriptor<C> = {
      kind: DESCRIPTOR_KIND,
      version: VERSION,
      transport: this._transport.name,
      shared: this._consumer.shared,
      names: this.names,
      producer,
      port: port2,
      loopThreadId: threadId,
    };
    return { descriptor, transfer: [port2] };
  }

  /**
   * Close the handle. Every post that reached the ring before the close (its producer's push
   * reserved its place) is handed to the loop and runs as usual; later ones are refused: their
   * producer's next call throws, and its `undelivered` count says how many were dropped. The
   * handle then no longer keeps the process alive. Idempotent.
   */
  close(): void {
    if (this._closed) return;
    this._closed = true;
    if (this._keepAlive !== null) {
      clearInterval(this._keepAlive);
      this._keepAlive = null;
    }
    const c = this._consumer;
    c.close();
    const open = !this._loop.isClosed();
    const deadline = performance.now() + SETTLE_MS;
    let moved = 0;
    while (c.remaining() > 0) {
      const b = this._batch();
      const n = c.drain(b.buf, DRAIN_RECORDS);
      if (n > 0) {
        if (open) this._dispatch(b, n);
        else this._release(b);
        moved += n;
        continue;
      }
      this._release(b);
      if (!c.settle(Math.max(0, deadline - performance.now()))) {
        if (open) {
          this._loop.callExceptionHandler({
            message: `ThreadsafeHandle.close(): ${c.remaining()} post(s) reserved before the close were never written (a producer thread stopped while posting)`,
          });
        }
        break;
      }
    }
    if (open && moved > 0) this._kick();
    for (const port of this._ports) port?.close();
    this._ports.length = 0;
  }

  /** Whether close() was called (or the loop was closed and the handle noticed). */
  closed(): boolean {
    return this._closed;
  }

  /** Keep the process alive while the handle is open (the default). */
  ref(): this {
    this._refed = true;
    this._keepAlive?.ref();
    return this;
  }

  /** Do not keep the process alive for this handle (posts still arrive while something else does). */
  unref(): this {
    this._refed = false;
    this._keepAlive?.unref();
    return this;
  }

  hasRef(): boolean {
    return this._refed && !this._closed;
  }

  toString(): string {
    return `<ThreadsafeHandle ${this._closed ? "closed" : "open"} [${this.names.join(", ")}]>`;
  }

  // ------------------------------------------------------------------ consumer side

  /** Sleep until a producer posts; or drain again at once if posts arrived meanwhile. */
  private _arm(): void {
    const p = this._consumer.waitForPosts();
    if (p === null) setImmediate(this._wakeBound);
    else p.then(this._wakeBound);
  }

  /** A wake-up: drain everything that arrived (up to MAX_PER_WAKE), hand it to the loop. */
  private _wake(): void {
    if (this._closed) return;
    if (this._loop.isClosed()) {
      this.close();
      return;
    }
    const c = this._consumer;
    let total = 0;
    for (;;) {
      const b = this._batch();
      const n = c.drain(b.buf, DRAIN_RECORDS);
      if (n > 0) {
        this._dispatch(b, n);
        total += n;
      } else {
        this._release(b);
      }
      if (total >= MAX_PER_WAKE) break;
      if (n === DRAIN_RECORDS) continue;
      const p = c.waitForPosts();
      if (p !== null) {
        if (total > 0) this._kick();
        p.then(this._wakeBound);
        return;
      }
    }
    // More is waiting: let the loop run what arrived first (its batch is queued before us).
    this._kick();
    setImmediate(this._wakeBound);
  }

  private _batch(): PostBatch {
    return this._pool.pop() ?? new PostBatch(this);
  }

  private _release(b: PostBatch): void {
    b.n = 0;
    b.cloned = null;
    if (this._pool.length < BATCH_POOL) this._pool.push(b);
  }

  /** Queue the n records drained into b: one entry for the batch, or one per record (see the file comment). */
  private _dispatch(b: PostBatch, n: number): void {
    const loop = this._internals;
    const q = loop._ready;
    const ctx = this._ctx;
    const buf = b.buf;
    this._received += n;
    if (!loop._debug && !loop._timersFirst) {
      // Arguments that came through a port are taken now, in record order, so that a close()
      // before the batch runs (it closes the ports) loses nothing.
      for (let j = 0; j < n; j++) {
        const h = buf[j * RECORD_F64]!;
        if ((h & 7) === KIND_PORT) (b.cloned ??= [])[j] = this._fromPort(h >>> 3);
      }
      b.n = n;
      q.push(runPostBatch, ONE_ARG, b, ctx);
      return;
    }
    const fns = this._fns;
    for (let j = 0; j < n; j++) {
      const o = j * RECORD_F64;
      const h = buf[o]!;
      const kind = h & 7;
      const index = h >>> 3;
      if (kind === 1) q.push(fns[index]!, ONE_ARG, buf[o + 1], ctx);
      else if (kind === 0) q.push(fns[index]!, NO_ARG, undefined, ctx);
      else if (kind === 2) q.push(fns[index]!, MANY_ARGS, [buf[o + 1], buf[o + 2]], ctx);
      else if (kind === 3) q.push(fns[index]!, MANY_ARGS, [buf[o + 1], buf[o + 2], buf[o + 3]], ctx);
      else {
        const args = this._fromPort(index);
        if (args === undefined) continue;
        const fn = this._fns[args[0] as number]!;
        const list = args[1] as unknown[];
        if (list.length === 0) q.push(fn, NO_ARG, undefined, ctx);
        else if (list.length === 1) q.push(fn, ONE_ARG, list[0], ctx);
        else q.push(fn, MANY_ARGS, list, ctx);
      }
    }
    this._release(b);
  }

  /**
   * The next message of a producer's port: [callback index, arguments]; or undefined: missing
   * (reported), or the producer's closing mark (its RemoteLoop closed: the port is closed and
   * forgotten, and the record was no post).
   */
  private _fromPort(producer: number): unknown[] | undefined {
    const port = this._ports[producer];
    const got = port ? receiveMessageOnPort(port) : undefined;
    if (got === undefined) {
      this._loop.callExceptionHandler({ message: `ThreadsafeHandle: the message of producer ${producer} is missing from its port` });
      return undefined;
    }
    if (got.message === CLOSING_MARK) {
      port!.close();
      this._ports[producer] = null;
      this._received--;
      return undefined;
    }
    return got.message as unknown[];
  }

  /** Run a batch's records in order, as consecutive callSoon callbacks. @internal */
  _runBatch(b: PostBatch): void {
    const buf = b.buf;
    const n = b.n;
    const fns = this._fns;
    for (let j = 0; j < n; j++) {
      const o = j * RECORD_F64;
      const h = buf[o]!;
      const kind = h & 7;
      const fn = fns[h >>> 3]!;
      try {
        if (kind === 1) fn(buf[o + 1]);
        else if (kind === 0) fn();
        else if (kind === 2) fn(buf[o + 1], buf[o + 2]);
        else if (kind === 3) fn(buf[o + 1], buf[o + 2], buf[o + 3]);
        else this._runCloned(b, j);
      } catch (exc) {
        this._reportPost(b, j, exc);
      }
    }
    this._release(b);
  }

  private _runCloned(b: PostBatch, j: number): void {
    const m = b.cloned?.[j];
    if (m === undefined) return; // missing from its port: reported when drained
    this._fns[m[0] as number]!(...(m[1] as unknown[]));
  }

  /** A post's callback threw: report it as the loop reports a callSoon callback. */
  private _reportPost(b: PostBatch, j: number, exc: unknown): void {
    const o = j * RECORD_F64;
    const h = b.buf[o]!;
    const kind = h & 7;
    let fn = this._fns[h >>> 3]!;
    let mode: number = MANY_ARGS;
    let arg: unknown;
    if (kind === 0) mode = NO_ARG;
    else if (kind === 1) {
      mode = ONE_ARG;
      arg = b.buf[o + 1];
    } else if (kind === 2) arg = [b.buf[o + 1], b.buf[o + 2]];
    else if (kind === 3) arg = [b.buf[o + 1], b.buf[o + 2], b.buf[o + 3]];
    else {
      const m = b.cloned![j]!;
      fn = this._fns[m[0] as number]!;
      const list = m[1] as unknown[];
      if (list.length === 0) mode = NO_ARG;
      else if (list.length === 1) {
        mode = ONE_ARG;
        arg = list[0];
      } else arg = list;
    }
    this._internals._reportCallbackError(fn, mode, arg, -1, exc);
  }

  /** Wake the loop once for everything just pushed (what callSoon does after its push). */
  private _kick(): void {
    const loop = this._internals;
    if (!this._loop.isRunning()) hooks.enterAmbient?.(this._loop);
    if (loop._wakeState !== LOOP_WAKE_SOON) loop._wakeAfterPush();
  }
}

// ------------------------------------------------------------------ producer side

const REMOTE_OPEN = 0;
const REMOTE_CLOSED = 1; // closed by the worker
const REMOTE_REFUSED = 2; // the loop side closed

/** Ports connected in this thread: a descriptor serves one RemoteLoop. */
const connectedPorts = new WeakSet<MessagePort>();

/**
 * Connect to a loop from a worker thread with a descriptor from ThreadsafeHandle.forWorker().
 * The loop's own thread cannot connect (it would wait on itself when the ring is full): use
 * loop.callSoon there.
 */
export function connectLoop<C extends ThreadsafeCallbacks = ThreadsafeCallbacks>(descriptor: LoopDescriptor<C>): RemoteLoop<C> {
  const d = descriptor as LoopDescriptor<C> | null;
  if (d === null || typeof d !== "object" || d.kind !== DESCRIPTOR_KIND) {
    throw new TypeError(
      `connectLoop(): the descriptor from ThreadsafeHandle.forWorker() was expected, got ${describeValue(descriptor)}`,
    );
  }
  if (d.version !== VERSION) {
    throw new TypeError(`connectLoop(): descriptor version ${String(d.version)} from another aionode version (this one reads ${VERSION})`);
  }
  const transport = TRANSPORTS[d.transport];
  if (transport === undefined) throw new TypeError(`connectLoop(): unknown transport ${JSON.stringify(d.transport)}`);
  if (!(d.port instanceof MessagePort) || !Array.isArray(d.names) || !Number.isInteger(d.producer)) {
    throw new TypeError("connectLoop(): the descriptor is incomplete (was it passed with its transfer list?)");
  }
  if (d.loopThreadId === threadId) {
    throw new RuntimeError("connectLoop(): the loop runs on this thread; use loop.callSoon() here");
  }
  if (connectedPorts.has(d.port)) {
    throw new RuntimeError("connectLoop(): this descriptor is already connected; call forWorker() once per producer thread");
  }
  const producer = transport.connectProducer(d.shared);
  connectedPorts.add(d.port);
  return new RemoteLoop<C>(producer, d.names, d.producer, d.port);
}

/** The worker-thread end: posts calls to the loop's thread. */
export class RemoteLoop<C extends ThreadsafeCallbacks = ThreadsafeCallbacks> {
  /** The callback names the loop registered. */
  readonly names: readonly string[];
  private readonly _producer: ThreadsafeProducer;
  private readonly _ids: Map<string, number>;
  private readonly _header: number;
  private readonly _port: MessagePort;
  private readonly _buf = new Float64Array(BATCH * RECORD_F64);
  private _n = 0;
  private _scheduled = false;
  private _state = REMOTE_OPEN;
  private _undelivered = 0;
  private readonly _flushBound: () => void;

  /** @internal */
  constructor(producer: ThreadsafeProducer, names: readonly string[], index: number, port: MessagePort) {
    this.names = Object.freeze(names.slice());
    this._producer = producer;
    this._ids = new Map(names.map((n, i) => [n, i]));
    this._header = index * 8 + KIND_PORT;
    this._port = port;
    this._flushBound = () => {
      this._scheduled = false;
      this.flush();
    };
  }

  /** Posts that were refused because the loop side closed first (they never ran). */
  get undelivered(): number {
    return this._undelivered;
  }

  /**
   * Post `name(...args)` to run on the loop's thread as a callSoon callback. Posts of one thread
   * run in the order they were made. Up to three numeric arguments travel inline through the
   * ring; other structured-cloneable arguments travel through a MessagePort, in the same order.
   * Posts are buffered and pushed when the batch is full or at the end of the current
   * synchronous job (a microtask); flush() pushes them at once. Blocks while the ring is full.
   */
  callSoonThreadsafe<K extends keyof C & string>(name: K, ...args: Parameters<C[K]>): void;
  callSoonThreadsafe(name: string, ..._args: unknown[]): void {
    // Arguments are read from `arguments` by index (the rest array is never touched, so V8 does
    // not materialize it): no allocation per numeric post.
    const id = this._ids.get(name);
    if (id === undefined || this._state !== REMOTE_OPEN || this._producer.consumerClosed()) {
      this._reject(name);
    }
    const nargs = arguments.length - 1;
    if (nargs <= 3) {
      const a: unknown = arguments[1];
      const b: unknown = arguments[2];
      const c: unknown = arguments[3];
      if (
        nargs === 0 ||
        (typeof a === "number" && (nargs === 1 || (typeof b === "number" && (nargs === 2 || typeof c === "number"))))
      ) {
        const buf = this._buf;
        const o = this._n * RECORD_F64;
        buf[o] = id! * 8 + nargs;
        if (nargs !== 0) {
          buf[o + 1] = a as number;
          if (nargs > 1) {
            buf[o + 2] = b as number;
            if (nargs > 2) buf[o + 3] = c as number;
          }
        }
        if (++this._n === BATCH) this.flush();
        else if (!this._scheduled) {
          this._scheduled = true;
          RESOLVED.then(this._flushBound);
        }
        return;
      }
    }
    this._postCloned(name, id!, arguments);
  }

  private _postCloned(name: string, id: number, args: IArguments): void {
    const list: unknown[] = [];
    for (let i = 1; i < args.length; i++) list.push(args[i]);
    try {
      this._port.postMessage([id, list]);
    } catch (err) {
      throw new TypeError(
        `callSoonThreadsafe(): the arguments of "${name}" cannot be sent to another thread: ${(err as Error)?.message ?? String(err)}`,
      );
    }
    this._buf[this._n * RECORD_F64] = this._header;
    if (++this._n === BATCH) this.flush();
    else if (!this._scheduled) {
      this._scheduled = true;
      RESOLVED.then(this._flushBound);
    }
  }

  private _reject(name: unknown): never {
    if (this._state === REMOTE_CLOSED) throw new RuntimeError("callSoonThreadsafe(): this RemoteLoop is closed");
    if (this._state === REMOTE_REFUSED || this._producer.consumerClosed()) {
      this.flush();
      this._state = REMOTE_REFUSED;
      throw new RuntimeError(
        `callSoonThreadsafe(): the loop's ThreadsafeHandle is closed (${this._undelivered} post(s) of this thread were not delivered)`,
      );
    }
    if (typeof name !== "string") {
      throw new TypeError(`callSoonThreadsafe(): a callback name (string) was expected, got ${describeValue(name)}`);
    }
    throw new TypeError(
      `callSoonThreadsafe(): no callback named ${JSON.stringify(name)}; the loop registered: ${this.names.join(", ")}`,
    );
  }

  /** Push the buffered posts now (blocks while the ring is full). */
  flush(): void {
    const n = this._n;
    if (n === 0) return;
    this._n = 0;
    const done = this._producer.push(this._buf, n);
    if (done < n) {
      this._undelivered += n - done;
      this._state = REMOTE_REFUSED;
    }
  }

  /**
   * Push what is buffered and stop posting; later calls throw. The loop side then lets go of this
   * producer's port (after the posts before the close). Idempotent.
   */
  close(): void {
    if (this._state === REMOTE_CLOSED) return;
    this.flush();
    if (this._state === REMOTE_OPEN && !this._producer.consumerClosed()) {
      // The closing mark: a port record whose message is null, behind every post of this thread.
      this._port.postMessage(CLOSING_MARK);
      this._buf[0] = this._header;
      this._producer.push(this._buf, 1);
    }
    this._state = REMOTE_CLOSED;
  }

  /** Closed here, or refused because the loop side closed. */
  closed(): boolean {
    return this._state !== REMOTE_OPEN || this._producer.consumerClosed();
  }

  toString(): string {
    return `<RemoteLoop ${this.closed() ? "closed" : "open"} [${this.names.join(", ")}]>`;
  }
}
