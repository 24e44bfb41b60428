import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, ZeroDivisionError, OSError, tname } from "./comp_util.mjs";

const ok = aio.coroutine(function* (name, delay, result) {
  print("start", name);
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled", name);
    throw e;
  }
  print("end", name);
  return result;
});

const bad = aio.coroutine(function* (name, delay, exc) {
  print("start", name);
  yield* aio.sleep(delay);
  print("raise", name);
  throw exc;
});

await aio.run(function* () {
  const t1 = aio.createTask(ok("slow", 0.03, 1));
  const t2 = aio.createTask(bad("b1", 0.005, new ValueError("first")));
  const t3 = aio.createTask(bad("b2", 0.015, new TypeError("second")));
  const g = aio.gather(t1, t2, t3);
  try {
    yield* g;
  } catch (e) {
    print("gather raised", tname(e), str(e));
  }
  print("states", t1.done(), t2.done(), t3.done());
  print("g", g.done(), g.cancelled(), tname(g.exception()));
  yield* aio.sleep(0.05);
  print("later states", t1.done(), t2.done(), t3.done());
  print("t1", t1.result(), "t3", repr(t3.exception()));

  let res = yield* aio.gather(
    ok("r1", 0.01, "x"),
    bad("r2", 0.001, new aio.RuntimeError("boom")),
    bad("r3", 0.005, new ZeroDivisionError("zero")),
    ok("r4", 0.002, "y"),
    { returnExceptions: true },
  );
  print("rx", res.map(tname), res.map(str));

  const c = aio.createTask(ok("victim", 0.05, "never"));
  const d = aio.createTask(ok("keeper", 0.01, "kept"));
  aio.getRunningLoop().callLater(0.003, () => c.cancel());
  res = yield* aio.gather(c, d, { returnExceptions: true });
  print("rc", res.map(tname), res.map(str));

  const f = aio.getRunningLoop().createFuture();
  f.setException(new OSError("io"));
  try {
    yield* aio.gather(f, ok("after", 0.001, 0));
  } catch (e) {
    print("already failed", tname(e), str(e));
  }
  yield* aio.sleep(0.01);
});
