import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A cancellation is pending (the task cancelled itself) when the task awaits a coroutine that
// runs to its end without suspending: the coroutine's return value arrives; the cancellation is
// delivered at the next real suspension. Same for an `async with timeout()` body with no await.
// Here the generator task awaits an async function (an inline task in aionode).

const noAwait = aio.coroutine(async function () {
  print("body runs to its end");
  return 1;
});

const plain = aio.coroutine(function* () {
  aio.currentTask().cancel("self");
  const r = yield* noAwait();
  print("after await, got", r);
  yield* aio.sleep(0);
  print("not reached");
});

const inTimeout = aio.coroutine(function* () {
  aio.currentTask().cancel("self2");
  const r = yield* aio.timeout(10, async function () {
    return await noAwait();
  });
  print("after the timeout block, got", r);
  yield* aio.sleep(0);
  print("not reached");
});

await aio.run(function* () {
  for (const [name, f] of [["plain", plain], ["in_timeout", inTimeout]]) {
    const t = aio.createTask(f());
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(name, "task cancelled", repr(str(e)));
    }
  }
});
