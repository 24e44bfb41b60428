import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(function* () {
  const q = new aio.Queue();
  const gets = aio.gather(q.get(), q.get(), q.get());
  yield* aio.sleep(0);
  for (let i = 0; i < 3; i++) yield* q.put(i * 10);
  print("gathered", yield* gets);

  const t = aio.createTask(q.get());
  yield* aio.sleep(0);
  print("task pending", !t.done());
  q.putNowait("via task");
  print("task result", yield* t);

  const laterGet = aio.coroutine(function* (name) {
    const v = yield* q.get();
    print(name, "got", v);
  });
  try {
    yield* aio.waitFor(q.get(), 0.05);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("get timed out");
  }
  const lg = aio.createTask(laterGet("lg"));
  yield* aio.sleep(0);
  q.putNowait("after timeout");
  yield* lg;
  print("qsize", q.qsize());

  aio.getRunningLoop().callLater(0.01, (v) => q.putNowait(v), "soon");
  print("wait_for got", yield* aio.waitFor(q.get(), 5));

  const a = new aio.Queue();
  const b = new aio.Queue();
  const ta = aio.createTask(a.get(), { name: "get-a" });
  const tb = aio.createTask(b.get(), { name: "get-b" });
  yield* aio.sleep(0);
  b.putNowait("from b");
  const [done, pending] = yield* aio.wait([ta, tb], { returnWhen: aio.FIRST_COMPLETED });
  print("done", [...done].map((x) => x.getName()), [...done].map((x) => x.result()), "pending", [...pending].map((x) => x.getName()));
  ta.cancel();
  yield* aio.sleep(0);
  a.putNowait("kept");
  print("a keeps its item", a.qsize(), a.getNowait());

  const inner = aio.createTask(q.get());
  const waiter = aio.coroutine(function* () {
    return yield* aio.shield(inner);
  });
  const outer = aio.createTask(waiter());
  yield* aio.sleep(0);
  outer.cancel();
  yield* aio.sleep(0);
  q.putNowait("shielded");
  print("inner", yield* inner, "outer cancelled", outer.cancelled());

  const bq = new aio.Queue(1);
  bq.putNowait(0);
  try {
    yield* aio.timeout(0.05, function* () {
      yield* bq.put(1);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("put timed out, qsize", bq.qsize());
  }
});
