import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// Handles cancelled by their own callbacks (call_soon and timers), which then return or raise:
// cancelled(), repr, when() afterwards, and what the exception handler is told about a callback
// whose handle was cancelled while it ran.
const loop = aio.newEventLoop();
const H = {};
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
loop.setExceptionHandler((lp, ctx) => print("  handler:", ctx.message, "|", ctx.exception.name, str(ctx.exception)));
function sc(key, ...args) {
  const h = H[key];
  print("  ", key, "running; cancelled", h.cancelled());
  h.cancel();
  print("  ", key, "after self-cancel", h.cancelled(), String(h));
  if (args.length && args.at(-1) === "raise") throw new ValueError("raised by " + key);
}
H.s1 = loop.callSoon(sc, "s1", 1);
H.s2 = loop.callSoon(sc, "s2", "raise");
H.t1 = loop.callAt(-4.5, sc, "t1", 1);
H.t2 = loop.callAt(-4.25, sc, "t2", "raise");
loop.callSoon(() => loop.stop());
await loop.runForever();
for (const k of ["s1", "s2", "t1", "t2"]) {
  const h = H[k];
  print(k, h.cancelled(), String(h), h instanceof aio.TimerHandle ? h.when() : "");
}
loop.close();
