import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const body = aio.coroutine(function* (name) {
  print(name, "body started");
  try {
    yield* aio.sleep(0);
  } finally {
    print(name, "finally");
  }
  return name;
});

await aio.run(function* () {
  let t = aio.createTask(body("a"));
  print("cancel ->", t.cancel());
  print("right after cancel: done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  yield* aio.sleep(0);
  print("after one iteration: done", t.done(), "cancelled", t.cancelled());

  t = aio.createTask(body("b"));
  t.cancel("early");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await raised", e.name, repr(str(e)));
  }

  t = aio.createTask(body("c"));
  t.cancel();
  print("uncancel ->", t.uncancel());
  yield* aio.sleep(0);
  print("c cancelled", t.cancelled());

  const t1 = aio.createTask(body("d"));
  const t2 = aio.createTask(body("e"));
  t1.cancel();
  const res = yield* aio.gather(t1, t2, { returnExceptions: true });
  print("gather", res.map((r) => (r instanceof Error ? r.name : typeof r === "string" ? "str" : String(r))));

  t = aio.createTask(body("f"));
  t.addDoneCallback((f) => print("callback: cancelled", f.cancelled()));
  t.cancel();
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("end");
});
