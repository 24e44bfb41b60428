import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(async () => {
  let q = new aio.LifoQueue();
  for (let i = 0; i < 5; i++) await q.put(i);
  print("qsize", q.qsize());
  const out = [];
  for (let i = 0; i < 3; i++) out.push(await q.get());
  print("out", out);
  q.putNowait("x");
  const n = q.qsize();
  const out2 = [];
  for (let i = 0; i < n; i++) out2.push(q.getNowait());
  print("out", out2);

  q = new aio.LifoQueue(2);
  q.putNowait("a");
  q.putNowait("b");
  const putter = aio.coroutine(async function (item) {
    await q.put(item);
    print("put", item);
  });
  const ts = [0, 1, 2].map((i) => aio.createTask(putter(`p${i}`)));
  await aio.sleep(0);
  for (let i = 0; i < 5; i++) {
    print("get", await q.get());
    await aio.sleep(0);
  }
  await aio.gather(...ts);

  const getter = aio.coroutine(async function (name) {
    const v = await q.get();
    print(name, "got", v);
  });
  const gs = [0, 1, 2].map((i) => aio.createTask(getter(`g${i}`)));
  await aio.sleep(0);
  q.putNowait(0);
  q.putNowait(1);
  await aio.sleep(0);
  q.putNowait(2);
  await aio.gather(...gs);
  print("empty", q.empty());
});
