// shared/seeds/003, Examples #3 and #4: createTask + runUntilComplete, result read after close.
import * as aio from "aionode";

const SCALE = 0.01;

const sampleTask = aio.coroutine(async (taskSeconds) => {
  console.log(`Task takes ${taskSeconds} seconds to complete`);
  await aio.sleep(taskSeconds * SCALE);
  return "task has been completed";
});

const sampleEvent = aio.getEventLoop();
let taskObjectLoop;
try {
  console.log("Creation of tasks started");
  taskObjectLoop = sampleEvent.createTask(sampleTask(3));
  await sampleEvent.runUntilComplete(taskObjectLoop);
} finally {
  sampleEvent.close();
}
console.log(`Task status: ${taskObjectLoop.result()}`);
