import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { attempt, ValueError } from "./task_util.mjs";

const work = aio.coroutine(function* () {
  print("work runs");
  yield* aio.sleep(0);
  print("work ends");
  return "w";
});

await aio.run(function* () {
  const t = aio.createTask(work());
  attempt("set_result on task", () => t.setResult(1));
  attempt("set_exception on task", () => t.setException(new ValueError("no")));
  print("done", t.done());
  print("awaited", yield* t);
  attempt("set_result on done task", () => t.setResult(2));
  attempt("result", () => t.result());
});
