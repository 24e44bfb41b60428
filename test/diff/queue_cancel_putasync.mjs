import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const putter = aio.coroutine(async function (q, name, item) {
  try {
    await q.put(item);
    print(name, "put", item);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled");
    throw e;
  }
});

await aio.run(async () => {
  const q = new aio.Queue(1);
  q.putNowait("first");
  const p1 = aio.createTask(putter(q, "p1", "x1"));
  const p2 = aio.createTask(putter(q, "p2", "x2"));
  const p3 = aio.createTask(putter(q, "p3", "x3"));
  await aio.sleep(0);
  p2.cancel();
  await aio.sleep(0);
  print("get", q.getNowait());
  await aio.sleep(0);
  print("get", q.getNowait());
  await aio.sleep(0);
  print("get", q.getNowait());
  print("states", p1.done(), p2.cancelled(), p3.done(), "qsize", q.qsize());

  q.putNowait("full");
  const r1 = aio.createTask(putter(q, "r1", "y1"));
  const r2 = aio.createTask(putter(q, "r2", "y2"));
  await aio.sleep(0);
  print("get", q.getNowait());
  r1.cancel();
  await aio.sleep(0);
  await aio.sleep(0);
  print("r1", r1.cancelled(), "r2", r2.done(), "qsize", q.qsize(), "item", q.getNowait());

  q.putNowait("full2");
  try {
    await aio.waitFor(q.put("late"), 0.05);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("put timed out; qsize", q.qsize());
  }
  print("get", q.getNowait(), "empty", q.empty());
  await q.put("ok");
  print("put ok; get", q.getNowait());
});
