import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

const producer = aio.coroutine(async function (q, name, items) {
  for (const it of items) {
    await q.put(tuple(name, it));
    print(name, "put", it, "qsize", q.qsize());
  }
  print(name, "done");
});

const consumer = aio.coroutine(async function (q, name, out) {
  for (;;) {
    const item = await q.get();
    print(name, "got", item);
    out.push(item);
    q.taskDone();
    await aio.sleep(0);
  }
});

const range = (a, b) => Array.from({ length: b - a }, (_, i) => a + i);

await aio.run(async () => {
  const q = new aio.Queue();
  const out = [];
  const consumers = [0, 1].map((i) => aio.createTask(consumer(q, `c${i}`, out)));
  const producers = [0, 1, 2].map((i) => aio.createTask(producer(q, `p${i}`, range(i * 10, i * 10 + 4))));
  await aio.gather(...producers);
  print("producers finished, qsize", q.qsize());
  await q.join();
  print("joined, got", out.length, "items");
  for (const c of consumers) c.cancel();
  const res = await aio.gather(...consumers, { returnExceptions: true });
  print("consumers", res.map((r) => r.name));
  print("empty", q.empty(), "full", q.full(), "maxsize", q.maxsize);

  const q2 = new aio.Queue();
  for (let i = 0; i < 3; i++) await q2.put(i);
  const got = [];
  for (let i = 0; i < 3; i++) got.push(await q2.get());
  print("q2", got);
});
