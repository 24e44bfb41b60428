import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Mixed twin of cpy2_queue_get.mjs: the coroutines defined in the main body and every with() body are async functions, the rest generators.
// CPython test_queues.py QueueGetTests and the get() cases of QueuePutTests, as traces:
// test_get_with_putters (a real waiting putter instead of a future pushed into _putters),
// test_blocking_get_wait, test_get_cancelled_race, test_get_with_waiting_putters,
// test_why_are_getters_waiting, test_cancelled_getters_not_being_held_in_self_getters,
// test_get_cancel_drop_one_pending_reader, test_get_cancel_drop_many_pending_readers.
const S = (q) => String(q);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("== test_get_with_putters");
  let q = new aio.Queue(1);
  yield* q.put(1);
  const p = aio.createTask(q.put(2));
  yield* aio.sleep(0);
  print("putter waiting", S(q), p.done());
  print("get", yield* q.get(), S(q), p.done());
  yield* aio.sleep(0);
  print("tick", S(q), p.done(), p.result());

  print("== test_blocking_get_wait");
  q = new aio.Queue();
  const started = new aio.Event();
  const finished = [];
  const q1 = q;
  const queueGet = aio.coroutine(async function () {
    started.set();
    const res = await q1.get();
    finished.push(res);
    return res;
  });
  let t = aio.createTask(queueGet());
  yield* started.wait();
  print("started", finished, S(q));
  let t0 = loop.time();
  loop.callLater(0.1, (x) => q1.putNowait(x), 1);
  const res = yield* t;
  print("got", res, finished, loop.time() - t0 >= 0.1, S(q));

  print("== test_get_cancelled_race");
  q = new aio.Queue();
  const t1 = aio.createTask(q.get());
  const t2 = aio.createTask(q.get());
  yield* aio.sleep(0);
  print("two getters", S(q));
  t1.cancel();
  print("t1.cancel()", S(q));
  yield* aio.sleep(0);
  print("tick", t1.done(), t1.cancelled(), S(q));
  yield* q.put("a");
  print("put a", S(q), t2.done());
  yield* aio.sleep(0);
  print("t2", yield* t2, S(q));

  print("== test_get_with_waiting_putters");
  q = new aio.Queue({ maxsize: 1 });
  const pa = aio.createTask(q.put("a"));
  const pb = aio.createTask(q.put("b"));
  print("get", yield* q.get(), S(q), pa.done(), pb.done());
  print("get", yield* q.get(), S(q), pa.done(), pb.done());

  print("== test_why_are_getters_waiting");
  const log = [];
  const consumer = aio.coroutine(async function (queue, numExpected) {
    for (let k = 0; k < numExpected; k++) log.push(tuple("get", await queue.get(), queue.qsize()));
  });
  const producer = aio.coroutine(async function (queue, numItems) {
    for (let i = 0; i < numItems; i++) {
      await queue.put(i);
      log.push(tuple("put", i, queue.qsize()));
    }
  });
  q = new aio.Queue(1);
  const q2 = q;
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(producer(q2, 5));
    tg.createTask(consumer(q2, 5));
  });
  print(log);
  print(S(q));

  print("== test_cancelled_getters_not_being_held_in_self_getters");
  q = new aio.Queue({ maxsize: 5 });
  t0 = loop.time();
  try {
    yield* aio.waitFor(q.get(), 0.1);
    print("no timeout?");
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", loop.time() - t0 >= 0.1, S(q));
  }

  print("== test_get_cancel_drop_one_pending_reader");
  q = new aio.Queue();
  let reader = aio.createTask(q.get());
  yield* aio.sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  print("woken", S(q), reader.done());
  reader.cancel();
  try {
    yield* reader;
    print("reader was not cancelled");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("reader cancelled", S(q));
    reader = aio.createTask(q.get());
    yield* reader;
  }
  print("result", reader.result(), S(q));

  print("== test_get_cancel_drop_many_pending_readers");
  q = new aio.Queue();
  const q3 = q;
  let reader1, reader2, reader3;
  yield* aio.taskGroup(function* (tg) {
    reader1 = tg.createTask(q3.get());
    reader2 = tg.createTask(q3.get());
    reader3 = tg.createTask(q3.get());
    yield* aio.sleep(0);
    q3.putNowait(1);
    q3.putNowait(2);
    print("woken", S(q3), [reader1, reader2, reader3].map((r) => r.done()));
    reader1.cancel();
    try {
      yield* reader1;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("reader1 cancelled", S(q3));
    }
    yield* reader3;
    print("reader3", reader3.result(), S(q3));
  });
  print("results", reader2.result(), reader3.result(), S(q));
});
