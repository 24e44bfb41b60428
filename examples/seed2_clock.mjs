// shared/seeds/002: the clock example, time scaled (a "second" is SCALE seconds), stopped after
// the ninth minute.
import * as aio from "aionode";

const SCALE = 0.004;

const printEverySecond = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const start = loop.time();
  let n = 0;
  for (;;) {
    for (let i = 0; i < 60; i++) {
      console.log(i, "s");
      n += 1;
      yield* aio.sleep(Math.max(0, start + n * SCALE - loop.time()));
    }
  }
});

const printEveryMinute = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const start = loop.time();
  for (let i = 1; i < 10; i++) {
    yield* aio.sleep(Math.max(0, start + (60 * i + 0.5) * SCALE - loop.time()));
    console.log(i, "minute");
  }
});

const main = aio.coroutine(function* () {
  const clock = aio.ensureFuture(printEverySecond());
  yield* printEveryMinute();
  clock.cancel();
});

const loop = aio.getEventLoop();
await loop.runUntilComplete(main());
loop.close();
