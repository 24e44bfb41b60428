// Shared helpers for the task_* differential pairs (Futures and Tasks).
import { print, repr, str } from "./pyfmt.mjs";

/** print(label, "->", repr(fn())) or the exception's class name and repr(str(e)). */
export function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

/** Python-style exception class: its name is the class name. */
export function errorClass(name, Base = Error) {
  const C = class extends Base {
    constructor(message, options) {
      super(message ?? "", options);
      this.name = name;
    }
  };
  Object.defineProperty(C, "name", { value: name });
  return C;
}

export const ValueError = errorClass("ValueError");
