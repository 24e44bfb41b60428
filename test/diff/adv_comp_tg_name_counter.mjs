import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// TaskGroup.create_task(coro, name=...) in 3.11 creates the task unnamed (taking the next Task-N
// number) and then renames it, exactly as asyncio.create_task(coro, name=...) does.
const noop = aio.coroutine(function* () {});

await aio.run(function* () {
  let a, b, c;
  yield* aio.taskGroup(function* (tg) {
    a = tg.createTask(noop());
    b = tg.createTask(noop(), { name: "named" });
    c = tg.createTask(noop());
  });
  print([a, b, c].map((t) => t.getName()));
  const d = aio.createTask(noop(), { name: "named-d" });
  const e = aio.createTask(noop());
  print([d, e].map((t) => t.getName()));
  yield* aio.gather(d, e);
});
