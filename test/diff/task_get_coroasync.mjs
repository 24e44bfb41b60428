import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const child = aio.coroutine(async function (x) {
  await aio.sleep(0);
  return x;
});

await aio.run(async () => {
  const co = child(1);
  const t = aio.createTask(co);
  print("get_coro is the coroutine passed", t.getCoro() === co);
  await t;
  print("still after completion", t.getCoro() === co);
  const co2 = child(2);
  const t2 = aio.ensureFuture(co2);
  print("ensure_future task too", t2.getCoro() === co2);
  await t2;
});
