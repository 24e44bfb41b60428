// The quick start of the README (and of shared/API.md): both coroutine styles under run().
// Sleeps scaled by SCALE.
import * as aio from "aionode";

const SCALE = 0.01;

const logic = aio.coroutine(function* (max) {
  // like @asyncio.coroutine + yield from
  let count = 0;
  for (let i = 1; i < max; i++) {
    count += i;
    count /= i;
    yield* aio.sleep(1 * SCALE);
  }
  console.log("Logic result", max, count);
});

async function say(what, when) {
  // like async def
  await aio.sleep(when * SCALE);
  console.log(what);
}

await aio.run(function* () {
  yield* aio.gather(logic(5), logic(20), say("hi", 0.5));
});
