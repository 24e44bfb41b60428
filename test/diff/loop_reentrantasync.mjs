import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
const other = aio.newEventLoop();

// The run methods check their preconditions at the call: they throw, they do not return a
// rejected Promise.
function tryRun(name, fn) {
  try {
    const p = fn();
    print(name, "ok");
    return p;
  } catch (e) {
    print(name, e.name, str(e));
  }
}

function inside() {
  print("inside, running", loop.isRunning());
  tryRun("run_forever again", () => loop.runForever());
  const f = loop.createFuture();
  tryRun("run_until_complete again", () => loop.runUntilComplete(f));
  tryRun("other.run_forever", () => other.runForever());
  const g = other.createFuture();
  tryRun("other.run_until_complete", () => other.runUntilComplete(g));
  print("other running", other.isRunning(), "loop still running", loop.isRunning());
  print("f done", f.done(), "g done", g.done());
  loop.callSoon(after);
}
function after() {
  print("the loop keeps going after the failed attempts");
  loop.stop();
}
loop.callSoon(inside);
await loop.runForever();
print("loop returned, running", loop.isRunning());

// from a task: same errors
const main = aio.coroutine(async function () {
  tryRun("run_until_complete from a task", () => loop.runUntilComplete(loop.createFuture()));
  await aio.sleep(0.001);
  tryRun("other loop from a task", () => other.runForever());
  return "main done";
});
print(await loop.runUntilComplete(main()));

// once the first loop has returned, the other one can run
other.callSoon(print, "other runs now");
other.callSoon(() => other.stop());
await other.runForever();
other.close();
loop.close();
print("closed", loop.isClosed(), other.isClosed());
