import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6q_subclass.mjs.

// Queue subclasses through asyncio's storage hooks: a queue that drops duplicates in _put()
// (put_nowait still counts an unfinished task and wakes a getter, which finds the queue empty
// and waits again at the back of the line), a queue whose _get() takes from the back (a LIFO
// made from a FIFO) bounded with waiting putters, and str() naming the subclass. The hooks'
// effects on qsize/empty/full/join and the hand-over between waiters. (aionode's hooks are
// _init/_qsize/_put/_get/_clear/_items; BackQueue overrides them all with its own storage.)
class DedupQueue extends aio.Queue {
  _put(item) {
    if (!this._items().includes(item)) super._put(item);
  }
}

class BackQueue extends aio.Queue {
  _init() {
    this._queue = [];
  }
  _qsize() {
    return this._queue.length;
  }
  _put(item) {
    this._queue.push(item);
  }
  _get() {
    return this._queue.pop();
  }
  _clear() {
    this._queue.length = 0;
  }
  _items() {
    return this._queue.slice();
  }
}

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

await aio.run(async function () {
  const log = [];
  const flush = (tag, q) => {
    print(tag, ...log, "|", String(q), q.qsize(), q.empty(), q.full());
    log.length = 0;
  };

  const getter = aio.coroutine(async function (q, name) {
    let v;
    try {
      v = await q.get();
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(tuple(name, "cancelled"));
      throw e;
    }
    log.push(tuple(name, "got", v));
    return v;
  });

  const putter = aio.coroutine(async function (q, name, v) {
    await q.put(v);
    log.push(tuple(name, "put", v));
  });

  print("-- dedup");
  let q = new DedupQueue(3);
  for (const x of ["a", "b", "a", "c", "b"]) {
    try {
      q.putNowait(x);
      flush("put " + x, q);
    } catch (e) {
      if (!(e instanceof aio.QueueFull)) throw e;
      flush("QueueFull " + x, q);
    }
  }
  print(" got", Array.from({ length: q.qsize() }, () => q.getNowait()), String(q));
  const gs = [0, 1, 2].map((i) => aio.createTask(getter(q, `g${i}`)));
  await spin(1);
  flush("three getters", q);
  q.putNowait("x");
  q.putNowait("x");
  flush("x twice", q);
  await spin(1);
  flush("tick1", q);
  q.putNowait("y");
  q.putNowait("x");
  await spin(1);
  flush("y and x", q);
  log.push(tuple("cancel a finished getter", gs[2].cancel()));
  await spin(1);
  flush("after", q);
  for (let i = 0; i < 9; i++) {
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      flush("ValueError " + e.message, q);
      break;
    }
  }
  const j = aio.createTask(q.join());
  await spin(1);
  print(" join done", j.done());

  print("-- back queue");
  q = new BackQueue(2);
  q.putNowait(1);
  q.putNowait(2);
  const ps = [0, 1, 2].map((i) => aio.createTask(putter(q, `p${i}`, 10 + i)));
  await spin(1);
  flush("full, three putters", q);
  log.push(tuple("got", q.getNowait()));
  log.push(tuple("got", q.getNowait()));
  flush("two gets", q);
  await spin(1);
  flush("tick1", q);
  ps[2].cancel();
  log.push(tuple("got", q.getNowait()));
  flush("p2 cancelled, one get", q);
  await spin(2);
  flush("tick3", q);
  while (!q.empty()) log.push(tuple("got", q.getNowait()));
  await spin(2);
  flush("drained", q);
  print(" states", ps.map((p) => (p.done() ? (p.cancelled() ? "C" : "ok") : "P")));
});
