import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const log = [];

const other = aio.coroutine(async function () {
  log.push("other ran");
});

const instant = aio.coroutine(async function (x) {
  return x * 2;
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  f.setResult("ready");
  const t = aio.createTask(instant(5));
  await aio.sleep(0);
  print("t done", t.done());

  const o = aio.createTask(other());
  print("await done future ->", await f, log);
  print("await done task ->", await t, log);
  print("await instant coroutine ->", await instant(4), log);
  print("await done future again ->", await f, log);
  await aio.sleep(0);
  print("after sleep(0)", log, o.done());
});
