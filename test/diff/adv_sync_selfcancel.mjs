import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// A task that cancels itself (a pending cancellation, asyncio's _must_cancel) keeps running
// through operations that do not suspend: get()/put() on a queue that can serve at once, a free
// lock or semaphore, a set event, waitFor() with a true predicate, a one-party barrier, join()
// on a finished queue. The CancelledError arrives at the first await that really waits, and
// nothing taken before is lost or left locked.
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const q = new aio.Queue(2);
  q.putNowait("item");
  const lock = new aio.Lock();
  const sem = new aio.Semaphore(1);
  const ev = new aio.Event();
  ev.set();
  const cond = new aio.Condition();
  const b = new aio.Barrier(1);

  const body = aio.coroutine(function* () {
    const task = aio.currentTask();
    task.cancel("self");
    log.push(tuple("cancelling", task.cancelling()));
    log.push(tuple("get", yield* q.get()));
    yield* q.put("back");
    log.push(tuple("put", q.qsize()));
    yield* lock.acquire();
    log.push(tuple("lock", lock.locked()));
    lock.release();
    yield* sem.acquire();
    log.push(tuple("sem", sem.locked()));
    sem.release();
    log.push(tuple("event", yield* ev.wait()));
    yield* cond.acquire();
    log.push(tuple("wait_for", yield* cond.waitFor(() => "ready")));
    cond.release();
    log.push(tuple("barrier", yield* b.wait()));
    q.getNowait();
    q.taskDone();
    q.taskDone();
    yield* q.join();
    log.push(tuple("joined", q.qsize()));
    try {
      yield* aio.sleep(0);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled at sleep", e.message, task.cancelling()));
      throw e;
    }
  });

  const t = aio.createTask(body());
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    log.push(tuple("task cancelled", e.message));
  }
  for (const x of log) print(...x);
  print("state", q.qsize(), lock.locked(), sem.locked(), cond.locked(), b.nWaiting, b.broken);

  print("-- cancelled again while the cancellation is pending: still one CancelledError");
  log.length = 0;
  const twice = aio.coroutine(function* () {
    const task = aio.currentTask();
    task.cancel("one");
    task.cancel("two");
    yield* lock.with(function* () {
      log.push(tuple("in lock", task.cancelling()));
    });
    try {
      yield* aio.sleep(0);
    } catch (e) {
      if (!isCancel(e)) throw e;
      log.push(tuple("caught", e.message, task.cancelling(), task.uncancel(), task.uncancel()));
    }
    yield* aio.sleep(0);
    log.push(tuple("survived", lock.locked()));
    return "ok";
  });
  print(yield* aio.createTask(twice()));
  for (const x of log) print(...x);
});
