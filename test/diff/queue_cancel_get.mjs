import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const getter = aio.coroutine(function* (q, name) {
  try {
    const v = yield* q.get();
    print(name, "got", v);
    return v;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled");
    throw e;
  }
});

await aio.run(function* () {
  const q = new aio.Queue();
  const g1 = aio.createTask(getter(q, "g1"));
  const g2 = aio.createTask(getter(q, "g2"));
  yield* aio.sleep(0);
  print("cancel g1 ->", g1.cancel());
  yield* aio.sleep(0);
  q.putNowait("a");
  yield* aio.sleep(0);
  print("g1", g1.cancelled(), "g2", g2.result(), "qsize", q.qsize());

  const h1 = aio.createTask(getter(q, "h1"));
  const h2 = aio.createTask(getter(q, "h2"));
  const h3 = aio.createTask(getter(q, "h3"));
  yield* aio.sleep(0);
  q.putNowait("b");
  print("cancel h1 ->", h1.cancel());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("h1", h1.cancelled(), "h2", h2.done() ? h2.result() : "pending", "h3 done", h3.done(), "qsize", q.qsize());

  const h4 = aio.createTask(getter(q, "h4"));
  yield* aio.sleep(0);
  q.putNowait("c");
  q.putNowait("d");
  h3.cancel();
  h4.cancel();
  const h5 = aio.createTask(getter(q, "h5"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("h3", h3.cancelled(), "h4", h4.cancelled(), "h5", h5.done() ? h5.result() : "pending", "qsize", q.qsize());
  print("left", q.empty() ? null : q.getNowait());

  const k = aio.createTask(getter(q, "k"));
  yield* aio.sleep(0);
  k.cancel("bye");
  try {
    yield* k;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("k raised", repr(str(e)));
  }
  q.putNowait("e");
  print("qsize after k", q.qsize(), q.getNowait());

  const defiant = aio.coroutine(function* () {
    try {
      yield* q.get();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("defiant: ignoring cancel");
    }
    const v = yield* q.get();
    print("defiant got", v);
    return v;
  });
  const s = aio.createTask(defiant());
  yield* aio.sleep(0);
  s.cancel();
  yield* aio.sleep(0);
  q.putNowait("f");
  print("defiant result", yield* s);
});
