/**
 * Chooses the backend once, at load. AIONODE_BACKEND=js forces the pure-TypeScript core;
 * AIONODE_BACKEND=native fails loudly if the native core cannot be used. Until the native core
 * lands (see the native-core issue), the js backend is the only one, and the reason says so.
 */
import { createJsBackend } from "./js.js";
import type { Backend } from "./types.js";

function choose(): Backend {
  const forced = process.env.AIONODE_BACKEND;
  if (forced !== undefined && forced !== "" && forced !== "js" && forced !== "native") {
    throw new Error(`AIONODE_BACKEND must be "js" or "native", got ${JSON.stringify(forced)}`);
  }
  if (forced === "native") {
    throw new Error(
      "AIONODE_BACKEND=native was requested but this build of aionode has no native core; unset it or use AIONODE_BACKEND=js",
    );
  }
  if (forced === "js") return createJsBackend("forced by AIONODE_BACKEND=js");
  return createJsBackend("no native core in this build");
}

/** The active backend implementation. */
export const activeBackend: Backend = choose();
/** "native" or "js": which core is active. */
export const backend: "js" | "native" = activeBackend.name;
/** Why that backend is active (for instance why the native core did not load). */
export const backendReason: string = activeBackend.reason;
export type { Backend, TimerCore } from "./types.js";
