import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Getters woken by several puts in one iteration take items in the queue's order at the time
// each runs (LifoQueue: the last put first; PriorityQueue: the smallest), not the item whose put
// woke them; bounded LifoQueue putters; join() with several joiners, one cancelled; taskDone()
// too often (RangeError, Python's ValueError; counter untouched); join() woken by the last
// taskDone() even when a putNowait() follows in the same iteration; qsize/empty/full at each step.
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const st = (q) => tuple(q.qsize(), q.empty(), q.full());

  const getter = aio.coroutine(function* (q, name) {
    const v = yield* q.get();
    log.push(tuple("got", name, v, st(q)));
    return v;
  });

  const flush = (tag, q) => {
    print(tag, ...log, "|", st(q));
    log.length = 0;
  };

  for (const cls of [aio.LifoQueue, aio.PriorityQueue, aio.Queue]) {
    print("--", cls.name, "three puts wake three getters");
    const q = new cls();
    const gs = [0, 1, 2].map((i) => aio.createTask(getter(q, i)));
    yield* aio.sleep(0);
    for (const x of [tuple(2, "b"), tuple(1, "a"), tuple(3, "c")]) q.putNowait(x);
    const newcomer = aio.createTask(getter(q, "new"));
    flush("put", q);
    yield* aio.sleep(0);
    flush("tick1", q);
    q.putNowait(tuple(0, "z"));
    yield* aio.sleep(0);
    flush("tick2", q);
    yield* aio.gather(...gs, newcomer);
  }

  print("-- bounded LifoQueue: putters and the order items come out");
  let q = new aio.LifoQueue(2);
  const putter = aio.coroutine(function* (name, item) {
    yield* q.put(item);
    log.push(tuple("put", name, item, st(q)));
  });
  q.putNowait("p0");
  q.putNowait("p1");
  [0, 1, 2].map((i) => aio.createTask(putter(i, `w${i}`)));
  yield* aio.sleep(0);
  flush("full", q);
  const out = [q.getNowait()];
  out.push(q.getNowait());
  flush("took two", q);
  yield* aio.sleep(0);
  flush("tick1", q);
  out.push(q.getNowait());
  yield* aio.sleep(0);
  flush("tick2", q);
  while (!q.empty()) {
    out.push(q.getNowait());
    yield* aio.sleep(0);
  }
  flush("drained", q);
  print("order", out);

  print("-- join with several joiners");
  q = new aio.Queue();
  const joiner = aio.coroutine(function* (name) {
    try {
      yield* q.join();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("join cancelled", name));
      throw e;
    }
    log.push(tuple("joined", name, st(q)));
  });
  print("join on fresh queue returns at once:", yield* q.join());
  for (let x = 0; x < 2; x++) q.putNowait(x);
  const js = [0, 1, 2].map((i) => aio.createTask(joiner(i)));
  yield* aio.sleep(0);
  flush("joiners wait", q);
  q.getNowait();
  q.getNowait();
  q.taskDone();
  js[1].cancel();
  yield* aio.sleep(0);
  flush("one done, one cancelled", q);
  q.taskDone();
  q.putNowait("again");
  yield* aio.sleep(0);
  flush("woken despite new item", q);
  const late = aio.createTask(joiner("late"));
  yield* aio.sleep(0);
  flush("late joiner waits", q);
  q.getNowait();
  q.taskDone();
  const tooMany = () => {
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message);
    }
  };
  tooMany();
  yield* aio.sleep(0);
  flush("late joined", q);
  tooMany();
  q.putNowait("x");
  q.taskDone();
  print("task_done before get is allowed", st(q), yield* q.join());
  print(q.getNowait(), js.map((t) => t.cancelled()), late.done());
});
