import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Mixed twin of cpy2_queue_basic.mjs: the main body is an async function; the coroutines it defines, its with() and taskGroup() bodies generators.
// CPython test_queues.py, basics, as traces: QueueBasicTests test_str (test_repr is the same
// with the object's address, left out), test_empty, test_full, test_order, test_maxsize;
// QueueGetTests test_blocking_get, test_nonblocking_get, test_nonblocking_get_exception;
// QueuePutTests test_blocking_put, test_nonblocking_put, test_nonblocking_put_exception;
// LifoQueueTests and PriorityQueueTests test_order; the join mixin's test_task_done_underflow,
// test_join_empty_queue and test_format, for the three queue classes. (task_done()'s
// ValueError is a RangeError here, with the same message.)
const S = (q) => String(q);

await aio.run(async function () {
  print("== test_str");
  let q = new aio.Queue();
  print(S(q), S(q).startsWith("<Queue"));
  q = new aio.Queue();
  const q1 = q;
  let getter;
  await aio.taskGroup(function* (tg) {
    getter = tg.createTask(q1.get());
    yield* aio.sleep(0);
    print("getter waiting", S(q1));
    q1.putNowait(0);
    print("put_nowait(0)", S(q1));
  });
  print("getter", await getter, S(q));
  q = new aio.Queue({ maxsize: 1 });
  const q2 = q;
  let putter;
  await aio.taskGroup(function* (tg) {
    q2.putNowait(1);
    putter = tg.createTask(q2.put(2));
    yield* aio.sleep(0);
    print("putter waiting", S(q2));
    q2.getNowait();
    print("get_nowait()", S(q2));
  });
  print("putter", putter.done(), putter.result(), S(q));
  q = new aio.Queue();
  q.putNowait(1);
  print(S(q));

  print("== test_empty");
  q = new aio.Queue();
  print(q.empty());
  await q.put(1);
  print(q.empty());
  print(await q.get(), q.empty());

  print("== test_full");
  q = new aio.Queue();
  print(q.full());
  q = new aio.Queue({ maxsize: 1 });
  await q.put(1);
  print(q.full(), S(q));

  for (const cls of [aio.Queue, aio.LifoQueue, aio.PriorityQueue]) {
    print("== test_order", cls.name);
    q = new cls();
    for (const i of [1, 3, 2]) await q.put(i);
    print(S(q));
    const items = [];
    for (let k = 0; k < 3; k++) items.push(await q.get());
    print(items, S(q));
  }

  print("== test_maxsize");
  q = new aio.Queue({ maxsize: 2 });
  print(q.maxsize);
  const haveBeenPut = [];
  const q3 = q;
  const putterCoro = aio.coroutine(function* () {
    for (let i = 0; i < 3; i++) {
      yield* q3.put(i);
      haveBeenPut.push(i);
    }
    return true;
  });
  const t = aio.createTask(putterCoro());
  for (let i = 0; i < 2; i++) await aio.sleep(0);
  print("blocked", haveBeenPut, S(q));
  print("get", await q.get(), S(q));
  await aio.sleep(0);
  print("resumed", haveBeenPut, S(q));
  print("get", await q.get(), await q.get(), S(q));
  print(t.done(), t.result());

  print("== test_blocking_get");
  q = new aio.Queue();
  q.putNowait(1);
  print(await q.get());

  print("== test_nonblocking_get");
  q = new aio.Queue();
  q.putNowait(1);
  print(q.getNowait());

  print("== test_nonblocking_get_exception");
  q = new aio.Queue();
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof aio.QueueEmpty)) throw e;
    print("QueueEmpty", repr(e), S(q));
  }

  print("== test_blocking_put");
  q = new aio.Queue();
  await q.put(1);
  print(await q.get());

  print("== test_nonblocking_put");
  q = new aio.Queue();
  q.putNowait(1);
  print(q.getNowait());

  print("== test_nonblocking_put_exception");
  q = new aio.Queue({ maxsize: 1 });
  q.putNowait(1);
  try {
    q.putNowait(2);
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    print("QueueFull", repr(e), S(q));
  }

  for (const cls of [aio.Queue, aio.LifoQueue, aio.PriorityQueue]) {
    print("== test_task_done_underflow", cls.name);
    q = new cls();
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message);
    }

    print("== test_join_empty_queue", cls.name);
    q = new cls();
    await q.join();
    await q.join();
    print("joined twice", S(q));

    print("== test_format", cls.name);
    q = new cls();
    print(S(q));
    q.putNowait(5);
    q.putNowait(4);
    print(S(q));
    q.getNowait();
    q.getNowait();
    print(S(q));
    q.taskDone();
    print(S(q));
  }
});
