/** The pure-TypeScript backend: the hierarchical timer wheel of src/internal/wheel.ts. */
import { TimerWheel } from "../internal/wheel.js";
import type { Backend, TimerCore } from "./types.js";

export function createJsBackend(reason: string): Backend {
  return {
    name: "js",
    reason,
    createTimerCore(): TimerCore {
      return new TimerWheel(1024);
    },
  };
}
