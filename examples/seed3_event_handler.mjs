// shared/seeds/003, Example #2: callSoon with arguments (functools.partial), stopping from a callback.
import * as aio from "aionode";

function eventHandler(loop, stop = false) {
  console.log("Calling event handler");
  if (stop) {
    console.log("Loop is being stopped");
    loop.stop();
  }
}

const loop = aio.getEventLoop();
try {
  loop.callSoon(eventHandler, loop);
  console.log("Loop is being started");
  loop.callSoon(eventHandler, loop, true);
  await loop.runForever();
} finally {
  console.log("Loop is being closed");
  loop.close();
}
