// shared/seeds/000 (Dot Net Perls, "asyncio Example") on aionode: a generator coroutine with
// `yield*` is `@asyncio.coroutine` + `yield from`. Sleeps scaled by SCALE.
import * as aio from "aionode";

const SCALE = 0.01;

const logic = aio.coroutine(function* (max) {
  // This method runs some logic in a loop.
  let count = 0;
  for (let i = 1; i < max; i++) {
    count += i;
    count = count / i;
    // Provide a chance to run other methods.
    yield* aio.sleep(1 * SCALE);
  }
  // Finished (Python prints the integer 0 for logic(1) and floats otherwise).
  console.log("Logic result", max, max > 1 ? String(count) : "0");
});

// Get our event loop.
const loop = aio.getEventLoop();
// Call logic method four times.
const tasks = [aio.ensureFuture(logic(5)), aio.ensureFuture(logic(20)), aio.ensureFuture(logic(10)), aio.ensureFuture(logic(1))];
// Run until all logic methods have completed.
await loop.runUntilComplete(aio.gather(...tasks));
loop.close();
