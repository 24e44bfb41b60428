// shared/seeds/001: the beginner hello world script, with an async function.
import * as aio from "aionode";

const helloWorld = aio.coroutine(async () => {
  console.log("hello world!");
});

const loop = aio.getEventLoop();
// resolves when the helloWorld() coroutine is done
await loop.runUntilComplete(helloWorld());
loop.close();
