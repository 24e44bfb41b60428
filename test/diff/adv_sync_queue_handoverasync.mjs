import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_queue_handover.mjs.
// Queue hand-over under cancellation and contention. putNowait() only wakes a getter: the item
// stays in the queue until the getter runs. So a woken getter that is cancelled leaves the item
// (and the wake-up goes to the next getter); a woken getter whose item is taken by a newcomer
// goes back to the END of the line; the same for putters and free slots. qsize/empty/full while
// putters and getters wait.
const r = (q) => String(q);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  let q = null;

  const getter = aio.coroutine(async function (name) {
    let v;
    try {
      v = await q.get();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("get cancelled", name, q.qsize()));
      throw e;
    }
    log.push(tuple("got", name, v));
    return v;
  });

  const putter = aio.coroutine(async function (name, item) {
    try {
      await q.put(item);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("put cancelled", name, q.qsize(), q.full()));
      throw e;
    }
    log.push(tuple("put", name, item));
  });

  const flush = (tag) => {
    print(tag, ...log, "|", q.qsize(), q.empty(), q.full());
    log.length = 0;
  };

  print("-- woken getter cancelled: item kept, next getter woken");
  q = new aio.Queue();
  let gs = [0, 1, 2].map((i) => aio.createTask(getter(i)));
  await aio.sleep(0);
  q.putNowait("a");
  gs[0].cancel();
  gs[1].cancel();
  flush("same iteration");
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");

  print("-- woken getter robbed by get_nowait: whoever runs first takes the next item");
  gs = [0, 1, 2].map((i) => aio.createTask(getter(i)));
  await aio.sleep(0);
  q.putNowait("b");
  print("robbed", q.getNowait());
  q.putNowait("c");
  await aio.sleep(0);
  flush("tick1");
  q.putNowait("d");
  q.putNowait("e");
  await aio.sleep(0);
  flush("tick2");

  print("-- two puts wake two getters; a newcomer lines up behind the third");
  gs = [0, 1, 2].map((i) => aio.createTask(getter(i)));
  await aio.sleep(0);
  q.putNowait("f");
  q.putNowait("g");
  const newcomer = aio.createTask(getter("new"));
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  q.putNowait("h");
  await aio.sleep(0);
  flush("tick3");
  newcomer.cancel();
  await aio.sleep(0);
  flush("newcomer cancelled");

  print("-- putters: woken putter cancelled, slot passed on");
  q = new aio.Queue(2);
  q.putNowait(1);
  q.putNowait(2);
  let ps = [0, 1, 2, 3].map((i) => aio.createTask(putter(i, 10 + i)));
  await aio.sleep(0);
  flush("full, putters waiting");
  print("get", q.getNowait());
  ps[0].cancel();
  ps[1].cancel();
  flush("same iteration");
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  const items = [];
  for (let n = q.qsize(), i = 0; i < n; i++) items.push(q.getNowait());
  print("items", items);
  await aio.sleep(0);
  flush("tick3");

  print("-- putters: woken putter robbed by put_nowait, back to the end");
  q = new aio.Queue(1);
  q.putNowait("x");
  ps = [0, 1, 2].map((i) => aio.createTask(putter(i, i)));
  await aio.sleep(0);
  print("get", q.getNowait());
  q.putNowait("barge");
  flush("same iteration");
  await aio.sleep(0);
  flush("tick1");
  const got = [];
  for (let i = 0; i < 4; i++) {
    got.push(q.getNowait());
    await aio.sleep(0);
    await aio.sleep(0);
  }
  flush("drained");
  print("order", got);

  print("-- getter cancelled with a message; put cancelled while queue stays full");
  q = new aio.Queue(1);
  const g = aio.createTask(q.get());
  await aio.sleep(0);
  print("getter waiting", r(q));
  g.cancel("no more");
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("get raised", repr(e.message), r(q));
  }
  q.putNowait(0);
  const p = aio.createTask(q.put(1));
  await aio.sleep(0);
  print("putter waiting", q.qsize(), q.full());
  p.cancel();
  await aio.sleep(0);
  print("putter gone", p.cancelled(), q.getNowait(), r(q));
  q.taskDone();
  print("task done", r(q));
});
