// Python-style formatting for the aionode twins of test/diff/*.py, so traces compare textually.
export function repr(v) {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isInteger(v) && !Object.is(v, -0) && v.__float !== true ? String(v) : pyFloat(v);
  if (typeof v === "string") return pyStr(v);
  if (Array.isArray(v)) return v.__tuple ? (v.length === 1 ? `(${repr(v[0])},)` : `(${v.map(repr).join(", ")})`) : `[${v.map(repr).join(", ")}]`;
  if (v instanceof Set) return v.size === 0 ? "set()" : `{${[...v].map(repr).join(", ")}}`;
  if (v instanceof Error) return `${v.name}(${v.message === "" ? "" : pyStr(v.message)})`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(", ")}}`;
  if (typeof v === "object" && v.constructor === Object) return `{${Object.entries(v).map(([k, x]) => `${pyStr(k)}: ${repr(x)}`).join(", ")}}`;
  return String(v);
}
/** A float as Python's repr() prints it: 1.0, 0.5, -0.0, 1e-05, 1e+16, inf, nan. */
export function pyFloat(x) {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (Object.is(x, -0)) return "-0.0";
  // The shortest digits that round-trip (JavaScript's and Python's are the same); Python writes
  // them positionally for decimal exponents -4 to 15, else in scientific notation.
  const [m, e] = x.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  const s = x.toFixed(Math.max(0, m.replace(/^-?\d\.?/, "").length - exp));
  return s.includes(".") ? s : `${s}.0`;
}
/** What Python's str.isprintable() rejects (the space aside), which repr() escapes. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
/** A string as Python's repr() prints it: its choice of quotes, and its escapes. */
export function pyStr(s) {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === "\\" || ch === q) out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      out += c < 0x100 ? "\\x" + c.toString(16).padStart(2, "0") : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + q;
}
/** str(exc) as Python prints it: the message. */
export function str(v) {
  if (typeof v === "string") return v;
  if (v instanceof Error) return v.message;
  return repr(v);
}
/** A tuple marker so repr prints (a, b). */
export function tuple(...xs) {
  xs.__tuple = true;
  return xs;
}
/** print(*args) */
export function print(...args) {
  console.log(args.map((a) => (typeof a === "string" ? a : repr(a))).join(" "));
}
