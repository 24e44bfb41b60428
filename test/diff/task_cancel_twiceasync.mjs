import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { attempt } from "./task_util.mjs";

const victim = aio.coroutine(async function (name) {
  try {
    await aio.sleep(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "caught", repr(str(e)));
    throw e;
  }
});

const waitsOn = aio.coroutine(async function (inner) {
  try {
    await inner;
  } catch (e) {
    if (e instanceof aio.CancelledError) print("outer caught", repr(str(e)));
    throw e;
  }
});

await aio.run(async () => {
  const t = aio.createTask(victim("v"));
  await aio.sleep(0);
  print("cancel one ->", t.cancel("one"));
  print("cancel two ->", t.cancel("two"));
  print("cancelling", t.cancelling());
  await aio.sleep(0);
  print("cancelled", t.cancelled(), "cancelling", t.cancelling());
  attempt("result", () => t.result());

  const inner = aio.createTask(victim("inner"));
  const outer = aio.createTask(waitsOn(inner));
  await aio.sleep(0);
  print("cancel outer a ->", outer.cancel("a"));
  print("cancel outer b ->", outer.cancel("b"));
  print("cancelling", outer.cancelling(), inner.cancelling());
  try {
    await outer;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main caught", repr(str(e)));
  }
  print("inner cancelled", inner.cancelled(), "outer cancelled", outer.cancelled());
});
