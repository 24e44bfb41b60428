/**
 * The native cross-thread transport: the C++ lock-free queue of native/src/threadsafe.h, woken
 * through one uv_async handle (DESIGN.md rule 6). Same contract as the SharedArrayBuffer ring
 * (threads/types.ts); the records are the same four doubles, copied in and out in batches, one
 * native call per batch on each side.
 *
 * `shared` is a token: the addon keeps a process-wide registry of open channels, and a worker's
 * producer finds its channel by token (the channel outlives the consumer for as long as a
 * producer holds it; pushes to a closed channel are refused).
 */
import type { NativeAddon } from "../backend/native.js";
import { RECORD_F64, type ThreadsafeConsumer, type ThreadsafeProducer, type ThreadsafeTransport } from "./types.js";

interface NativeShared {
  readonly token: number;
}

class NativeConsumer implements ThreadsafeConsumer {
  readonly capacity: number;
  readonly shared: NativeShared;
  private readonly _c: InstanceType<NativeAddon["Consumer"]>;
  private _wake: (() => void) | null = null;
  private _closed = false;

  constructor(addon: NativeAddon, capacity: number) {
    // The addon holds its wake-up function by a persistent reference until the native consumer
    // is collected: a function holding `this` would keep both alive forever, and with them the
    // ring (capacity x 32 bytes) and the channel's registration, for every handle ever opened.
    // While the handle is open its keep-alive timer holds it, and so this consumer.
    const self = new WeakRef(this);
    this._c = new addon.Consumer(capacity, () => self.deref()?._woken());
    this.capacity = this._c.capacity;
    this.shared = { token: this._c.token };
  }

  /** @internal */
  _woken(): void {
    const wake = this._wake;
    this._wake = null;
    if (wake !== null) wake();
  }

  drain(out: Float64Array, max: number): number {
    return this._c.drain(out, Math.min(max, Math.floor(out.length / RECORD_F64)));
  }

  waitForPosts(): Promise<unknown> | null {
    if (this._closed || !this._c.arm()) return null;
    return new Promise<void>((resolve) => {
      this._wake = resolve;
    });
  }

  close(): void {
    if (this._closed) return;
    this._closed = true;
    this._c.close();
    this._woken();
  }

  remaining(): number {
    return this._closed ? this._c.remaining() : 0;
  }

  settle(timeoutMs: number): boolean {
    return this._c.settle(timeoutMs);
  }
}

class NativeProducer implements ThreadsafeProducer {
  private readonly _p: InstanceType<NativeAddon["Producer"]>;
  /** The channel's closed flag, read in place: callSoonThreadsafe checks it on every post. */
  private readonly _status: Int32Array | null;
  constructor(addon: NativeAddon, shared: NativeShared) {
    this._p = new addon.Producer(shared.token);
    this._status = this._p.statusWord();
  }
  push(records: Float64Array, n: number): number {
    return this._p.push(records, n);
  }
  consumerClosed(): boolean {
    const s = this._status;
    return s === null ? this._p.consumerClosed() : Atomics.load(s, 0) !== 0;
  }
}

/** A producer for a channel that no longer exists: every push is refused. */
const CLOSED_PRODUCER: ThreadsafeProducer = {
  push: () => 0,
  consumerClosed: () => true,
};

export function nativeTransport(addon: NativeAddon): ThreadsafeTransport {
  return {
    name: "native",
    createConsumer(capacity: number): ThreadsafeConsumer {
      return new NativeConsumer(addon, capacity);
    },
    connectProducer(shared: unknown): ThreadsafeProducer {
      const s = shared as NativeShared | null;
      if (s === null || typeof s !== "object" || typeof s.token !== "number") {
        throw new TypeError("connectLoop(): the descriptor's shared part is not a native channel");
      }
      try {
        return new NativeProducer(addon, s);
      } catch (err) {
        // A TypeError is a bad token; otherwise the channel is gone: its handle was closed and
        // collected. A late producer learns that from its first post, as with a closed handle
        // that is still around (and the js ring).
        if (err instanceof TypeError) throw err;
        return CLOSED_PRODUCER;
      }
    },
  };
}
