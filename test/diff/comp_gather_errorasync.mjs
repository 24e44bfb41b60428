import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, ZeroDivisionError, OSError, tname } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration) and by futures the main task
// releases, never by wall-clock time.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const ok = aio.coroutine(async function (name, n, result, gate = null) {
  print("start", name);
  try {
    if (gate !== null) await gate;
    await ticks(n);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled", name);
    throw e;
  }
  print("end", name);
  return result;
});

const bad = aio.coroutine(async function (name, n, exc, gate = null) {
  print("start", name);
  if (gate !== null) await gate;
  await ticks(n);
  print("raise", name);
  throw exc;
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  const gateSlow = loop.createFuture();
  const gateB2 = loop.createFuture();
  const t1 = aio.createTask(ok("slow", 0, 1, gateSlow));
  const t2 = aio.createTask(bad("b1", 2, new ValueError("first")));
  const t3 = aio.createTask(bad("b2", 0, new TypeError("second"), gateB2));
  const g = aio.gather(t1, t2, t3);
  try {
    await g;
  } catch (e) {
    print("gather raised", tname(e), str(e));
  }
  print("states", t1.done(), t2.done(), t3.done());
  print("g", g.done(), g.cancelled(), tname(g.exception()));
  gateB2.setResult(null);
  await ticks(2);
  gateSlow.setResult(null);
  await ticks(2);
  print("later states", t1.done(), t2.done(), t3.done());
  print("t1", t1.result(), "t3", repr(t3.exception()));

  let res = await aio.gather(
    ok("r1", 8, "x"),
    bad("r2", 1, new aio.RuntimeError("boom")),
    bad("r3", 5, new ZeroDivisionError("zero")),
    ok("r4", 3, "y"),
    { returnExceptions: true },
  );
  print("rx", res.map(tname), res.map(str));

  const c = aio.createTask(ok("victim", 0, "never", loop.createFuture()));
  const d = aio.createTask(ok("keeper", 4, "kept"));
  loop.callSoon(() => c.cancel());
  res = await aio.gather(c, d, { returnExceptions: true });
  print("rc", res.map(tname), res.map(str));

  const f = loop.createFuture();
  f.setException(new OSError("io"));
  try {
    await aio.gather(f, ok("after", 1, 0));
  } catch (e) {
    print("already failed", tname(e), str(e));
  }
  await ticks(3);
});
