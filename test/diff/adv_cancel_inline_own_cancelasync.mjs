import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Async twin: the worker and the body are async functions.
const bodyAsync = aio.coroutine(async function (how, dead) {
  if (how === "awaits-cancelled-task") return await dead;
  if (how === "raises-cancelled") throw new aio.CancelledError("own");
  if (how === "raises-value") throw new ValueError("bad");
  return "value";
});
const workerAsync = aio.coroutine(async function (how, then, dead) {
  aio.currentTask().cancel("m5");
  try {
    const r = await bodyAsync(how, dead);
    print(how, then, "body returned", r);
  } catch (e) {
    if (!(e instanceof aio.CancelledError || e instanceof ValueError)) throw e;
    print(how, then, "caught", e.name, repr(str(e)), "cancelling", aio.currentTask().cancelling());
  }
  if (then === "uncancel") print(how, then, "uncancel", aio.currentTask().uncancel());
  if (then === "sleep") {
    try {
      await aio.sleep(0);
      print(how, then, "slept");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(how, then, "sleep raised", repr(str(e)));
      return "after sleep";
    }
  }
  return "returned";
});

await aio.run(function* () {
  const dead = aio.createTask(aio.coroutine(function* () {
    yield* aio.sleep(10);
  })());
  dead.cancel();
  yield* aio.sleep(0);
  for (const how of ["awaits-cancelled-task", "raises-cancelled", "raises-value", "returns"]) {
    for (const [i, then] of ["return", "uncancel", "sleep"].entries()) {
      const t = aio.createTask(workerAsync(how, then, dead));
      try {
        print(how, then, "result", repr(yield* t));
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print(how, then, "task cancelled", repr(str(e)));
      }
    }
  }
});
