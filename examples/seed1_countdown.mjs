// shared/seeds/001: the generator-based countdown on aionode. Sleeps scaled by SCALE.
import * as aio from "aionode";

const SCALE = 0.05;

const myCoroutine = aio.coroutine(function* (taskName, secondsToSleep = 3) {
  console.log(`${taskName} sleeping for: ${secondsToSleep} seconds`);
  yield* aio.sleep(secondsToSleep * SCALE);
  console.log(`${taskName} is finished`);
});

const loop = aio.getEventLoop();
const tasks = [
  aio.ensureFuture(myCoroutine("task1", 4)),
  aio.ensureFuture(myCoroutine("task2", 3)),
  aio.ensureFuture(myCoroutine("task3", 2)),
];
await loop.runUntilComplete(aio.wait(tasks));
loop.close();
