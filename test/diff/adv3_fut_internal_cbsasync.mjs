import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// The done callbacks that asyncio's own machinery puts on futures, as reprs show them while the
// futures are pending: run_until_complete, a task's wake-up, gather, shield (inner and outer),
// wait, as_completed, wait_for, TaskGroup; and what is left once each is done.
const r = (x) => String(x);

const loop = aio.newEventLoop();
const f0 = loop.createFuture();
loop.callSoon(() => print("during run_until_complete:", r(f0)));
loop.callSoon((v) => f0.setResult(v), 0);
await loop.runUntilComplete(f0);
print("after:", r(f0));

const waiter = aio.coroutine(async (fut) => {
  return await fut;
});

const main = aio.coroutine(async () => {
  const lp = aio.getRunningLoop();
  const a = lp.createFuture();
  const t = aio.createTask(waiter(a), { name: "w" });
  await aio.sleep(0);
  print("awaited by a task:", r(a));

  const b = lp.createFuture();
  const c = lp.createFuture();
  const gf = aio.gather(b, c);
  print("in gather:", r(b));
  print("gather future:", r(gf));

  const d = lp.createFuture();
  const outer = aio.shield(d);
  print("shielded inner:", r(d));
  print("shield outer:", r(outer));

  const e = lp.createFuture();
  const wt = aio.createTask(aio.wait([e], { timeout: 5 }), { name: "wait" });
  await aio.sleep(0);
  print("in wait:", r(e));

  const g = lp.createFuture();
  const it = aio.asCompleted([g])[Symbol.iterator]();
  print("in as_completed before iterating:", r(g));
  const nxt = aio.ensureFuture(it.next().value);
  await aio.sleep(0);
  print("in as_completed:", r(g));

  const h = lp.createFuture();
  const wf = aio.createTask(aio.waitFor(h, 5), { name: "wf" });
  await aio.sleep(0);
  print("in wait_for:", r(h));

  let tk;
  await aio.taskGroup(async (tg) => {
    const k = lp.createFuture();
    tk = tg.createTask(waiter(k), { name: "tgk" });
    print("TaskGroup task:", r(tk).split(" coro=")[0], r(tk).includes(" cb=") ? r(tk).split(" cb=").at(-1) : "");
    await aio.sleep(0);
    print("its future:", r(k));
    k.setResult("k");
  });

  for (const x of [a, b, c, d, e, g, h]) x.setResult(1);
  print("done:", r(a), r(b), r(d), r(outer));
  print("results", await t, await gf, await outer, (await wt)[0].size, await nxt, await wf, tk.result());
});
await loop.runUntilComplete(main());
loop.close();
