import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_queue_order.mjs.
// Order of items and waiters: LifoQueue with putNowait/getNowait interleaved with getters that
// wait (a woken getter takes whatever is on top when it runs, not the item that woke it);
// PriorityQueue with equal priorities and tuples, and several items put before the woken
// getters run; a bounded queue whose full-queue putters are woken in FIFO order, several in one
// iteration; maxsize <= 0 is unbounded.
await aio.run(async function () {
  const log = [];

  const getter = aio.coroutine(async function (q, name) {
    const v = await q.get();
    log.push(tuple(name, v));
    return v;
  });

  const putter = aio.coroutine(async function (q, name, item) {
    await q.put(item);
    log.push(tuple("put", name, q.qsize(), q.full()));
  });

  const flush = (tag, q) => {
    print(tag, ...log, "|", q.qsize(), q.full());
    log.length = 0;
  };
  const range = (n) => [...Array(n).keys()];

  print("-- LifoQueue: woken getters take the top when they run");
  let q = new aio.LifoQueue();
  let gs = range(4).map((i) => aio.createTask(getter(q, `g${i}`)));
  await aio.sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  q.putNowait(3);
  print("top taken now", q.getNowait());
  q.putNowait(4);
  flush("same iteration", q);
  await aio.sleep(0);
  flush("tick", q);
  const g3 = gs[3];
  gs = range(2).map((i) => aio.createTask(getter(q, `h${i}`)));
  q.putNowait("a");
  q.putNowait("b");
  await aio.sleep(0);
  flush("fast path", q);
  print("g3 still waiting", g3.done());
  g3.cancel();
  await aio.sleep(0);
  print("g3", g3.cancelled());

  print("-- PriorityQueue: equal priorities, tuples, woken getters");
  q = new aio.PriorityQueue();
  gs = range(5).map((i) => aio.createTask(getter(q, `g${i}`)));
  await aio.sleep(0);
  for (const item of [tuple(2, "b"), tuple(1, "z"), tuple(1, "a"), tuple(2, "a", 0), tuple(1, "a", -1)]) q.putNowait(item);
  await aio.sleep(0);
  flush("tick", q);
  q = new aio.PriorityQueue(3);
  for (const item of [tuple(5, 0), tuple(5, -1), tuple(5, 0, 0)]) q.putNowait(item);
  let ps = range(4).map((i) => aio.createTask(putter(q, i, tuple(i % 2, "p", i))));
  await aio.sleep(0);
  flush("full", q);
  let out = [];
  for (let i = 0; i < 3; i++) {
    out.push(q.getNowait());
    await aio.sleep(0);
  }
  flush("after gets", q);
  for (let n = q.qsize(), i = 0; i < n; i++) out.push(q.getNowait());
  await aio.sleep(0);
  flush("drained", q);
  for (let n = q.qsize(), i = 0; i < n; i++) out.push(q.getNowait());
  print("out", out);

  print("-- bounded Queue: putters woken in FIFO order, several per iteration");
  q = new aio.Queue(2);
  q.putNowait("x0");
  q.putNowait("x1");
  ps = range(5).map((i) => aio.createTask(putter(q, i, `p${i}`)));
  await aio.sleep(0);
  flush("waiting", q);
  print("got", q.getNowait(), q.getNowait());
  flush("freed two", q);
  await aio.sleep(0);
  flush("tick1", q);
  print("got", q.getNowait());
  ps[2].cancel();
  ps[4].cancel();
  await aio.sleep(0);
  flush("tick2", q);
  await aio.sleep(0);
  flush("tick3", q);
  const rest = [];
  for (let n = q.qsize(), i = 0; i < n; i++) rest.push(q.getNowait());
  print("rest", rest, ps.map((t) => t.cancelled()));

  print("-- bounded LifoQueue: a woken putter's item is the next one out");
  q = new aio.LifoQueue(2);
  q.putNowait("a");
  q.putNowait("b");
  ps = range(2).map((i) => aio.createTask(putter(q, i, `p${i}`)));
  await aio.sleep(0);
  out = [];
  for (let i = 0; i < 4; i++) {
    out.push(q.getNowait());
    await aio.sleep(0);
  }
  flush("tick", q);
  print("out", out);

  print("-- maxsize <= 0: unbounded");
  for (const m of [0, -1]) {
    q = new aio.Queue(m);
    for (let i = 0; i < 5; i++) q.putNowait(i);
    print(m, q.maxsize, q.qsize(), q.full(), q.empty());
  }
});
