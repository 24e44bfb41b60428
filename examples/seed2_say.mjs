// shared/seeds/002: simple coroutine, as an async function. Sleeps scaled by SCALE.
import * as aio from "aionode";

const SCALE = 0.01;

const say = aio.coroutine(async (what, when) => {
  await aio.sleep(when * SCALE);
  console.log(what);
});

const loop = aio.getEventLoop();
await loop.runUntilComplete(say("hello world", 1));
loop.close();
