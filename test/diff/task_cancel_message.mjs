import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";
import { attempt } from "./task_util.mjs";

const victim = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "caught", repr(str(e)), "args", e.message === "" ? tuple() : tuple(e.message));
    throw e;
  }
});

const neverRuns = aio.coroutine(function* () {
  print("never printed");
});

await aio.run(function* () {
  let t = aio.createTask(victim("t1"));
  yield* aio.sleep(0);
  print("cancel ->", t.cancel("first reason"));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await t raised", repr(str(e)));
  }
  print("cancelled", t.cancelled());
  attempt("result", () => t.result());
  attempt("exception", () => t.exception());
  attempt("result again", () => t.result());

  t = aio.createTask(victim("t2"));
  yield* aio.sleep(0);
  t.cancel("second reason");
  yield* aio.sleep(0);
  print("done", t.done(), "cancelled", t.cancelled());
  attempt("result", () => t.result());
  attempt("result again", () => t.result());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await after retrievals raised", repr(str(e)));
  }

  t = aio.createTask(victim("t3"));
  yield* aio.sleep(0);
  t.cancel("third");
  yield* aio.sleep(0);
  attempt("exception", () => t.exception());
  attempt("result", () => t.result());

  t = aio.createTask(victim("t4"));
  yield* aio.sleep(0);
  t.cancel();
  yield* aio.sleep(0);
  attempt("result without msg", () => t.result());

  t = aio.createTask(neverRuns());
  t.cancel("before start");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await never-started raised", repr(str(e)));
  }
  attempt("result", () => t.result());
});
