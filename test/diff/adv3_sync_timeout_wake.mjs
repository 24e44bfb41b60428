import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// A deadline that expires in the same iteration as the wake-up of the primitive a task waits on
// (a timeout rescheduled into the past runs its callback with callSoon, so the order of
// reschedule() and release()/set()/notify()/putNowait()/getNowait()/taskDone() decides who
// runs first). Wake-up first: the waiter gets through. Deadline first: the waiter was woken but
// is cancelled before it runs; it must pass the wake-up on (Lock, Semaphore, Queue) or drop it
// (Condition in 3.11 does not pass a notification on), and the timeout becomes TimeoutError.
const r = (x) => {
  if (x instanceof aio.Queue) return String(x).replace(/ _queue=\[[^\]]*\]/, ` _queue:${x.qsize()}`);
  return String(x);
};

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const log = [];
  const cms = {};

  const guarded = aio.coroutine(function* (name, make) {
    let v;
    try {
      yield* aio.timeout(null, function* (cm) {
        cms[name] = cm;
        v = yield* make();
        log.push(tuple("ok", name, v));
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      log.push(tuple("timeout", name, cms[name].expired()));
      return "T";
    }
    log.push(tuple("left", name, cms[name].expired()));
    return v;
  });

  const plain = aio.coroutine(function* (name, make) {
    const v = yield* make();
    log.push(tuple("plain ok", name, v));
    return v;
  });

  const flush = (tag, prim) => {
    print(tag, ...log, "|", r(prim));
    log.length = 0;
  };

  const scenario = aio.coroutine(function* (title, prim, setup, wait, wake, deadlineFirst) {
    print("--", title, deadlineFirst ? "deadline first" : "wake first");
    yield* setup();
    const g = aio.createTask(guarded("G", wait));
    const p = aio.createTask(plain("P", wait));
    yield* aio.sleep(0);
    flush("waiting", prim);
    if (deadlineFirst) {
      cms.G.reschedule(loop.time() - 1);
      wake();
    } else {
      wake();
      cms.G.reschedule(loop.time() - 1);
    }
    flush("same iteration", prim);
    for (let i = 0; i < 3; i++) {
      yield* aio.sleep(0);
      flush(`tick${i}`, prim);
    }
    return [g, p];
  });

  const finish = aio.coroutine(function* (g, p, prim, more) {
    if (!p.done()) more();
    const res = yield* aio.gather(g, p);
    flush(`end ${repr(res)}`, prim);
  });

  const noSetup = aio.coroutine(function* () {});

  for (const first of [false, true]) {
    const lock = new aio.Lock();
    const setup = aio.coroutine(function* () {
      yield* lock.acquire();
    });
    const wait = aio.coroutine(function* () {
      return yield* lock.acquire();
    });
    const [g, p] = yield* scenario("Lock", lock, setup, wait, () => lock.release(), first);
    yield* finish(g, p, lock, () => lock.release());
  }

  for (const first of [false, true]) {
    const sem = new aio.Semaphore(0);
    const wait = aio.coroutine(function* () {
      return yield* sem.acquire();
    });
    const [g, p] = yield* scenario("Semaphore", sem, noSetup, wait, () => sem.release(), first);
    yield* finish(g, p, sem, () => sem.release());
  }

  for (const first of [false, true]) {
    const ev = new aio.Event();
    const wait = aio.coroutine(function* () {
      return yield* ev.wait();
    });
    const [g, p] = yield* scenario("Event", ev, noSetup, wait, () => ev.set(), first);
    yield* finish(g, p, ev, () => ev.set());
  }

  for (const first of [false, true]) {
    const cond = new aio.Condition();
    const wait = aio.coroutine(function* () {
      return yield* cond.with(function* () {
        return yield* cond.wait();
      });
    });
    const notifyOne = aio.coroutine(function* () {
      yield* cond.with(function* () {
        cond.notify();
      });
    });
    print("--", "Condition", first ? "deadline first" : "wake first");
    const g = aio.createTask(guarded("G", wait));
    const p = aio.createTask(plain("P", wait));
    yield* aio.sleep(0);
    flush("waiting", cond);
    yield* cond.acquire();
    if (first) {
      cms.G.reschedule(loop.time() - 1);
      cond.notify();
    } else {
      cond.notify();
      cms.G.reschedule(loop.time() - 1);
    }
    flush("same iteration", cond);
    yield* aio.sleep(0);
    flush("tick0 (lock held)", cond);
    cond.release();
    for (let i = 1; i < 4; i++) {
      yield* aio.sleep(0);
      flush(`tick${i}`, cond);
    }
    print("P still waiting:", !p.done(), r(cond));
    if (!p.done()) yield* notifyOne();
    const res = yield* aio.gather(g, p);
    flush(`end ${repr(res)}`, cond);
  }

  for (const first of [false, true]) {
    const q = new aio.Queue();
    const wait = aio.coroutine(function* () {
      return yield* q.get();
    });
    const [g, p] = yield* scenario("Queue.get", q, noSetup, wait, () => q.putNowait("item1"), first);
    yield* finish(g, p, q, () => q.putNowait("item2"));
  }

  for (const first of [false, true]) {
    const q = new aio.Queue(1);
    let n = 0;
    const setup = aio.coroutine(function* () {
      q.putNowait("old");
    });
    const wait = aio.coroutine(function* () {
      return yield* q.put(n++);
    });
    const take = () => {
      log.push(tuple("took", q.getNowait()));
    };
    const [g, p] = yield* scenario("Queue.put", q, setup, wait, take, first);
    yield* finish(g, p, q, take);
    print("left in queue", q.getNowait(), q.empty());
  }

  for (const first of [false, true]) {
    const q = new aio.Queue();
    const setup = aio.coroutine(function* () {
      q.putNowait("job");
      q.getNowait();
    });
    const wait = aio.coroutine(function* () {
      return yield* q.join();
    });
    const [g, p] = yield* scenario("Queue.join", q, setup, wait, () => q.taskDone(), first);
    yield* finish(g, p, q, () => q.taskDone());
  }
});
