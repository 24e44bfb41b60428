// shared/seeds/002: creating tasks, and stopping the loop. Sleeps scaled by SCALE.
import * as aio from "aionode";

const SCALE = 0.05;

const say = aio.coroutine(async (what, when) => {
  await aio.sleep(when * SCALE);
  console.log(what);
});

const stopAfter = aio.coroutine(async (loop, when) => {
  await aio.sleep(when * SCALE);
  loop.stop();
});

// Creating tasks (stopped once both have printed)
let loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.createTask(say("first hello", 2));
loop.createTask(say("second hello", 1));
loop.createTask(stopAfter(loop, 3));
await loop.runForever();
loop.close();

// Stopping loop
loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.createTask(say("first hello", 2));
loop.createTask(say("second hello", 1));
loop.createTask(say("third hello", 4));
loop.createTask(stopAfter(loop, 3));
await loop.runForever();
loop.close();
