import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Async-function twin of cpy2_queue_requeue.mjs.
// Variations on CPython test_queues.py test_get_with_putters, test_put_with_waiting_getters
// and test_why_are_getters_waiting / test_why_are_putters_waiting, as traces: a woken getter
// whose item is taken by get_nowait() before it runs waits again at the end of the line (a
// later put wakes the next getter, and the first one still takes it); a woken putter whose slot
// is filled by put_nowait() before it runs waits again behind the others; one Semaphore release
// and then two more with three waiters (test_acquire); join() when the last task_done() is
// followed at once by a new put (the join still returns, as the Event was set).
const st = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : "D:" + repr(t.result())) : "P"));

await aio.run(async function () {
  print("== test_get_with_putters, a woken getter robbed");
  let q = new aio.Queue();
  const g = [0, 1, 2].map((i) => aio.createTask(q.get(), { name: `g${i}` }));
  await aio.sleep(0);
  q.putNowait("x");
  print(String(q), q.getNowait(), String(q));
  q.putNowait("y");
  print(String(q));
  await aio.sleep(0);
  print(String(q), st(g));
  q.putNowait("z");
  q.putNowait("w");
  print(String(q));
  await aio.sleep(0);
  print(String(q), st(g));
  await aio.sleep(0);
  print(String(q), st(g));

  print("== test_put_with_waiting_getters, a woken putter's slot taken");
  q = new aio.Queue(1);
  q.putNowait(0);
  const p = [1, 2, 3].map((i) => aio.createTask(q.put(i)));
  await aio.sleep(0);
  print(String(q), q.getNowait(), String(q));
  q.putNowait(9);
  print(String(q));
  print(q.getNowait(), String(q));
  await aio.sleep(0);
  print(String(q), st(p));
  for (let k = 0; k < 4; k++) {
    if (q.qsize()) print(" got", q.getNowait(), String(q));
    await aio.sleep(0);
    print(" ", String(q), st(p));
  }

  print("== test_acquire (Semaphore), releases one then two");
  const s = new aio.Semaphore(0);
  const ws = [0, 1, 2].map(() => aio.createTask(s.acquire()));
  await aio.sleep(0);
  s.release();
  print(s.locked(), ws.map((t) => t.done()));
  s.release();
  s.release();
  await aio.sleep(0);
  print(s.locked(), st(ws));

  print("== test_task_done, join() woken then a new item");
  q = new aio.Queue();
  q.putNowait(1);
  const j = aio.createTask(q.join());
  await aio.sleep(0);
  q.getNowait();
  q.taskDone();
  q.putNowait(2);
  print(String(q), j.done());
  await aio.sleep(0);
  print(String(q), j.done());
});
