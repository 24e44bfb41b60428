import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Mixed twin of adv5_sync_prio_lifo_ties.mjs: the getter coroutines are async functions, the rest generators.
// PriorityQueue and LifoQueue with equal priorities and waiting getters: heap order (str() shows
// the heap array), ties broken by the next list element (lists as [priority, data]), negative
// and float priorities, woken getters take whatever is at the front when they run (not what woke
// them), a LIFO getter cancelled after being woken, bounded LIFO putters, and getNowait on empty.
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  let q = null;

  const getter = aio.coroutine(async function (name) {
    try {
      const v = await q.get();
      log.push(tuple("got", name, v));
      return v;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name));
      throw e;
    }
  });

  const flush = (tag) => {
    print(tag, ...log, "|", String(q));
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- priority ties");
  q = new aio.PriorityQueue();
  for (const item of [[2, "b"], [1, "z"], [2, "a"], [1, "y"], [-1, "n"], [0.5, "h"], [1, "x"], [2, "a"]]) {
    q.putNowait(item);
    flush(`put ${repr(item)}`);
  }
  let out = [];
  while (!q.empty()) {
    out.push(q.getNowait());
    print("heap", String(q));
  }
  print("order", out);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof aio.QueueEmpty)) throw e;
    print("QueueEmpty", repr(e.message));
  }

  print("-- priority getters waiting, items arrive in one iteration");
  q = new aio.PriorityQueue();
  let gs = range(0, 4).map((i) => aio.createTask(getter(i)));
  yield* spin(1);
  flush("getters");
  q.putNowait([3, "c"]);
  q.putNowait([1, "a"]);
  q.putNowait([3, "b"]);
  gs[1].cancel();
  q.putNowait([0, "first"]);
  flush("four items, getter 1 cancelled");
  yield* spin(3);
  flush("after");
  print("left", String(q), gs.map((t) => t.cancelled() || t.result()));

  print("-- lifo getters");
  q = new aio.LifoQueue();
  gs = range(0, 3).map((i) => aio.createTask(getter(i)));
  yield* spin(1);
  q.putNowait("one");
  q.putNowait("two");
  gs[0].cancel();
  q.putNowait("three");
  flush("three items, woken getter 0 cancelled");
  yield* spin(3);
  flush("after");
  print("left", String(q));

  print("-- bounded lifo putters");
  q = new aio.LifoQueue(2);
  const putter = aio.coroutine(function* (v) {
    yield* q.put(v);
    log.push(tuple("put", v));
  });
  q.putNowait("p");
  q.putNowait("q");
  const ps = ["r", "s", "t"].map((v) => aio.createTask(putter(v)));
  yield* spin(1);
  flush("putters waiting");
  print("get", q.getNowait());
  print("get", q.getNowait());
  ps[1].cancel();
  flush("two gets, putter s cancelled");
  yield* spin(3);
  flush("after");
  out = [];
  while (!q.empty()) out.push(q.getNowait());
  print("drained", out, q.maxsize, q.full());
});
