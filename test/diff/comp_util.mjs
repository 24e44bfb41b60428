// Shared helpers for the comp_* differential pairs (composition, API.md section 5).
import { repr } from "./pyfmt.mjs";

function pyError(name) {
  const cls = class extends Error {
    constructor(message) {
      super(message ?? "");
      this.name = name;
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}

export const ValueError = pyError("ValueError");
export const ZeroDivisionError = pyError("ZeroDivisionError");
export const OSError = pyError("OSError");
export const LookupError = pyError("LookupError");

/** type(v).__name__ */
export function tname(v) {
  if (v === null || v === undefined) return "NoneType";
  if (v instanceof Error) return v.name;
  if (typeof v === "string") return "str";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return v.__tuple ? "tuple" : "list";
  return v.constructor?.name ?? typeof v;
}

/** sorted(names) of a collection of tasks */
export function names(tasks) {
  return [...tasks].map((t) => t.getName()).sort();
}

export { repr };
