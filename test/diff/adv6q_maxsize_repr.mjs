import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Odd maxsize values and str() of queues: maxsize inf, -inf, negative, 0, 1 and 2 (full(),
// empty(), qsize(), put_nowait/QueueFull, get_nowait/QueueEmpty and their repr/str), str() with
// items of many kinds (long strings shown in full, quotes, None/True/floats/nan/-0.0, nested
// lists, more than six items), the _getters[n]/_putters[n]/tasks=n parts as waiters come, are
// cancelled (still listed until they run) and leave, LifoQueue/PriorityQueue layouts, and a
// get()/put() coroutine awaited twice (RuntimeError). taskDone() too often is a RangeError here
// (Python's ValueError).
const spin = aio.coroutine(function* (k) {
  for (let i = 0; i < k; i++) yield* aio.sleep(0);
});
const S = (q) => String(q);

await aio.run(function* () {
  print("-- odd maxsize");
  for (const m of [Infinity, -Infinity, -3, -1, 0, 1, 2]) {
    const q = new aio.Queue(m);
    const row = [S(q), q.maxsize, q.full(), q.empty(), q.qsize()];
    for (let i = 0; i < 3; i++) {
      try {
        q.putNowait(i);
        row.push(tuple("put", i, q.full()));
      } catch (e) {
        if (!(e instanceof aio.QueueFull)) throw e;
        row.push(tuple("QueueFull", repr(e), str(e), q.qsize()));
      }
    }
    print(...row);
    print("  ", S(q));
    const got = [];
    for (let i = 0; i < 4; i++) {
      try {
        got.push(q.getNowait());
      } catch (e) {
        if (!(e instanceof aio.QueueEmpty)) throw e;
        got.push(tuple("QueueEmpty", repr(e), str(e)));
      }
    }
    print("  ", got, S(q), q.empty(), q.full());
    for (let i = 0; i < 4; i++) {
      try {
        q.taskDone();
        got.push(tuple("done", S(q)));
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        got.push(tuple("ValueError", e.message));
      }
    }
    print("  ", got.slice(-4));
  }

  print("-- items of many kinds");
  let q = new aio.Queue();
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  for (const x of ["x".repeat(40), range(10), "it's", "a\"b'c", [null, true, false, 0.5, -0, NaN, 2.5e-20, 1e-7, -2.5],
    ["a".repeat(35), [1, [2, [3, []]]]], "", "tab\there", null, true, 0.1]) {
    q.putNowait(x);
  }
  print(S(q));
  while (!q.empty()) {
    const x = q.getNowait();
    print(" ", repr(x), q.qsize());
  }
  print(S(q));

  print("-- waiters in the str");
  q = new aio.Queue(1);
  const getters = [0, 1, 2].map((i) => aio.createTask(q.get(), { name: `g${i}` }));
  print("created", S(q));
  yield* spin(1);
  print("waiting", S(q));
  getters[1].cancel();
  print("g1 cancel requested", S(q));
  yield* spin(1);
  print("g1 ran", S(q), getters[1].cancelled());
  q.putNowait("A");
  print("put A", S(q));
  const putters = [0, 1, 2].map((i) => aio.createTask(q.put(`P${i}`)));
  yield* spin(1);
  print("putters waiting", S(q), getters.map((t) => t.done()));
  putters[0].cancel();
  putters[2].cancel();
  print("p0 p2 cancel requested", S(q));
  yield* spin(1);
  print("after", S(q), putters.map((t) => t.cancelled()));
  if (!q.full()) q.putNowait("B");
  else print("full, QueueFull expected");
  try {
    q.putNowait("C");
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    print("QueueFull", S(q));
  }
  print("getter results", getters.map((t) => (t.done() && !t.cancelled() ? t.result() : t.cancelled() ? "C" : "P")));
  while (q.qsize() || ![...putters, ...getters].every((t) => t.done())) {
    if (q.qsize()) print(" got", q.getNowait(), S(q));
    yield* spin(1);
  }
  print("end", S(q));
  for (let i = 0; i < 5; i++) {
    try {
      q.taskDone();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", e.message, S(q));
      break;
    }
  }
  print("final", S(q));

  print("-- lifo and priority layouts");
  const lq = new aio.LifoQueue(3);
  const pq = new aio.PriorityQueue(3);
  for (const x of [5, 1, 4]) {
    lq.putNowait(x);
    pq.putNowait(x);
    print(" ", S(lq), S(pq), lq.full(), pq.full());
  }
  for (const qq of [lq, pq]) {
    try {
      qq.putNowait(0);
    } catch (e) {
      if (!(e instanceof aio.QueueFull)) throw e;
      print("QueueFull", qq.constructor.name, qq.qsize());
    }
  }
  print(" ", lq.getNowait(), pq.getNowait(), S(lq), S(pq));

  print("-- a coroutine awaited twice");
  q = new aio.Queue(1);
  q.putNowait("one");
  const c = q.get();
  print("first", yield* c);
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  const p = q.put("two");
  yield* p;
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, S(q));
  }
  print("still works", yield* q.get(), S(q));
});
