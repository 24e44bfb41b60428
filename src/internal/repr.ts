/**
 * The text of aionode's reprs (Future, Task, Handle, TimerHandle, "Exception in callback ..."),
 * shaped like asyncio's so that logs read the same: strings quoted as Python's repr() quotes
 * them, exceptions as `ValueError('msg')` (`ValueError()` without a message), floats as Python
 * prints them (`5.0`, `1e-05`), callbacks as `name(arg, ...)`.
 */
import { inspect } from "node:util";
import { ExceptionGroup, exceptionGroupMessage } from "../errors.js";

/**
 * What Python's str.isprintable() rejects (Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs
 * other than the space), which repr() writes as an escape.
 */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NEEDS_ESCAPE = /[\\'"\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr() of a string: single quotes unless the text has ' and no "; non-printable characters escaped. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (!NEEDS_ESCAPE.test(s)) return q + s + q;
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === q) out += "\\" + q;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      out += c < 0x100 ? "\\x" + c.toString(16).padStart(2, "0") : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + q;
}

/**
 * Python's str() of a value: a string as it is; numbers, arrays (lists), null and undefined
 * (None) and booleans as Python prints their counterparts; an error's message; anything else as
 * String() gives it.
 */
export function pyStr(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number" || Array.isArray(v)) return pyRepr(v);
  if (v instanceof Error) return v.message;
  return String(v);
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

/** Python's repr() of a number: an integer as an integer, anything else as a Python float. */
export function pyNumberRepr(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 && !Object.is(x, -0) ? String(x) : pyFloatRepr(x);
}

function inspectRepr(v: unknown): string {
  try {
    return inspect(v, { depth: 0, breakLength: Infinity });
  } catch {
    return "?";
  }
}

/** None, True and False for null, undefined and the booleans (asyncio's results are often None); else null. */
function pyConstRepr(v: unknown): string | null {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  return null;
}

/**
 * A value in full as Python's repr() shows its counterpart: strings, numbers, null and undefined
 * (None), booleans, arrays (as lists) and errors; anything else as util.inspect shows it (aionode
 * objects show their repr).
 */
export function pyRepr(v: unknown, seen: unknown[] = []): string {
  if (typeof v === "string") return pyStrRepr(v);
  if (typeof v === "number") return pyNumberRepr(v);
  const c = pyConstRepr(v);
  if (c !== null) return c;
  if (v instanceof Error) return errorRepr(v);
  if (Array.isArray(v)) {
    if (seen.includes(v)) return "[...]";
    seen.push(v);
    const s = `[${v.map((x) => pyRepr(x, seen)).join(", ")}]`;
    seen.pop();
    return s;
  }
  return inspectRepr(v);
}

// reprlib.Repr's defaults, which asyncio's reprs use for results and callback arguments.
const MAX_STRING = 30;
const MAX_OTHER = 30;
const MAX_LIST = 6;
const MAX_SET = 6;
const MAX_DICT = 4;
const MAX_LEVEL = 6;
const FILL = "...";

/** Cut `s` as reprlib cuts a repr that is too long: its first 13 and last 14 characters around `...`. */
function cut(s: string[], max: number): string {
  const i = Math.max(0, Math.floor((max - 3) / 2));
  const j = Math.max(0, max - 3 - i);
  return s.slice(0, i).join("") + FILL + s.slice(s.length - j).join("");
}

function reprlib1(v: unknown, level: number): string {
  if (typeof v === "string") {
    // repr_str: the quotes are chosen for what is shown, not for the whole string.
    const chars = Array.from(v);
    const s = pyStrRepr(chars.slice(0, MAX_STRING).join(""));
    if (s.length <= MAX_STRING) return s;
    const i = Math.floor((MAX_STRING - 3) / 2);
    const j = MAX_STRING - 3 - i;
    return cut(Array.from(pyStrRepr(chars.slice(0, i).join("") + chars.slice(chars.length - j).join(""))), MAX_STRING);
  }
  if (Array.isArray(v)) {
    // repr_list: at most six items, six levels deep.
    if (level <= 0 && v.length > 0) return `[${FILL}]`;
    const pieces: string[] = [];
    for (let k = 0; k < Math.min(v.length, MAX_LIST); k++) pieces.push(reprlib1(v[k], level - 1));
    if (v.length > MAX_LIST) pieces.push(FILL);
    return `[${pieces.join(", ")}]`;
  }
  if (v instanceof Set) {
    // repr_set: a Set as Python's set, sorted when its items can be (all numbers or all strings).
    if (v.size === 0) return "set()";
    if (level <= 0) return `{${FILL}}`;
    const items = possiblySorted([...v]);
    const pieces: string[] = [];
    for (let k = 0; k < Math.min(items.length, MAX_SET); k++) pieces.push(reprlib1(items[k], level - 1));
    if (items.length > MAX_SET) pieces.push(FILL);
    return `{${pieces.join(", ")}}`;
  }
  if (v instanceof Map) {
    // repr_dict: a Map as Python's dict, its keys sorted when they can be, at most four entries.
    if (v.size === 0) return "{}";
    if (level <= 0) return `{${FILL}}`;
    const keys = possiblySorted([...v.keys()]);
    const pieces: string[] = [];
    for (let k = 0; k < Math.min(keys.length, MAX_DICT); k++) {
      pieces.push(`${reprlib1(keys[k], level - 1)}: ${reprlib1(v.get(keys[k]), level - 1)}`);
    }
    if (keys.length > MAX_DICT) pieces.push(FILL);
    return `{${pieces.join(", ")}}`;
  }
  // repr_instance (also what a float gets): the full repr, cut when longer than 30 characters.
  const s = typeof v === "number" ? pyNumberRepr(v) : v instanceof Error ? errorRepr(v) : (pyConstRepr(v) ?? inspectRepr(v));
  return s.length > MAX_OTHER ? cut(Array.from(s), MAX_OTHER) : s;
}

/** reprlib's _possibly_sorted: sorted if the items compare (here: all numbers, or all strings), else as they are. */
function possiblySorted(items: unknown[]): unknown[] {
  if (items.every((x) => typeof x === "number" && x === x)) return (items as number[]).sort((a, b) => a - b);
  if (items.every((x) => typeof x === "string")) return (items as string[]).sort(compareCodePoints);
  return items;
}

/** Python's string order: by code point (JavaScript's default sort compares UTF-16 code units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * A value as asyncio's reprs show a result or a callback argument: Python's reprlib.repr() of
 * its counterpart (strings and other reprs longer than 30 characters cut to their first 13 and
 * last 14 around `...`, lists to six items), with pyRepr's Python forms.
 */
export function valueRepr(v: unknown): string {
  return reprlib1(v, MAX_LEVEL);
}

/** Internal callbacks' names in reprs: a name, or a name with bound arguments (a functools.partial). */
const callbackNames = new WeakMap<Function, string | { name: string; args: readonly unknown[] }>();

/** Give an internal callback the name asyncio's reprs show for its counterpart (`Task.task_wakeup`). */
export function nameCallback<F extends Function>(fn: F, name: string): F {
  callbackNames.set(fn, name);
  return fn;
}

/**
 * Show an internal callback as asyncio shows its functools.partial counterpart: `name(args)`,
 * the arguments as valueRepr shows them when the repr is made (`_release_waiter(<Future pending>)`).
 */
export function namePartial<F extends Function>(fn: F, name: string, args: readonly unknown[]): F {
  callbackNames.set(fn, { name, args });
  return fn;
}

/** A callback's name in reprs: the asyncio name of an internal one, else the function's own name. */
export function callbackName(fn: Function | null): string {
  if (fn === null) return "<anonymous>";
  const n = callbackNames.get(fn);
  if (n === undefined) return fn.name || "<anonymous>";
  return typeof n === "string" ? n : `${n.name}(${n.args.map(valueRepr).join(", ")})`;
}

/** `name(arg1, arg2)` for reprs and messages, each argument as valueRepr shows it (asyncio's reprlib.repr). */
export function callRepr(fn: Function | null, args: readonly unknown[]): string {
  return `${callbackName(fn)}(${args.map(valueRepr).join(", ")})`;
}

/** util.inspect's hook: objects that define it show their repr (console.log(fut) prints `<Future pending>`). */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
