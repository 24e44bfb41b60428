import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// After the "Python Async" tutorial examples #2 and #3: call_soon with functools.partial,
// loop.stop() from a callback, then create_task + run_until_complete on the default loop.

function eventHandler(loop, stop = false) {
  print("Calling event handler");
  if (stop) {
    print("Loop is being stopped");
    loop.stop();
  }
}

const loop = aio.getEventLoop();
try {
  loop.callSoon(eventHandler.bind(null, loop)); // functools.partial
  print("Loop is being started");
  loop.callSoon(eventHandler.bind(null, loop, true));
  loop.callSoon(print.bind(null, "Runs in the same iteration as stop()"));
  await loop.runForever();
} finally {
  print("Loop is being closed");
  loop.close();
}
print("closed", loop.isClosed());

const sampleTask = aio.coroutine(function* (taskSeconds) {
  print(`Task takes ${taskSeconds} seconds to complete`);
  yield* aio.sleep(taskSeconds);
  return "task has been completed";
});

const sampleEvent = aio.newEventLoop();
aio.setEventLoop(sampleEvent);
let taskObjectLoop;
try {
  print("Creation of tasks started");
  taskObjectLoop = sampleEvent.createTask(sampleTask(0.01));
  print("done before running", taskObjectLoop.done());
  await sampleEvent.runUntilComplete(taskObjectLoop);
} finally {
  sampleEvent.close();
}
print(`Task status: ${taskObjectLoop.result()}`);
