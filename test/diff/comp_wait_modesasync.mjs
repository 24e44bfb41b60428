import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, names } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration) and by futures the main task
// releases, never by wall-clock time.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const job = aio.coroutine(async function (n, result = null, exc = null, gate = null) {
  if (gate !== null) await gate;
  await ticks(n);
  if (exc !== null) {
    print("fail", aio.currentTask().getName());
    throw exc;
  }
  print("done", aio.currentTask().getName());
  return result;
});

const byName = (ts) => [...ts].sort((x, y) => (x.getName() < y.getName() ? -1 : 1));

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- ALL_COMPLETED (default)");
  let ts = [6, 1, 3].map((n, i) => aio.createTask(job(n, i), { name: `all${i}` }));
  let [done, pending] = await aio.wait(ts);
  print("done", names(done), "pending", names(pending));
  print("results", ts.map((t) => t.result()));

  print("-- FIRST_COMPLETED");
  const g0 = loop.createFuture();
  const g2 = loop.createFuture();
  ts = [
    aio.createTask(job(0, 0, null, g0), { name: "fc0" }),
    aio.createTask(job(1, 1), { name: "fc1" }),
    aio.createTask(job(0, 2, null, g2), { name: "fc2" }),
  ];
  [done, pending] = await aio.wait(ts, { returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  print("pending not cancelled", byName(pending).map((t) => t.cancelled()));
  g2.setResult(null);
  g0.setResult(null);
  const [done2, pending2] = await aio.wait(pending);
  print("then", names(done2), names(pending2));

  print("-- FIRST_EXCEPTION with a failure");
  const gate = loop.createFuture();
  ts = [
    aio.createTask(job(1, "a"), { name: "fe0" }),
    aio.createTask(job(3, null, new ValueError("bad")), { name: "fe1" }),
    aio.createTask(job(0, "c", null, gate), { name: "fe2" }),
  ];
  [done, pending] = await aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending));
  print("exc", repr(ts[1].exception()));
  gate.setResult(null);
  await aio.wait(pending);
  print("all done", ts.map((t) => t.done()));

  print("-- FIRST_EXCEPTION without failures = ALL_COMPLETED");
  ts = [4, 1].map((n, i) => aio.createTask(job(n, n), { name: `fn${i}` }));
  [done, pending] = await aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending));

  print("-- FIRST_EXCEPTION: a cancelled task is not an exception");
  ts = [
    aio.createTask(job(0, "x", null, loop.createFuture()), { name: "fx0" }),
    aio.createTask(job(4, "y"), { name: "fx1" }),
  ];
  loop.callSoon(() => ts[0].cancel());
  [done, pending] = await aio.wait(ts, { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "cancelled", ts[0].cancelled());

  print("-- FIRST_COMPLETED with one already done");
  const f = loop.createFuture();
  f.setResult(1);
  const gate2 = loop.createFuture();
  const t = aio.createTask(job(0, 2, null, gate2), { name: "late" });
  [done, pending] = await aio.wait([f, t], { returnWhen: aio.FIRST_COMPLETED });
  print("done has f", done.has(f), "pending", names(pending));
  gate2.setResult(null);
  await t;

  print("-- duplicates collapse");
  const td = aio.createTask(job(1, 1), { name: "dup" });
  [done, pending] = await aio.wait([td, td, td]);
  print("len done", done.size, pending.size);

  print("-- errors");
  try {
    await aio.wait(new Set());
  } catch (e) {
    // asyncio raises ValueError; aionode throws RangeError
    if (e instanceof RangeError) print("empty: ValueError");
    else throw e;
  }
  const coro = job(0, 0);
  try {
    await aio.wait([coro]);
  } catch (e) {
    if (e instanceof TypeError) print("coroutine: TypeError");
    else throw e;
  }
  try {
    await aio.wait([aio.createTask(job(0, 0), { name: "x" })], { returnWhen: "SOMETIMES" });
  } catch (e) {
    // asyncio raises ValueError; aionode throws RangeError
    if (e instanceof RangeError) print("bad return_when: ValueError");
    else throw e;
  }
  await ticks(2);
});
