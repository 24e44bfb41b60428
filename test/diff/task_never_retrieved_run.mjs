import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Python reports the lost task when it is garbage-collected; aionode at the latest when run()
// closes its loop. Either way the report is in before run() returns.
const reports = [];
const keep = []; // keep the lost task alive so that aionode reports it at close(), with context.future
const AppError = errorClass("AppError");

function handler(loop, context) {
  reports.push(tuple(context.message, context.exception.message, context.future.getName()));
}

const fails = aio.coroutine(function* (msg) {
  throw new AppError(msg);
});

const main = aio.coroutine(function* () {
  aio.getRunningLoop().setExceptionHandler(handler);
  keep.push(aio.getRunningLoop().createTask(fails("nobody looks"), { name: "lonely" }));
  const t = aio.getRunningLoop().createTask(fails("looked at"), { name: "watched" });
  yield* aio.sleep(0.005);
  print("watched failed with", t.exception().name);
  return "main result";
});

print("run ->", await aio.run(main()));
print("reports", reports);
