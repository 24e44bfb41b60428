import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Python 3.11's asyncio.run() runs two shutdown coroutines as tasks (shutdown_asyncgens and
// shutdown_default_executor), which take Task-N numbers: the next run's main task is Task-4.

const main = aio.coroutine(function* () {
  yield* aio.sleep(0);
  return aio.currentTask().getName();
});

print("first run", await aio.run(main()));
print("second run", await aio.run(main()));
