/**
 * The shared-buffer layout of the native core: the TypeScript mirror of native/src/layout.h.
 * The loader compares these numbers with the addon's exported `layout` and refuses an addon
 * that disagrees (a stale prebuild), falling back to the js backend with the reason recorded.
 */
export const LAYOUT = {
  version: 2,
  /** Commands per buffer; each command is two float64 words: (id or -1-id, deadline). */
  cmdCapacity: 4096,
  /** The command word of "the wheel is empty: move its time to (deadline)" (-2^32). */
  cmdSyncTime: -4294967296,
  stateWords: 4,
  stateNextDeadline: 0,
  stateSize: 1,
  stateBytes: 2,
  /** Doubles per cross-thread record (src/threads/types.ts RECORD_F64). */
  recordWords: 4,
  maxTick: Number.MAX_SAFE_INTEGER,
} as const;

export type Layout = { -readonly [K in keyof typeof LAYOUT]: number };

/** The first key whose value differs, or null when the addon's layout matches. */
export function layoutMismatch(native: Record<string, unknown> | undefined): string | null {
  if (native === undefined || native === null) return "the addon exports no layout";
  for (const key of Object.keys(LAYOUT) as (keyof typeof LAYOUT)[]) {
    if (native[key] !== LAYOUT[key]) {
      return `layout.${key} is ${String(native[key])} in the addon, ${LAYOUT[key]} in aionode`;
    }
  }
  return null;
}
