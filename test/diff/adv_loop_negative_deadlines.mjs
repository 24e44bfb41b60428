import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Timers whose deadlines have passed fire in deadline order, like any other timers
// (asyncio keeps them in a heap ordered by when()), however far in the past the deadline is.
const loop = aio.newEventLoop();
function log(name) {
  print(" ", name);
}
function start() {
  const t = loop.time();
  print("scheduling, all in the past");
  loop.callAt(t - 2, log, "A at t-2");
  loop.callAt(t - 4, log, "B at t-4");
  loop.callAt(t - 3, log, "C at t-3");
  loop.callLater(-1, log, "D delay -1");
  loop.callLater(-5, log, "E delay -5");
  loop.callAt(t - 0.001, log, "F at t-0.001");
  loop.callLater(0, log, "G delay 0");
  loop.callSoon(log, "S call_soon");
  loop.callLater(0.05, () => loop.stop());
}
loop.callSoon(start);
await loop.runForever();
loop.close();
