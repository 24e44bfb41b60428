import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const worker = aio.coroutine(function* (name, delay, result) {
  print("start", name);
  yield* aio.sleep(delay);
  print("end", name);
  return result;
});

await aio.run(function* () {
  const res = yield* aio.gather(worker("a", 0.15, 1), worker("b", 0.05, 2), worker("c", 0.1, "x"));
  print("results", res);
  print("task", aio.currentTask().getName());
});
