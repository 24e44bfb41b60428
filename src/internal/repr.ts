/**
 * The text of aionode's reprs (Future, Task, Handle, TimerHandle, "Exception in callback ..."),
 * shaped like asyncio's so that logs read the same: strings quoted as Python's repr() quotes
 * them, exceptions as `ValueError('msg')` (`ValueError()` without a message), floats as Python
 * prints them (`5.0`, `1e-05`), callbacks as `name(arg, ...)`.
 */
import { inspect } from "node:util";
import { ExceptionGroup, exceptionGroupMessage } from "../errors.js";

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

/**
 * A float as Python's repr() prints it: 5.0, 0.25, -0.0, 1e-05, 1e+16, inf. The digits are the
 * shortest that round-trip (JavaScript's too); the layout is Python's: positional for decimal
 * exponents -4 to 15, scientific with a two-digit exponent otherwise.
 */
export function pyFloatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const sci = Math.abs(x).toExponential(); // shortest round-trip digits: "d.ddde+N"
  const e = sci.indexOf("e");
  const mant = sci.slice(0, e);
  const exp = Number(sci.slice(e + 1));
  if (exp < -4 || exp >= 16) return `${sign}${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  const digits = mant.replace(".", "");
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, "0");
  const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : "0";
  return `${sign}${int}.${frac}`;
}

/**
 * Python's round(x, 3) of a float: the decimal nearest to x's exact value, ties (x an odd number
 * of sixteenths) to the even last digit; infinities and integers beyond 1e21 unchanged.
 */
export function pyRound3(x: number): number {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const j = x * 16; // exact: a power-of-two scaling
  if (Number.isInteger(j) && j % 2 !== 0) {
    // x * 1000 = 125 * j / 2 lies exactly halfway between two integers: take the even one.
    let n = (BigInt(j) * 125n - 1n) / 2n;
    if (n % 2n !== 0n) n += 1n;
    return Number(`${n}e-3`);
  }
  return Number(x.toFixed(3)); // toFixed rounds x's exact value; Number() reads the decimal back
}

/**
 * An exception as Python's repr() shows one: `ValueError('bad')`, `ValueError()`; an exception
 * group with its message and members: `ExceptionGroup('unhandled errors in a TaskGroup',
 * [ValueError('x')])`.
 */
export function errorRepr(e: unknown): string {
  if (e instanceof ExceptionGroup) {
    const members = Array.isArray(e.errors) ? e.errors.map(errorRepr).join(", ") : "";
    return `${e.name}(${pyStrRepr(exceptionGroupMessage(e))}, [${members}])`;
  }
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
