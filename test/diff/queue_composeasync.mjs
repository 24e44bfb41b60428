import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(async () => {
  const q = new aio.Queue();
  const gets = aio.gather(q.get(), q.get(), q.get());
  await aio.sleep(0);
  for (let i = 0; i < 3; i++) await q.put(i * 10);
  print("gathered", await gets);

  const t = aio.createTask(q.get());
  await aio.sleep(0);
  print("task pending", !t.done());
  q.putNowait("via task");
  print("task result", await t);

  const laterGet = aio.coroutine(async function (name) {
    const v = await q.get();
    print(name, "got", v);
  });
  try {
    await aio.waitFor(q.get(), 0.05);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("get timed out");
  }
  const lg = aio.createTask(laterGet("lg"));
  await aio.sleep(0);
  q.putNowait("after timeout");
  await lg;
  print("qsize", q.qsize());

  aio.getRunningLoop().callLater(0.01, (v) => q.putNowait(v), "soon");
  print("wait_for got", await aio.waitFor(q.get(), 5));

  const a = new aio.Queue();
  const b = new aio.Queue();
  const ta = aio.createTask(a.get(), { name: "get-a" });
  const tb = aio.createTask(b.get(), { name: "get-b" });
  await aio.sleep(0);
  b.putNowait("from b");
  const [done, pending] = await aio.wait([ta, tb], { returnWhen: aio.FIRST_COMPLETED });
  print("done", [...done].map((x) => x.getName()), [...done].map((x) => x.result()), "pending", [...pending].map((x) => x.getName()));
  ta.cancel();
  await aio.sleep(0);
  a.putNowait("kept");
  print("a keeps its item", a.qsize(), a.getNowait());

  const inner = aio.createTask(q.get());
  const waiter = aio.coroutine(async function () {
    return await aio.shield(inner);
  });
  const outer = aio.createTask(waiter());
  await aio.sleep(0);
  outer.cancel();
  await aio.sleep(0);
  q.putNowait("shielded");
  print("inner", await inner, "outer cancelled", outer.cancelled());

  const bq = new aio.Queue(1);
  bq.putNowait(0);
  try {
    await aio.timeout(0.05, async () => {
      await bq.put(1);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("put timed out, qsize", bq.qsize());
  }
});
