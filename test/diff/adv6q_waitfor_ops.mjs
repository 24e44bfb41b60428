import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Queue and Semaphore operations under wait_for() and timeout(): a timeout <= 0 cancels the
// operation's task before its first step, so wait_for(q.get(), 0) raises TimeoutError even with
// an item queued (the item stays), and so do put() on a queue with room, join() on a finished
// queue and acquire() on a free semaphore; a timeout(0) block runs get_nowait-like operations
// that do not suspend to completion; timed-out getters, putters and acquirers leave no waiter
// behind (str() at each point) and the next item, slot or unit goes to the next waiter in line.
// BoundedSemaphore's over-release is a RangeError here (Python's ValueError).
const r = (x) => String(x);
const S = (q) => String(q);

const attempt = aio.coroutine(function* (label, make, timeout) {
  try {
    const res = yield* aio.waitFor(make(), timeout);
    print(" ", label, "->", repr(res));
  } catch (e) {
    if (e instanceof aio.TimeoutError) print(" ", label, "-> TimeoutError");
    else if (e instanceof aio.QueueEmpty) print(" ", label, "-> QueueEmpty");
    else throw e;
  }
});

const spin = aio.coroutine(function* (k) {
  for (let i = 0; i < k; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  print("-- timeout <= 0");
  let q = new aio.Queue(2);
  q.putNowait("a");
  for (const [t, shown] of [[0, "0"], [-1, "-1"], [-0.5, "-0.5"]]) {
    yield* attempt(`get t=${shown}`, () => q.get(), t);
    print("   ", S(q));
  }
  yield* attempt("put t=0", () => q.put("b"), 0);
  print("   ", S(q));
  yield* attempt("join t=0 unfinished", () => q.join(), 0);
  q.getNowait();
  q.taskDone();
  yield* attempt("join t=0 finished", () => q.join(), 0);
  let sem = new aio.Semaphore(2);
  yield* attempt("acquire t=0", () => sem.acquire(), 0);
  print("   ", r(sem), sem.locked());
  const bs = new aio.BoundedSemaphore(1);
  yield* attempt("bounded acquire t=0", () => bs.acquire(), 0);
  try {
    bs.release();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("  ValueError", e.message, r(bs));
  }

  print("-- timeout(0) blocks");
  q.putNowait("x");
  for (const label of ["item there", "empty"]) {
    let cm = null;
    try {
      yield* aio.timeout(0, function* (c) {
        cm = c;
        const v = yield* q.get();
        print(" ", label, "got", repr(v), cm.expired());
        yield* aio.sleep(0);
        print(" ", label, "not reached");
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print(" ", label, "TimeoutError", S(q), cm.expired());
    }
  }

  print("-- timed-out waiters leave");
  q = new aio.Queue(1);
  const waiter = aio.createTask(q.get(), { name: "plain" });
  yield* spin(1);
  print("  plain getter waits", S(q));
  yield* attempt("get t=0.01", () => q.get(), 0.01);
  print("   ", S(q));
  q.putNowait(1);
  print("  put 1", S(q));
  yield* spin(1);
  print("  plain got", waiter.result(), S(q));
  q.putNowait(2);
  const putter = aio.createTask(q.put(3));
  yield* spin(1);
  print("  plain putter waits", S(q));
  yield* attempt("put t=0.01", () => q.put(4), 0.01);
  print("   ", S(q));
  print("  get", q.getNowait(), S(q));
  yield* spin(1);
  print("  putter done", putter.done(), S(q));
  yield* attempt("get t=1 with item", () => q.get(), 1);
  print("   ", S(q));

  print("-- timed-out acquirers");
  sem = new aio.Semaphore(1);
  yield* sem.acquire();
  const holder = aio.createTask(sem.acquire());
  yield* spin(1);
  print(" ", r(sem));
  yield* attempt("acquire t=0.01", () => sem.acquire(), 0.01);
  print("   ", r(sem), sem.locked());
  sem.release();
  print("  released", r(sem), holder.done());
  yield* spin(1);
  print("  holder", holder.result(), r(sem));
  sem.release();
  yield* attempt("acquire t=0.01 free", () => sem.acquire(), 0.01);
  print("   ", r(sem));

  print("-- join under wait_for");
  q = new aio.Queue();
  q.putNowait("j");
  yield* attempt("join t=0.01", () => q.join(), 0.01);
  print("   ", S(q));
  const finisher = aio.coroutine(function* () {
    yield* aio.sleep(0.005);
    q.getNowait();
    q.taskDone();
    print("  finisher done", S(q));
  });
  const f = aio.createTask(finisher());
  yield* attempt("join t=1", () => q.join(), 1);
  yield* f;
});
