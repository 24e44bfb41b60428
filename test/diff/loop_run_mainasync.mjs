import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// asyncio.run: a new loop, run main to completion, cancel what is left, close the loop.
const loops = [];
const cancelledAtShutdown = [];
const background = aio.coroutine(async function (name) {
  try {
    print("background", name, "starts");
    await aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) cancelledAtShutdown.push(name); // the order follows a set: print it sorted
    throw e;
  }
});
const main = aio.coroutine(async function (x) {
  const loop = aio.getRunningLoop();
  loops.push(loop);
  print("main runs, loop running:", loop.isRunning(), "task:", aio.currentTask().getName());
  aio.getRunningLoop().createTask(background("b1"));
  aio.ensureFuture(background("b2"));
  loop.callLater(10, print, "never: timer dropped at close");
  await aio.sleep(0.005);
  print("main returns");
  return x * 2;
});

print("result", await aio.run(main(21)));
print("cancelled at shutdown", cancelledAtShutdown.sort());
print("loop closed after run:", loops[0].isClosed(), "running:", loops[0].isRunning());
try {
  aio.getRunningLoop();
} catch (e) {
  print("no running loop after run():", str(e));
}

class LookupError extends Error {
  name = "LookupError";
}
const failing = aio.coroutine(async function () {
  await aio.sleep(0.001);
  throw new LookupError("main failed");
});
try {
  await aio.run(failing());
} catch (e) {
  print("run() raised", e.name, str(e));
}

// a second run gets a new loop
const which = aio.coroutine(async function () {
  return aio.getRunningLoop();
});
const second = await aio.run(which());
print("second run used a new loop:", second !== loops[0], second.isClosed());

// run() inside a running loop is an error
const nested = aio.coroutine(async function () {
  try {
    const p = aio.run(which());
    await p; // (not reached: run() throws at the call inside a running loop)
  } catch (e) {
    print("nested run():", e.name, str(e).endsWith("cannot be called from a running event loop"));
  }
  return "nested done";
});
print(await aio.run(nested()));
