import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const log = [];

const body = aio.coroutine(function* (fut) {
  const me = aio.currentTask();
  aio.getRunningLoop().callSoon((x) => log.push(x), "cb");
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("caught", e.name, "log", log);
  }
  print("current is me:", aio.currentTask() === me);
  try {
    yield* aio.sleep(0.05);
    print("slept, not cancelled");
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled at its await", e.name, e.message);
    throw e;
  }
});

await aio.run(function* () {
  const other = aio.newEventLoop();
  const t = aio.createTask(body(other.createFuture()), { name: "body" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("cancel ->", t.cancel("stop"));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await t:", e.name, e.message);
  }
  print("cancelled:", t.cancelled());
  other.close();
});
