import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// In debug mode, the context of a callback that raised says where the callback was scheduled
// (asyncio: 'source_traceback'; aionode: 'sourceTraceback'), for call_soon and timer handles.
const loop = aio.newEventLoop();
loop.setDebug(true);
function handler(lp, ctx) {
  const tb = ctx.sourceTraceback;
  print(ctx.message.split(" at ")[0], "| has source traceback:", tb !== undefined && tb !== null && tb.length > 0);
}
function boom(tag) {
  throw new Error(tag);
}
function fromCallback() {
  loop.callSoon(boom, "scheduled from a callback");
}
loop.setExceptionHandler(handler);
loop.callSoon(boom, "call_soon");
loop.callLater(0, boom, "call_later");
loop.callAt(loop.time(), boom, "call_at");
loop.callSoon(fromCallback);
loop.callLater(0.05, () => loop.stop());
await loop.runForever();
loop.close();
