import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(function* () {
  let q = new aio.LifoQueue();
  for (let i = 0; i < 5; i++) yield* q.put(i);
  print("qsize", q.qsize());
  const out = [];
  for (let i = 0; i < 3; i++) out.push(yield* q.get());
  print("out", out);
  q.putNowait("x");
  const n = q.qsize();
  const out2 = [];
  for (let i = 0; i < n; i++) out2.push(q.getNowait());
  print("out", out2);

  q = new aio.LifoQueue(2);
  q.putNowait("a");
  q.putNowait("b");
  const putter = aio.coroutine(function* (item) {
    yield* q.put(item);
    print("put", item);
  });
  const ts = [0, 1, 2].map((i) => aio.createTask(putter(`p${i}`)));
  yield* aio.sleep(0);
  for (let i = 0; i < 5; i++) {
    print("get", yield* q.get());
    yield* aio.sleep(0);
  }
  yield* aio.gather(...ts);

  const getter = aio.coroutine(function* (name) {
    const v = yield* q.get();
    print(name, "got", v);
  });
  const gs = [0, 1, 2].map((i) => aio.createTask(getter(`g${i}`)));
  yield* aio.sleep(0);
  q.putNowait(0);
  q.putNowait(1);
  yield* aio.sleep(0);
  q.putNowait(2);
  yield* aio.gather(...gs);
  print("empty", q.empty());
});
