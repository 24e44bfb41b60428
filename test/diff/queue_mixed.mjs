// Generator coroutines and async functions sharing queues (one program, both styles).
import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

const producer = aio.coroutine(function* (q, n) {
  for (let i = 0; i < n; i++) {
    yield* q.put(i);
    print("produced", i, "qsize", q.qsize());
  }
  yield* q.put(null);
  yield* q.put(null);
});

const genConsumer = aio.coroutine(function* (q, name, results) {
  for (;;) {
    const item = yield* q.get();
    q.taskDone();
    if (item === null) {
      print(name, "stops");
      return;
    }
    print(name, "consumed", item);
    results.push(tuple(name, item));
    yield* aio.sleep(0);
  }
});

const asyncConsumer = aio.coroutine(async function (q, name, results) {
  for (;;) {
    const item = await q.get();
    q.taskDone();
    if (item === null) {
      print(name, "stops");
      return;
    }
    print(name, "consumed", item);
    results.push(tuple(name, item));
    await aio.sleep(0);
  }
});

await aio.run(function* () {
  const q = new aio.Queue(2);
  const results = [];
  yield* aio.gather(producer(q, 6), genConsumer(q, "gen", results), asyncConsumer(q, "async", results));
  yield* q.join();
  print("results", results);
  const s = new aio.LifoQueue();
  for (let i = 0; i < 4; i++) yield* s.put(i);
  const got = yield* aio.gather(s.get(), s.get());
  print("lifo gathered", got, "left", s.qsize());
});
