import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, names } from "./comp_util.mjs";

const job = aio.coroutine(function* (delay, result = null, exc = null) {
  yield* aio.sleep(delay);
  if (exc !== null) {
    print("fail", aio.currentTask().getName());
    throw exc;
  }
  print("done", aio.currentTask().getName());
  return result;
});

const byName = (ts) => [...ts].sort((x, y) => (x.getName() < y.getName() ? -1 : 1));

await aio.run(function* () {
  print("-- ALL_COMPLETED (default)");
  let ts = [0.02, 0.005, 0.01].map((d, i) => aio.createTask(job(d, i), { name: `all${i}` }));
  let [done, pending] = yield* aio.wait(ts);
  print("done", names(done), "pending", names(pending));
  print("results", ts.map((t) => t.result()));

  print("-- FIRST_COMPLETED");
  ts = [0.03, 0.005, 0.02].map((d, i) => aio.createTask(job(d, i), { name: `fc${i}` }));
  [done, pending] = yield* aio.wait(ts, { returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  print("pending not cancelled", byName(pending).map((t) => t.cancelled()));
  const [done2, pending2] = yield* aio.wait(pending);
  print("then", names(done2), names(pending2));

  print("-- FIRST_EXCEPTION with a failure");
  ts = [
    aio.createTask(job(0.005, "a"), { name: "fe0" }),
    aio.createTask(job(0.01, null, new ValueError("bad")), { name: "fe1" }),
    aio.createTask(job(0.03, "c"), { name: "fe2" }),
  ];
  [done, pending] = yield* aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending));
  print("exc", repr(ts[1].exception()));
  yield* aio.wait(pending);
  print("all done", ts.map((t) => t.done()));

  print("-- FIRST_EXCEPTION without failures = ALL_COMPLETED");
  ts = [0.01, 0.002].map((d, i) => aio.createTask(job(d, d), { name: `fn${i}` }));
  [done, pending] = yield* aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending));

  print("-- FIRST_EXCEPTION: a cancelled task is not an exception");
  ts = [aio.createTask(job(0.05, "x"), { name: "fx0" }), aio.createTask(job(0.01, "y"), { name: "fx1" })];
  aio.getRunningLoop().callLater(0.002, () => ts[0].cancel());
  [done, pending] = yield* aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "cancelled", ts[0].cancelled());

  print("-- FIRST_COMPLETED with one already done");
  const f = aio.getRunningLoop().createFuture();
  f.setResult(1);
  const t = aio.createTask(job(0.01, 2), { name: "late" });
  [done, pending] = yield* aio.wait([f, t], { returnWhen: aio.FIRST_COMPLETED });
  print("done has f", done.has(f), "pending", names(pending));
  yield* t;

  print("-- duplicates collapse");
  const td = aio.createTask(job(0.001, 1), { name: "dup" });
  [done, pending] = yield* aio.wait([td, td, td]);
  print("len done", done.size, pending.size);

  print("-- errors");
  try {
    yield* aio.wait(new Set());
  } catch (e) {
    // asyncio raises ValueError; aionode throws RangeError
    if (e instanceof RangeError) print("empty: ValueError");
    else throw e;
  }
  const coro = job(0, 0);
  try {
    yield* aio.wait([coro]);
  } catch (e) {
    if (e instanceof TypeError) print("coroutine: TypeError");
    else throw e;
  }
  try {
    yield* aio.wait([aio.createTask(job(0, 0), { name: "x" })], { returnWhen: "SOMETIMES" });
  } catch (e) {
    if (e instanceof RangeError) print("bad return_when: ValueError");
    else throw e;
  }
  yield* aio.sleep(0.01);
});
