/**
 * The native backend: the C++ timer wheel and libuv driver of native/, loaded with node-gyp-build.
 *
 * HOW (DESIGN.md rule 1): timer ids are allocated here, in JS, from a free list, so schedule()
 * and cancel() only append a command (two float64 words) to a shared buffer: no native call per
 * callLater or cancel. The loop calls advance() once per iteration; that one native call applies
 * the buffered commands in order, advances the wheel and writes the expired ids into the loop's
 * `out` buffer, and publishes the wheel's next deadline and size in a shared state buffer. When
 * the command buffer fills between iterations, flush() applies it (one call per 4096 commands).
 *
 * nextDeadline() is asked when the loop is about to sleep: it applies the buffered commands and
 * reads the wheel's next deadline (a lower bound, as the interface asks).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LAYOUT, layoutMismatch } from "./layout.js";
import type { Backend, TimerCore, WakeDriver } from "./types.js";
import { nativeTransport } from "../threads/native.js";

interface NativeTimerCoreBinding {
  setOut(out: Int32Array): void;
  advance(n: number, now: number, max: number): number;
  flush(n: number): void;
  clear(): void;
}
interface NativeDriverBinding {
  readonly precise: boolean;
  arm(delayUs: number): void;
  disarm(): void;
  close(): void;
}
interface NativeConsumerBinding {
  readonly token: number;
  readonly capacity: number;
  drain(out: Float64Array, max: number): number;
  arm(): boolean;
  close(): void;
  remaining(): number;
  settle(timeoutMs: number): boolean;
}
interface NativeProducerBinding {
  push(records: Float64Array, n: number): number;
  consumerClosed(): boolean;
  /** An Int32Array over the channel's closed flag (0 open, 1 closed); null if the channel is gone. */
  statusWord(): Int32Array | null;
}
export interface NativeAddon {
  layout: Record<string, unknown>;
  Consumer: new (capacity: number, onPosts: () => void) => NativeConsumerBinding;
  Producer: new (token: number) => NativeProducerBinding;
  TimerCore: new (cmds: Float64Array, state: Float64Array) => NativeTimerCoreBinding;
  Driver: new (onWake: (reason: number) => void) => NativeDriverBinding;
}

const CAP = LAYOUT.cmdCapacity;

export class NativeTimerCore implements TimerCore {
  private readonly _cmds = new Float64Array(2 * CAP);
  private readonly _state = new Float64Array(LAYOUT.stateWords);
  private readonly _core: NativeTimerCoreBinding;
  private _n = 0;
  private _size = 0;
  /** Free ids (a stack) and the next never-used id. */
  private _free = new Int32Array(1024);
  private _freeTop = 0;
  private _nextId = 0;
  private _out: Int32Array | null = null;

  constructor(addon: NativeAddon) {
    this._core = new addon.TimerCore(this._cmds, this._state);
  }

  get size(): number {
    return this._size;
  }

  /** Bytes the C++ wheel holds (published by the last native call). */
  get nativeBytes(): number {
    return this._state[LAYOUT.stateBytes]!;
  }

  schedule(deadline: number): number {
    const id = this._freeTop > 0 ? this._free[--this._freeTop]! : this._nextId++;
    this._command(id, deadline);
    this._size++;
    return id;
  }

  cancel(id: number): void {
    this._command(-1 - id, 0);
    this._size--;
    this._release(id);
  }

  syncTime(now: number): void {
    this._command(LAYOUT.cmdSyncTime, now);
  }

  /** Append one command (word, value) to the shared buffer; a full buffer is applied first. */
  private _command(word: number, value: number): void {
    let n = this._n;
    if (n === CAP) {
      this._core.flush(n);
      n = 0;
    }
    this._cmds[2 * n] = word;
    this._cmds[2 * n + 1] = value;
    this._n = n + 1;
  }

  advance(now: number, out: Int32Array): number {
    if (out !== this._out) {
      this._core.setOut(out);
      this._out = out;
    }
    const k = this._core.advance(this._n, now, out.length);
    this._n = 0;
    this._size -= k;
    for (let i = 0; i < k; i++) this._release(out[i]!);
    return k;
  }

  nextDeadline(): number {
    if (this._size === 0) return -1;
    // The loop asks when it is about to sleep: apply buffered commands first, so that a cancelled
    // far timer does not keep the process alive (one native call per sleep, not per operation).
    if (this._n > 0) {
      this._core.flush(this._n);
      this._n = 0;
    }
    return this._state[LAYOUT.stateNextDeadline]!;
  }

  clear(): void {
    this._core.clear();
    this._n = 0;
    this._size = 0;
    this._freeTop = 0;
    this._nextId = 0;
  }

  private _release(id: number): void {
    if (this._freeTop === this._free.length) {
      const grown = new Int32Array(this._free.length * 2);
      grown.set(this._free);
      this._free = grown;
    }
    this._free[this._freeTop++] = id;
  }
}

/** The libuv driver: a timerfd watched by uv_poll on Linux (µs), a uv_timer elsewhere. */
class NativeDriver implements WakeDriver {
  private readonly _d: NativeDriverBinding;
  constructor(addon: NativeAddon, onWake: () => void) {
    this._d = new addon.Driver(onWake);
  }
  get precise(): boolean {
    return this._d.precise;
  }
  arm(delayMs: number): void {
    this._d.arm(delayMs * 1000);
  }
  disarm(): void {
    this._d.disarm();
  }
  close(): void {
    this._d.close();
  }
}

/**
 * The package root, where build/ and prebuilds/ live: the nearest directory above this module with
 * a package.json (dist/aionode.js, the bundle: ..; src/backend/native.ts and tsc's
 * dist/backend/native.js: ../..).
 */
function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) return here;
    dir = up;
  }
}

/** Load the addon; returns it, or the reason it cannot be used. */
export function loadAddon(): { addon: NativeAddon } | { error: string } {
  let addon: NativeAddon;
  try {
    const require = createRequire(import.meta.url);
    const load = require("node-gyp-build") as (dir: string) => unknown;
    addon = load(packageRoot()) as NativeAddon;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0]! : String(err);
    return { error: `the native addon did not load (${msg})` };
  }
  const mismatch = layoutMismatch(addon.layout);
  if (mismatch !== null) return { error: `the native addon does not match this aionode: ${mismatch}` };
  return { addon };
}

export function createNativeBackend(addon: NativeAddon, reason: string): Backend {
  return {
    name: "native",
    reason,
    createTimerCore(): TimerCore {
      return new NativeTimerCore(addon);
    },
    createDriver(onWake: () => void): WakeDriver {
      return new NativeDriver(addon, onWake);
    },
    threadsafe: nativeTransport(addon),
  };
}
