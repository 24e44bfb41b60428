/**
 * The text of aionode's reprs (Future, Task, Handle, TimerHandle, "Exception in callback ..."),
 * shaped like asyncio's so that logs read the same: strings quoted as Python's repr() quotes
 * them, exceptions as `ValueError('msg')` (`ValueError()` without a message), floats as Python
 * prints them (`5.0`, `1e-05`), callbacks as `name(arg, ...)`.
 */
import { inspect } from "node:util";

/** Python's repr() of a string: single quotes unless the text has ' and no ". */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === q) out += "\\" + q;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + q;
}

/** A float as Python's repr() prints it: 5.0, 0.25, 1e-05, 1e+16. */
export function pyFloatRepr(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const s = String(x);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  return `${s.slice(0, e)}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** An exception as Python's repr() shows one: `ValueError('bad')`, `ValueError()`. */
export function errorRepr(e: unknown): string {
  if (e instanceof Error) return e.message === "" ? `${e.name}()` : `${e.name}(${pyStrRepr(e.message)})`;
  return valueRepr(e);
}

/**
 * A result value, shortened as asyncio's reprs shorten it (reprlib, 30 characters: the first 13
 * and the last 14 around `...`): strings quoted as Python does, anything else as util.inspect
 * shows it.
 */
export function valueRepr(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? pyStrRepr(v) : inspect(v, { depth: 0, breakLength: Infinity });
  } catch {
    return "?";
  }
  return s.length > 30 ? `${s.slice(0, 13)}...${s.slice(s.length - 14)}` : s;
}

const callbackNames = new WeakMap<Function, string>();

/** Give an internal callback the name asyncio's reprs show for its counterpart (`Task.task_wakeup`). */
export function nameCallback<F extends Function>(fn: F, name: string): F {
  callbackNames.set(fn, name);
  return fn;
}

/** A callback's name in reprs: the asyncio name of an internal one, else the function's own name. */
export function callbackName(fn: Function | null): string {
  if (fn === null) return "<anonymous>";
  return callbackNames.get(fn) ?? (fn.name || "<anonymous>");
}

/** `name(arg1, arg2)` for reprs and messages; arguments as util.inspect shows them (aionode objects show their repr). */
export function callRepr(fn: Function | null, args: readonly unknown[]): string {
  const shown = args.map((a) => inspect(a, { depth: 0, breakLength: Infinity })).join(", ");
  return `${callbackName(fn)}(${shown})`;
}

/** util.inspect's hook: objects that define it show their repr (console.log(fut) prints `<Future pending>`). */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
