import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const inner = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
    return "inner finished";
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled", repr(str(e)));
    throw e;
  } finally {
    print(name, "finally");
  }
});

const outer = aio.coroutine(function* (name, it) {
  try {
    const r = yield* it;
    print(name, "got", r);
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled", repr(str(e)));
    throw e;
  }
});

const swallow = aio.coroutine(function* () {
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("swallow: ignoring cancellation");
  }
  return "swallowed";
});

await aio.run(function* () {
  let it = aio.createTask(inner("inner1"));
  let ot = aio.createTask(outer("outer1", it));
  yield* aio.sleep(0);
  print("cancel outer ->", ot.cancel("stop"));
  print("inner cancelling", it.cancelling(), "outer cancelling", ot.cancelling());
  try {
    yield* ot;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main: outer raised", repr(str(e)));
  }
  print("inner cancelled", it.cancelled(), "outer cancelled", ot.cancelled());

  const a = aio.createTask(inner("level3"));
  const b = aio.createTask(outer("level2", a));
  const c = aio.createTask(outer("level1", b));
  yield* aio.sleep(0);
  c.cancel("top");
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main: level1 raised", repr(str(e)));
  }
  print("states", a.cancelled(), b.cancelled(), c.cancelled());

  it = aio.createTask(swallow());
  ot = aio.createTask(outer("outer2", it));
  yield* aio.sleep(0);
  print("cancel outer2 ->", ot.cancel());
  const r = yield* ot;
  print("outer2 result", r, "cancelled", ot.cancelled(), "cancelling", ot.cancelling());

  it = aio.createTask(inner("inner3"));
  ot = aio.createTask(outer("outer3", it));
  yield* aio.sleep(0);
  it.cancel("inner only");
  try {
    yield* ot;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main: outer3 raised", repr(str(e)), "cancelling", ot.cancelling());
  }
  print("outer3 cancelled", ot.cancelled());
});
