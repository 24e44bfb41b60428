import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { attempt } from "./task_util.mjs";

const victim = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "caught", repr(str(e)));
    throw e;
  }
});

const waitsOn = aio.coroutine(function* (inner) {
  try {
    yield* inner;
  } catch (e) {
    if (e instanceof aio.CancelledError) print("outer caught", repr(str(e)));
    throw e;
  }
});

await aio.run(function* () {
  const t = aio.createTask(victim("v"));
  yield* aio.sleep(0);
  print("cancel one ->", t.cancel("one"));
  print("cancel two ->", t.cancel("two"));
  print("cancelling", t.cancelling());
  yield* aio.sleep(0);
  print("cancelled", t.cancelled(), "cancelling", t.cancelling());
  attempt("result", () => t.result());

  const inner = aio.createTask(victim("inner"));
  const outer = aio.createTask(waitsOn(inner));
  yield* aio.sleep(0);
  print("cancel outer a ->", outer.cancel("a"));
  print("cancel outer b ->", outer.cancel("b"));
  print("cancelling", outer.cancelling(), inner.cancelling());
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main caught", repr(str(e)));
  }
  print("inner cancelled", inner.cancelled(), "outer cancelled", outer.cancelled());
});
