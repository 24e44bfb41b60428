// Shared helpers for the adv9b_* differential pairs (exceptions as they travel).
import * as aio from "aionode";
import { repr } from "./pyfmt.mjs";

/** Python's repr() of an exception, an ExceptionGroup as `ExceptionGroup('msg', [...])`. */
export function rep(e) {
  if (e instanceof aio.ExceptionGroup) {
    const msg = e.message.replace(/ \(\d+ sub-exceptions?\)$/, "");
    return `${e.name}(${repr(msg)}, [${e.errors.map(rep).join(", ")}])`;
  }
  return repr(e);
}
