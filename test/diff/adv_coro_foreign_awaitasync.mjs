import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const log = [];

const body = aio.coroutine(async function (fut) {
  const me = aio.currentTask();
  aio.getRunningLoop().callSoon((x) => log.push(x), "cb");
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("caught", e.name, "log", log);
  }
  print("current is me:", aio.currentTask() === me);
  try {
    await aio.sleep(0.05);
    print("slept, not cancelled");
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled at its await", e.name, e.message);
    throw e;
  }
});

await aio.run(async () => {
  const other = aio.newEventLoop();
  const t = aio.createTask(body(other.createFuture()), { name: "body" });
  await aio.sleep(0);
  await aio.sleep(0);
  print("cancel ->", t.cancel("stop"));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await t:", e.name, e.message);
  }
  print("cancelled:", t.cancelled());
  other.close();
});
