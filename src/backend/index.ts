/**
 * Chooses the backend once, at load: the native core when its addon loads and its shared-buffer
 * layout matches (src/backend/layout.ts), else the pure-TypeScript core, with the reason
 * recorded in `backendReason`. AIONODE_BACKEND=js forces the js core; AIONODE_BACKEND=native
 * fails loudly, at import, if the native core cannot be used.
 */
import { createJsBackend } from "./js.js";
import { createNativeBackend, loadAddon } from "./native.js";
import type { Backend } from "./types.js";

function choose(): Backend {
  const forced = process.env.AIONODE_BACKEND;
  if (forced !== undefined && forced !== "" && forced !== "js" && forced !== "native") {
    throw new Error(`AIONODE_BACKEND must be "js" or "native", got ${JSON.stringify(forced)}`);
  }
  if (forced === "js") return createJsBackend("forced by AIONODE_BACKEND=js");
  const loaded = loadAddon();
  if ("addon" in loaded) {
    return createNativeBackend(loaded.addon, forced === "native" ? "forced by AIONODE_BACKEND=native" : "the native addon loaded");
  }
  if (forced === "native") {
    throw new Error(`AIONODE_BACKEND=native was requested but ${loaded.error}; unset it or use AIONODE_BACKEND=js`);
  }
  return createJsBackend(`${loaded.error}; using the js backend`);
}

/** The active backend implementation. */
export const activeBackend: Backend = choose();
/** "native" or "js": which core is active. */
export const backend: "js" | "native" = activeBackend.name;
/** Why that backend is active (for instance why the native core did not load). */
export const backendReason: string = activeBackend.reason;
export type { Backend, TimerCore, WakeDriver } from "./types.js";
