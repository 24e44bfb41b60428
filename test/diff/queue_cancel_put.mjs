import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const putter = aio.coroutine(function* (q, name, item) {
  try {
    yield* q.put(item);
    print(name, "put", item);
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled");
    throw e;
  }
});

await aio.run(function* () {
  const q = new aio.Queue(1);
  q.putNowait("first");
  const p1 = aio.createTask(putter(q, "p1", "x1"));
  const p2 = aio.createTask(putter(q, "p2", "x2"));
  const p3 = aio.createTask(putter(q, "p3", "x3"));
  yield* aio.sleep(0);
  p2.cancel();
  yield* aio.sleep(0);
  print("get", q.getNowait());
  yield* aio.sleep(0);
  print("get", q.getNowait());
  yield* aio.sleep(0);
  print("get", q.getNowait());
  print("states", p1.done(), p2.cancelled(), p3.done(), "qsize", q.qsize());

  q.putNowait("full");
  const r1 = aio.createTask(putter(q, "r1", "y1"));
  const r2 = aio.createTask(putter(q, "r2", "y2"));
  yield* aio.sleep(0);
  print("get", q.getNowait());
  r1.cancel();
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("r1", r1.cancelled(), "r2", r2.done(), "qsize", q.qsize(), "item", q.getNowait());

  q.putNowait("full2");
  try {
    yield* aio.waitFor(q.put("late"), 0.05);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("put timed out; qsize", q.qsize());
  }
  print("get", q.getNowait(), "empty", q.empty());
  yield* q.put("ok");
  print("put ok; get", q.getNowait());
});
