/** The pure-TypeScript backend: the hierarchical timer wheel of src/internal/wheel.ts, woken by setTimeout. */
import { TimerWheel } from "../internal/wheel.js";
import type { Backend, TimerCore, WakeDriver } from "./types.js";
import { sabTransport } from "../threads/sab.js";

/** The longest delay setTimeout takes. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * setTimeout counts whole milliseconds from libuv's cached loop time and may fire up to a
 * millisecond early by the loop clock; the loop re-arms when it wakes before a deadline, so timers
 * still never fire early.
 */
class TimeoutDriver implements WakeDriver {
  readonly precise = false;
  private _timeout: ReturnType<typeof setTimeout> | null = null;
  private readonly _fire: () => void;

  constructor(onWake: () => void) {
    this._fire = () => {
      this._timeout = null;
      onWake();
    };
  }

  arm(delayMs: number): void {
    if (this._timeout !== null) clearTimeout(this._timeout);
    // setTimeout takes at most 2^31 - 1 ms (about 24.8 days); anything longer becomes 1 ms with
    // a TimeoutOverflowWarning. A farther deadline wakes the loop early, and it re-arms.
    const ms = delayMs > 1 ? Math.ceil(delayMs) : 1;
    this._timeout = setTimeout(this._fire, ms < MAX_TIMEOUT_MS ? ms : MAX_TIMEOUT_MS);
  }

  disarm(): void {
    if (this._timeout !== null) {
      clearTimeout(this._timeout);
      this._timeout = null;
    }
  }

  close(): void {
    this.disarm();
  }
}

export function createJsBackend(reason: string): Backend {
  return {
    name: "js",
    reason,
    createTimerCore(): TimerCore {
      return new TimerWheel(1024);
    },
    createDriver(onWake: () => void): WakeDriver {
      return new TimeoutDriver(onWake);
    },
    threadsafe: sabTransport,
  };
}
