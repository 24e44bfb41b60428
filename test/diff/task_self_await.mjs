import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// The messages embed Python reprs of the task/future, which differ by design: print the fixed parts.

const awaitSelf = aio.coroutine(function* () {
  const me = aio.currentTask();
  try {
    yield* me;
  } catch (e) {
    if (e instanceof aio.RuntimeError) print("self await raised", e.name, str(e).split(":")[0]);
    throw e;
  }
});

const awaitSelfCaught = aio.coroutine(function* () {
  try {
    yield* aio.currentTask();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("caught; going on");
  }
  yield* aio.sleep(0);
  return "recovered";
});

await aio.run(function* () {
  const t = aio.createTask(awaitSelf());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("task failed with", e.name, "done", t.done(), "cancelled", t.cancelled());
  }

  print("caught version ->", yield* aio.createTask(awaitSelfCaught()));
});
