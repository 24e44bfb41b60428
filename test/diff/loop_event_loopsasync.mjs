import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const dflt = aio.getEventLoop();
print("default: running", dflt.isRunning(), "closed", dflt.isClosed());
print("get_event_loop() twice is the same", aio.getEventLoop() === dflt);
print("is an AbstractEventLoop", dflt instanceof aio.EventLoop);

const fresh = aio.newEventLoop();
print("new_event_loop() is another loop", fresh !== dflt, aio.getEventLoop() === dflt);
const fresh2 = aio.newEventLoop();
print("each new_event_loop() is new", fresh2 !== fresh);

aio.setEventLoop(fresh);
print("after set_event_loop(fresh)", aio.getEventLoop() === fresh);

function inside(tag) {
  const lp = aio.getEventLoop();
  print(tag, "get_event_loop() is fresh2", lp === fresh2, "is fresh", lp === fresh);
}
// while fresh2 runs, get_event_loop() returns it, whatever the default is
fresh2.callSoon(inside, "in fresh2 callback:");
fresh2.callSoon(() => fresh2.stop());
await fresh2.runForever();
print("after fresh2 stopped", aio.getEventLoop() === fresh);

// module-level helpers bind to the default loop when none runs
const job = aio.coroutine(async function () {
  await aio.sleep(0.001);
  return aio.getRunningLoop() === fresh;
});
const fut = aio.ensureFuture(job());
print("ensure_future outside a loop uses the default:", fut.getLoop() === fresh);
print("job ran on fresh:", await fresh.runUntilComplete(fut));

try {
  aio.setEventLoop(42);
} catch (e) {
  print("set_event_loop(42):", e.name);
}
print("default unchanged", aio.getEventLoop() === fresh);

aio.setEventLoop(dflt);
print("restored", aio.getEventLoop() === dflt);
for (const lp of [fresh, fresh2, dflt]) lp.close();
print("closed", [fresh, fresh2, dflt].map((lp) => lp.isClosed()));
