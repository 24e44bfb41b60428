import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { attempt } from "./task_util.mjs";

await aio.run(function* () {
  let q = new aio.Queue(2);
  print("maxsize", q.maxsize, "qsize", q.qsize(), "empty", q.empty(), "full", q.full());
  attempt("get_nowait empty", () => q.getNowait());
  attempt("put_nowait 1", () => q.putNowait(1));
  attempt("put_nowait 2", () => q.putNowait(2));
  print("qsize", q.qsize(), "empty", q.empty(), "full", q.full());
  attempt("put_nowait 3", () => q.putNowait(3));
  print("qsize after QueueFull", q.qsize());
  attempt("get_nowait", () => q.getNowait());
  attempt("get_nowait", () => q.getNowait());
  attempt("get_nowait", () => q.getNowait());

  for (const maxsize of [0, -1]) {
    q = new aio.Queue(maxsize);
    for (let i = 0; i < 100; i++) q.putNowait(i);
    print("maxsize", maxsize, "qsize", q.qsize(), "full", q.full());
  }

  q = new aio.Queue(1);
  q.putNowait(null);
  try {
    q.putNowait(null);
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    print("caught", e.name, e instanceof Error);
  }
  q.getNowait();
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof aio.QueueEmpty)) throw e;
    print("caught", e.name);
  }

  yield* q.put("still");
  print("works", yield* q.get());

  q = new aio.Queue();
  const getter = aio.coroutine(function* (name) {
    const v = yield* q.get();
    print(name, "got", v);
  });
  const g1 = aio.createTask(getter("g1"));
  const g2 = aio.createTask(getter("g2"));
  yield* aio.sleep(0);
  q.putNowait("a");
  print("stolen", q.getNowait());
  yield* aio.sleep(0);
  q.putNowait("b");
  yield* aio.sleep(0);
  q.putNowait("c");
  yield* aio.gather(g1, g2);

  q = new aio.Queue(1);
  q.put("never");
  print("qsize", q.qsize());
  q.get();
  q.putNowait("x");
  print("qsize", q.qsize(), q.getNowait());
});
