import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
const other = aio.newEventLoop();
const names = new Map([
  [loop, "loop"],
  [other, "other"],
]);
function check(where) {
  try {
    const lp = aio.getRunningLoop();
    print(where, "running loop:", names.get(lp) ?? "?");
  } catch (e) {
    print(where, e.name, str(e));
  }
}
check("module level");

function cb(tag) {
  check("callback " + tag);
  print("  get_event_loop() is the running loop:", aio.getEventLoop() === aio.getRunningLoop());
}
const coro = aio.coroutine(async function (tag) {
  check("task " + tag + " before await");
  await aio.sleep(0.02);
  check("task " + tag + " after await");
  const loopIn = aio.getRunningLoop();
  const fut = loopIn.createFuture();
  loopIn.callSoon((v) => fut.setResult(v), tag);
  return await fut;
});

loop.callSoon(cb, "1");
loop.callLater(0.005, cb, "timer");
print(await loop.runUntilComplete(coro("A")));
check("between runs");
other.callSoon(cb, "2");
print(await other.runUntilComplete(coro("B")));
check("after other");

// a future's done callback sees the loop it runs on
const fut = loop.createFuture();
fut.addDoneCallback(() => check("done callback"));
loop.callSoon((v) => fut.setResult(v), null);
await loop.runUntilComplete(fut);
// the default loop does not count as running
aio.setEventLoop(loop);
check("default loop set, not running");
print("get_event_loop() returns the default loop", aio.getEventLoop() === loop);
other.close();
loop.close();
check("after close");
