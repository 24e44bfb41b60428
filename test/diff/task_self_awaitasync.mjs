import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// The messages embed Python reprs of the task/future, which differ by design: print the fixed parts.

const awaitSelf = aio.coroutine(async function () {
  const me = aio.currentTask();
  try {
    await me;
  } catch (e) {
    if (e instanceof aio.RuntimeError) print("self await raised", e.name, str(e).split(":")[0]);
    throw e;
  }
});

const awaitSelfCaught = aio.coroutine(async function () {
  try {
    await aio.currentTask();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("caught; going on");
  }
  await aio.sleep(0);
  return "recovered";
});

await aio.run(async () => {
  const t = aio.createTask(awaitSelf());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("task failed with", e.name, "done", t.done(), "cancelled", t.cancelled());
  }

  print("caught version ->", await aio.createTask(awaitSelfCaught()));
});
