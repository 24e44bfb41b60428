import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_queue_steal_maxsize.mjs.

// Queue hand-over that is not a hand-over: a getter woken by putNowait() has not run when a
// newcomer's getNowait() (or get()) takes the item, so the woken getter waits again (at the back
// of the line); the same for a putter woken by a free slot whose slot a newcomer fills; maxsize
// 0, negative and 1 (full(), str()), QueueEmpty/QueueFull while waiters are listed, and qsize
// through all of it.
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  let q = null;

  const getter = aio.coroutine(async function (name) {
    try {
      const v = await q.get();
      log.push(tuple("got", name, v));
      return v;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("get cancelled", name));
      throw e;
    }
  });
  const putter = aio.coroutine(async function (name, v) {
    try {
      await q.put(v);
      log.push(tuple("put", name, v));
      return v;
    } catch (e) {
      if (isCancel(e)) log.push(tuple("put cancelled", name));
      throw e;
    }
  });

  const flush = (tag) => {
    print(tag, ...log, "|", String(q), q.qsize(), q.full(), q.empty());
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- woken getter robbed by get_nowait");
  q = new aio.Queue();
  let gs = range(0, 2).map((i) => aio.createTask(getter(i)));
  await spin(1);
  q.putNowait("x");
  print("stolen", q.getNowait());
  flush("put then get_nowait");
  await spin(2);
  flush("after");
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof aio.QueueEmpty)) throw e;
    print("QueueEmpty", String(q));
  }
  q.putNowait("y");
  q.putNowait("z");
  await spin(2);
  flush("two more");
  print("states", states(gs));

  print("-- woken getter robbed by a newcomer task");
  q = new aio.Queue();
  gs = [aio.createTask(getter("A"))];
  await spin(1);
  gs.push(aio.createTask(getter("N")));
  q.putNowait(1);
  await spin(1);
  flush("tick1");
  q.putNowait(2);
  await spin(1);
  flush("tick2");
  print("states", states(gs));

  print("-- woken putter robbed by put_nowait");
  q = new aio.Queue(1);
  q.putNowait("full");
  let ps = range(0, 2).map((i) => aio.createTask(putter(i, `p${i}`)));
  await spin(1);
  flush("two putters");
  print("get", q.getNowait());
  q.putNowait("thief");
  flush("slot taken by put_nowait");
  try {
    q.putNowait("again");
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    print("QueueFull", String(q));
  }
  await spin(2);
  flush("after");
  print("get", q.getNowait());
  await spin(2);
  flush("slot freed");
  print("get", q.getNowait());
  await spin(2);
  flush("slot freed");
  print("states", states(ps));

  print("-- maxsize 0 and negative");
  for (const m of [0, -1, -100]) {
    q = new aio.Queue(m);
    for (let i = 0; i < 5; i++) q.putNowait(i);
    await q.put(5);
    flush(`maxsize ${m}`);
    print("maxsize", q.maxsize);
  }

  print("-- maxsize 1 ping-pong with cancelled waiters on both sides");
  q = new aio.Queue(1);
  ps = range(0, 4).map((i) => aio.createTask(putter(i, i)));
  await spin(1);
  flush("one in, three waiting");
  ps[2].cancel();
  gs = range(0, 3).map((i) => aio.createTask(getter(i)));
  await spin(1);
  flush("three getters ran");
  gs[1].cancel();
  await spin(3);
  flush("after");
  print("states", states(ps), states(gs));
});
