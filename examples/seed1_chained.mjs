// shared/seeds/001: chained coroutines, written as generator coroutines (`yield*` = `await`).
import * as aio from "aionode";

const SCALE = 0.01;

const compute = aio.coroutine(function* (x, y) {
  console.log(`Compute ${x} + ${y} ...`);
  yield* aio.sleep(1.0 * SCALE);
  return x + y;
});

const printSum = aio.coroutine(function* (x, y) {
  const result = yield* compute(x, y);
  console.log(`${x} + ${y} = ${result}`);
});

const loop = aio.getEventLoop();
await loop.runUntilComplete(printSum(1, 2));
loop.close();
