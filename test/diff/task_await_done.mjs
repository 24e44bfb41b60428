import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const log = [];

const other = aio.coroutine(function* () {
  log.push("other ran");
});

const instant = aio.coroutine(function* (x) {
  return x * 2;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  f.setResult("ready");
  const t = aio.createTask(instant(5));
  yield* aio.sleep(0);
  print("t done", t.done());

  const o = aio.createTask(other());
  print("await done future ->", yield* f, log);
  print("await done task ->", yield* t, log);
  print("await instant coroutine ->", yield* instant(4), log);
  print("await done future again ->", yield* f, log);
  yield* aio.sleep(0);
  print("after sleep(0)", log, o.done());
});
