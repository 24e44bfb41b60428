import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

const waiter = aio.coroutine(function* (name, fut) {
  print(name, "waits");
  try {
    const v = yield* fut;
    print(name, "got", repr(v));
    return v;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(name, "cancelled", repr(str(e)));
      throw e;
    }
    if (e instanceof ValueError) {
      print(name, "raised", e.name, str(e));
      return null;
    }
    throw e;
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  const f1 = loop.createFuture();
  loop.callLater(0.1, (v) => f1.setResult(v), "one");
  print("main waits f1");
  print("main got", yield* f1);

  const f2 = loop.createFuture();
  loop.callLater(0.05, (e) => f2.setException(e), new ValueError("timer error"));
  try {
    yield* f2;
  } catch (e) {
    print("main f2 raised", e.name, str(e));
  }

  const shared = loop.createFuture();
  let tasks = ["w1", "w2", "w3"].map((n) => aio.createTask(waiter(n, shared)));
  loop.callLater(0.05, (v) => shared.setResult(v), 99);
  let res = [];
  for (const t of tasks) res.push(yield* t);
  print("results", res);

  const shared2 = loop.createFuture();
  tasks = ["x1", "x2"].map((n) => aio.createTask(waiter(n, shared2)));
  yield* aio.sleep(0);
  loop.callLater(0.05, (m) => shared2.cancel(m), "timer cancel");
  for (const t of tasks) {
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("main:", t.getName(), "cancelled", t.cancelled());
    }
  }

  const shared3 = loop.createFuture();
  tasks = ["y1", "y2"].map((n) => aio.createTask(waiter(n, shared3)));
  loop.callLater(0.025, (e) => shared3.setException(e), new ValueError("shared error"));
  res = [];
  for (const t of tasks) res.push(yield* t);
  print("results", res);

  const order = [];
  const fa = loop.createFuture();
  const fb = loop.createFuture();
  loop.callLater(0.15, (v) => fa.setResult(v), "a");
  loop.callLater(0.05, (v) => fb.setResult(v), "b");
  fa.addDoneCallback((f) => order.push(f.result()));
  fb.addDoneCallback((f) => order.push(f.result()));
  yield* fa;
  print("completion order", order);
});
