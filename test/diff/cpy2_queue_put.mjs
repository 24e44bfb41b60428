import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// CPython test_queues.py QueuePutTests, as traces: test_blocking_put_wait,
// test_put_cancel_drop, test_put_cancelled, test_put_cancelled_race,
// test_put_with_waiting_getters, test_why_are_putters_waiting,
// test_cancelled_puts_not_being_held_in_self_putters,
// test_cancelled_put_silence_value_error_exception. (test_float_maxsize: aionode takes
// integer sizes only.)
const S = (q) => String(q);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("== test_blocking_put_wait");
  let q = new aio.Queue({ maxsize: 1 });
  const started = new aio.Event();
  let log = [];
  const q1 = q;
  let queuePut = aio.coroutine(function* () {
    started.set();
    yield* q1.put(1);
    log.push(tuple("put 1", S(q1)));
    yield* q1.put(2);
    log.push(tuple("put 2", S(q1)));
  });
  const t0 = loop.time();
  loop.callLater(0.3, () => q1.getNowait()); // 0.3 s: the first prints come before it even on a loaded machine
  let t = aio.createTask(queuePut());
  yield* started.wait();
  print("started", log, S(q));
  yield* t;
  print("finished", log, loop.time() - t0 >= 0.3, S(q));

  print("== test_put_cancel_drop");
  q = new aio.Queue(1);
  q.putNowait(1);
  let writer = aio.createTask(q.put(2));
  yield* aio.sleep(0);
  print("writer waiting", S(q));
  print("get_nowait", q.getNowait(), S(q), writer.done());
  writer.cancel();
  try {
    yield* writer;
    print("writer was not cancelled");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("writer cancelled", S(q));
    writer = aio.createTask(q.put(2));
    yield* writer;
  }
  print("get_nowait", q.getNowait(), q.qsize(), S(q));

  print("== test_put_cancelled");
  q = new aio.Queue();
  const q2 = q;
  queuePut = aio.coroutine(function* () {
    yield* q2.put(1);
    return true;
  });
  t = aio.createTask(queuePut());
  print("get", yield* q.get(), t.done(), t.result(), S(q));

  print("== test_put_cancelled_race");
  q = new aio.Queue({ maxsize: 1 });
  const putA = aio.createTask(q.put("a"));
  const putB = aio.createTask(q.put("b"));
  const putC = aio.createTask(q.put("X"));
  yield* aio.sleep(0);
  print("tick", putA.done(), putB.done(), putC.done(), S(q));
  putC.cancel();
  yield* aio.sleep(0);
  print("put_c cancelled", putC.done(), putC.cancelled(), S(q));
  print("get_nowait", q.getNowait(), S(q));
  yield* aio.sleep(0);
  print("get_nowait", q.getNowait(), S(q));
  print("put_b", yield* putB, S(q));

  print("== test_put_with_waiting_getters");
  q = new aio.Queue();
  t = aio.createTask(q.get());
  yield* aio.sleep(0);
  print("getter waiting", S(q));
  yield* q.put("a");
  print("put a", S(q), t.done());
  print("getter", yield* t, S(q));

  print("== test_why_are_putters_waiting");
  q = new aio.Queue(2);
  log = [];
  const q3 = q;
  const putter = aio.coroutine(function* (item) {
    yield* q3.put(item);
    log.push(["put", item, q3.qsize()]);
  });
  const getter = aio.coroutine(function* () {
    yield* aio.sleep(0);
    const num = q3.qsize();
    for (let k = 0; k < num; k++) log.push(["get", q3.getNowait(), S(q3)]);
  });
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(getter());
    for (let i = 0; i < 4; i++) tg.createTask(putter(i));
  });
  for (const x of log) print(" ", ...x);
  print(S(q));

  print("== test_cancelled_puts_not_being_held_in_self_putters");
  q = new aio.Queue({ maxsize: 1 });
  q.putNowait(1);
  let putTask = aio.createTask(q.put(1));
  yield* aio.sleep(0);
  print("putter waiting", S(q));
  putTask.cancel();
  try {
    yield* putTask;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("CancelledError", putTask.cancelled(), S(q));
  }

  print("== test_cancelled_put_silence_value_error_exception");
  q = new aio.Queue(1);
  q.putNowait(1);
  putTask = aio.createTask(q.put(1));
  yield* aio.sleep(0);
  print("putter waiting", S(q));
  q.getNowait();
  print("get_nowait", S(q));
  putTask.cancel();
  try {
    yield* putTask;
    print("no CancelledError?");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("CancelledError", putTask.cancelled(), S(q));
  }
});
