import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const putter = aio.coroutine(async function (q, name, item) {
  print(name, "putting", item);
  await q.put(item);
  print(name, "put", item, "qsize", q.qsize());
});

const getter = aio.coroutine(async function (q, name) {
  print(name, "getting");
  const item = await q.get();
  print(name, "got", item, "qsize", q.qsize());
  return item;
});

await aio.run(async () => {
  let q = new aio.Queue({ maxsize: 2 });
  q.putNowait("a");
  q.putNowait("b");
  print("full", q.full());
  const puts = [0, 1, 2, 3].map((i) => aio.createTask(putter(q, `P${i}`, `x${i}`)));
  await aio.sleep(0);
  print("blocked putters waiting; qsize", q.qsize());
  for (let i = 0; i < 3; i++) {
    print("main get_nowait", q.getNowait());
    await aio.sleep(0);
    print("after step", i, "qsize", q.qsize(), "full", q.full());
  }
  while (!q.empty()) {
    print("drain", q.getNowait());
    await aio.sleep(0);
  }
  const gets = [0, 1, 2, 3].map((i) => aio.createTask(getter(q, `G${i}`)));
  await aio.sleep(0);
  print("getters waiting");
  q.putNowait("y0");
  q.putNowait("y1");
  print("main put_nowait y0 y1 in one iteration");
  await aio.sleep(0);
  print("qsize", q.qsize());
  q.putNowait("y2");
  print("main put_nowait y2");
  await aio.sleep(0);
  q.putNowait("y3");
  q.putNowait("y4");
  print("main put_nowait y3 y4");
  await aio.sleep(0);
  const n = q.qsize();
  const left = [];
  for (let i = 0; i < n; i++) left.push(q.getNowait());
  print("left", n, left);
  print("gets", gets.filter((t) => t.done()).map((t) => t.result()), "pending", gets.filter((t) => !t.done()).length);
  for (const t of [...puts, ...gets]) t.cancel();
  await aio.gather(...puts, ...gets, { returnExceptions: true });

  q = new aio.Queue(1);
  q.putNowait(0);
  const p1 = aio.createTask(putter(q, "S1", 1));
  const p2 = aio.createTask(putter(q, "S2", 2));
  await aio.sleep(0);
  print("get", q.getNowait());
  q.putNowait(99);
  print("stolen; get", q.getNowait());
  await aio.sleep(0);
  print("qsize", q.qsize(), "item", q.getNowait());
  await aio.sleep(0);
  print("qsize", q.qsize(), "item", q.getNowait());
  await aio.gather(p1, p2);
});
