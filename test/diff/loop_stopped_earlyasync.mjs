import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();

// stop() while run_until_complete waits: RuntimeError, the future stays pending
const fut = loop.createFuture();
loop.callSoon(() => loop.stop());
try {
  await loop.runUntilComplete(fut);
} catch (e) {
  print(e.name, str(e));
}
print("fut done", fut.done(), "running", loop.isRunning());

// the same future can be awaited again by a later run
loop.callLater(0.01, (v) => fut.setResult(v), "late");
print("second run", await loop.runUntilComplete(fut));

// a task interrupted by stop() keeps its state and finishes on the next run
const steps = aio.coroutine(async function () {
  for (let i = 0; i < 3; i++) {
    print("step", i);
    await aio.sleep(0);
  }
  return "steps done";
});
function stopAfter(n) {
  // stop the loop n iterations from now (deterministic, unlike a timer)
  if (n === 0) loop.stop();
  else loop.callSoon(stopAfter, n - 1);
}
const task = loop.createTask(steps());
loop.callSoon(stopAfter, 1);
try {
  await loop.runUntilComplete(task);
} catch (e) {
  print(e.name, str(e));
}
print("task done", task.done());
print("resumed", await loop.runUntilComplete(task));

// stop() before run_until_complete: one iteration, then the same error
const fut2 = loop.createFuture();
loop.callSoon(print, "the one iteration");
loop.stop();
try {
  await loop.runUntilComplete(fut2);
} catch (e) {
  print(e.name, str(e));
}

// ...unless the future completes in that iteration
const fut3 = loop.createFuture();
loop.callSoon((v) => fut3.setResult(v), "in time");
loop.stop();
print("fut3", await loop.runUntilComplete(fut3));
loop.close();
