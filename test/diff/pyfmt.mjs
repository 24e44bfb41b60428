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
/** A float as Python prints it (1.0, 0.5, 1e-05 ...). */
export function pyFloat(x) {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  let s = String(x);
  if (s.includes("e")) {
    const [m, e] = s.split("e");
    const exp = Number(e);
    s = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return s;
}
export function pyStr(s) {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
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
