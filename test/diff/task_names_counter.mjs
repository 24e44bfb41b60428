import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Python 3.11's asyncio.create_task(coro, name=...) creates the task unnamed (taking the next
// Task-N number) and renames it; loop.create_task(coro, name=...) takes no number.

const noop = aio.coroutine(function* () {
  yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const a = aio.createTask(noop());
  const b = aio.createTask(noop(), { name: "named-b" });
  const c = aio.createTask(noop());
  const d = loop.createTask(noop(), { name: "named-d" });
  const e = loop.createTask(noop());
  print([a, b, c, d, e].map((t) => t.getName()));
  yield* aio.gather(a, b, c, d, e);
});
