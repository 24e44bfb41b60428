import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { attempt, ValueError } from "./task_util.mjs";

const work = aio.coroutine(function* () {
  yield* aio.sleep(0);
  return "w";
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  const f = loop.createFuture();
  attempt("pending result", () => f.result());
  attempt("pending exception", () => f.exception());
  f.setResult(1);
  attempt("set_result twice", () => f.setResult(2));
  attempt("set_exception after result", () => f.setException(new ValueError("x")));
  attempt("result kept", () => f.result());

  const g = loop.createFuture();
  g.setException(new ValueError("first"));
  attempt("set_exception twice", () => g.setException(new ValueError("second")));
  attempt("set_result after exception", () => g.setResult(3));
  attempt("exception kept", () => g.exception().message);

  const h = loop.createFuture();
  h.cancel();
  attempt("set_result after cancel", () => h.setResult(4));
  attempt("set_exception after cancel", () => h.setException(new ValueError("y")));

  const t = aio.createTask(work());
  attempt("pending task result", () => t.result());
  attempt("pending task exception", () => t.exception());
  yield* t;
  attempt("task result", () => t.result());
});
