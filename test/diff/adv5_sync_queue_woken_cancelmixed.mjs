import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Mixed twin of adv5_sync_queue_woken_cancel.mjs: the getter, joiner coroutines are async functions, the rest generators.
// Queue getters and putters cancelled after being woken: the item (or slot) is handed over to the
// next waiter, a woken getter cancelled while another getter was cancelled before, putters on a
// full queue cancelled in the iteration a slot opens, str() of the queue with stale waiters
// listed, join() with taskDone() called too often (RangeError is Python's ValueError, the loop
// keeps working) and join() waiters cancelled while others are released.
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

await aio.run(function* () {
  const log = [];
  let q = null;

  const getter = aio.coroutine(async function (name) {
    try {
      const v = await q.get();
      log.push(tuple("got", name, v));
      return v;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("get cancelled", name, args(e)));
      throw e;
    }
  });
  const putter = aio.coroutine(function* (name, v) {
    try {
      yield* q.put(v);
      log.push(tuple("put", name, v));
      return v;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("put cancelled", name, args(e)));
      throw e;
    }
  });

  const flush = (tag) => {
    print(tag, ...log, "|", String(q), q.qsize());
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- woken getters cancelled");
  q = new aio.Queue();
  const gs = range(0, 5).map((i) => aio.createTask(getter(i)));
  yield* spin(1);
  flush("five getters");
  gs[1].cancel("before");
  q.putNowait("a");
  q.putNowait("b");
  flush("two items");
  gs[0].cancel("woken");
  flush("cancel woken 0");
  yield* spin(3);
  flush("after");
  print("states", states(gs));
  q.putNowait("c");
  gs[4].cancel();
  q.putNowait("d");
  yield* spin(3);
  flush("c, cancel 4, d");
  print("states", states(gs), q.qsize());

  print("-- woken putters cancelled");
  q = new aio.Queue(2);
  q.putNowait(1);
  q.putNowait(2);
  const ps = range(0, 4).map((i) => aio.createTask(putter(i, 10 + i)));
  yield* spin(1);
  flush("four putters on a full queue");
  print("get", q.getNowait());
  ps[0].cancel("slot lost");
  flush("one slot, its putter cancelled");
  yield* spin(3);
  flush("after");
  print("get", q.getNowait(), q.getNowait());
  ps[2].cancel();
  yield* spin(3);
  flush("two slots, putter 2 cancelled");
  print("states", states(ps), q.full());
  try {
    q.putNowait(99);
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    print("QueueFull", String(q));
  }
  while (!q.empty()) q.getNowait();

  print("-- task_done too often, join waiters cancelled");
  q = new aio.Queue();
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const joiner = aio.coroutine(async function (name) {
    try {
      await q.join();
      log.push(tuple("joined", name));
    } catch (e) {
      if (isCancel(e)) log.push(tuple("join cancelled", name));
      throw e;
    }
  });
  const js = range(0, 3).map((i) => aio.createTask(joiner(i)));
  yield* spin(1);
  flush("three joiners");
  for (let i = 0; i < 3; i++) q.getNowait();
  q.taskDone();
  q.taskDone();
  js[1].cancel();
  flush("two done, joiner 1 cancelled");
  q.taskDone();
  js[2].cancel();
  flush("all done, joiner 2 cancelled in the same iteration");
  yield* spin(2);
  flush("after");
  print("states", js.map((t) => (t.cancelled() ? "C" : "ok")));
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  yield* q.join();
  q.putNowait("x");
  print("get", yield* q.get());
  q.taskDone();
  yield* q.join();
  flush("still working");
});
