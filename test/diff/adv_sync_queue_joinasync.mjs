import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_queue_join.mjs.
// Queue.join()/taskDone(): taskDone() called too many times (the error text, and the counter
// left intact; ValueError in Python, RangeError here); several joiners woken together; a put
// between the wake-up and the joiner running (the joiner returns all the same); join() on a
// finished queue does not suspend; a cancelled joiner; taskDone() with items still queued;
// join while getters wait.
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const log = [];

  const td = (q, tag) => {
    try {
      q.taskDone();
      log.push(tuple(tag, "ok"));
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      log.push(tuple(tag, e.message));
    }
  };

  const joiner = aio.coroutine(async function (q, name) {
    try {
      await q.join();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("join cancelled", name));
      throw e;
    }
    log.push(tuple("joined", name, q.qsize()));
  });

  print("-- too many task_done");
  let q = new aio.Queue();
  td(q, "empty");
  q.putNowait(1);
  td(q, "one");
  td(q, "two");
  print(...log, q.qsize());
  q.getNowait();
  print("drained", String(q));
  td(q, "after get");
  print(log[log.length - 1], String(q));
  log.length = 0;

  print("-- join on a finished queue does not suspend");
  const order = [];
  const quick = aio.coroutine(async function () {
    order.push("start");
    await q.join();
    order.push("joined");
  });
  loop.callSoon((x) => order.push(x), "cb");
  aio.createTask(quick());
  loop.callSoon((x) => order.push(x), "cb2");
  await aio.sleep(0);
  print(order);

  print("-- several joiners, a put between the wake-up and their run");
  q = new aio.Queue();
  q.putNowait("a");
  q.putNowait("b");
  const js = [0, 1, 2].map((i) => aio.createTask(joiner(q, i)));
  await aio.sleep(0);
  print("waiting", q.qsize());
  q.getNowait();
  td(q, "a");
  q.getNowait();
  js[1].cancel();
  td(q, "b");
  q.putNowait("c");
  print("state", q.qsize());
  await aio.sleep(0);
  print(...log);
  log.length = 0;
  const late = aio.createTask(joiner(q, "late"));
  await aio.sleep(0);
  print("late waiting", late.done(), q.qsize());
  q.getNowait();
  td(q, "c");
  td(q, "extra");
  await aio.sleep(0);
  print(...log);
  log.length = 0;

  print("-- task_done before get; join while getters wait");
  q = new aio.Queue();
  const g = aio.createTask(q.get());
  await aio.sleep(0);
  q.putNowait("x");
  td(q, "early");
  const j = aio.createTask(joiner(q, "j"));
  await aio.sleep(0);
  print(...log, g.result(), String(q), j.done());
  log.length = 0;
  await j;

  print("-- joiner cancelled after being woken");
  q = new aio.Queue();
  q.putNowait(1);
  const j1 = aio.createTask(joiner(q, "j1"));
  const j2 = aio.createTask(joiner(q, "j2"));
  await aio.sleep(0);
  q.getNowait();
  td(q, "1");
  j1.cancel();
  await aio.gather(j1, j2, { returnExceptions: true });
  print(...log, j1.cancelled(), j2.cancelled());
});
