import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { attempt, ValueError } from "./task_util.mjs";

function show(label, f) {
  print(label, "done", f.done(), "cancelled", f.cancelled());
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  const f = loop.createFuture();
  show("pending", f);
  f.setResult(42);
  show("finished", f);
  attempt("result", () => f.result());
  attempt("exception", () => f.exception());
  attempt("cancel", () => f.cancel());
  show("after cancel", f);
  attempt("result still", () => f.result());

  const g = loop.createFuture();
  g.setException(new ValueError("bad value"));
  show("failed", g);
  attempt("exception", () => g.exception());
  attempt("result", () => g.result());
  attempt("cancel", () => g.cancel());

  const h = loop.createFuture();
  attempt("cancel with msg", () => h.cancel("stop it"));
  show("cancelled", h);
  attempt("result", () => h.result());
  attempt("exception", () => h.exception());
  attempt("result again", () => h.result());
  attempt("cancel again", () => h.cancel());

  const k = loop.createFuture();
  k.setException(ValueError);
  attempt("exception from class", () => k.exception());

  const n = loop.createFuture();
  n.setResult(null);
  attempt("None result", () => n.result());
  attempt("None exception", () => n.exception());

  print("await finished", yield* f);
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await failed raised", e.name, str(e));
  }
  try {
    yield* h;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await cancelled raised", e.name, repr(str(e)));
  }
  print("main still running");
});
