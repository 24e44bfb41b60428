import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_timeout_wake.mjs.
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

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const log = [];
  const cms = {};

  const guarded = aio.coroutine(async function (name, make) {
    let v;
    try {
      await aio.timeout(null, async function (cm) {
        cms[name] = cm;
        v = await make();
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

  const plain = aio.coroutine(async function (name, make) {
    const v = await make();
    log.push(tuple("plain ok", name, v));
    return v;
  });

  const flush = (tag, prim) => {
    print(tag, ...log, "|", r(prim));
    log.length = 0;
  };

  const scenario = aio.coroutine(async function (title, prim, setup, wait, wake, deadlineFirst) {
    print("--", title, deadlineFirst ? "deadline first" : "wake first");
    await setup();
    const g = aio.createTask(guarded("G", wait));
    const p = aio.createTask(plain("P", wait));
    await aio.sleep(0);
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
      await aio.sleep(0);
      flush(`tick${i}`, prim);
    }
    return [g, p];
  });

  const finish = aio.coroutine(async function (g, p, prim, more) {
    if (!p.done()) more();
    const res = await aio.gather(g, p);
    flush(`end ${repr(res)}`, prim);
  });

  const noSetup = aio.coroutine(async function () {});

  for (const first of [false, true]) {
    const lock = new aio.Lock();
    const setup = aio.coroutine(async function () {
      await lock.acquire();
    });
    const wait = aio.coroutine(async function () {
      return await lock.acquire();
    });
    const [g, p] = await scenario("Lock", lock, setup, wait, () => lock.release(), first);
    await finish(g, p, lock, () => lock.release());
  }

  for (const first of [false, true]) {
    const sem = new aio.Semaphore(0);
    const wait = aio.coroutine(async function () {
      return await sem.acquire();
    });
    const [g, p] = await scenario("Semaphore", sem, noSetup, wait, () => sem.release(), first);
    await finish(g, p, sem, () => sem.release());
  }

  for (const first of [false, true]) {
    const ev = new aio.Event();
    const wait = aio.coroutine(async function () {
      return await ev.wait();
    });
    const [g, p] = await scenario("Event", ev, noSetup, wait, () => ev.set(), first);
    await finish(g, p, ev, () => ev.set());
  }

  for (const first of [false, true]) {
    const cond = new aio.Condition();
    const wait = aio.coroutine(async function () {
      return await cond.with(async function () {
        return await cond.wait();
      });
    });
    const notifyOne = aio.coroutine(async function () {
      await cond.with(async function () {
        cond.notify();
      });
    });
    print("--", "Condition", first ? "deadline first" : "wake first");
    const g = aio.createTask(guarded("G", wait));
    const p = aio.createTask(plain("P", wait));
    await aio.sleep(0);
    flush("waiting", cond);
    await cond.acquire();
    if (first) {
      cms.G.reschedule(loop.time() - 1);
      cond.notify();
    } else {
      cond.notify();
      cms.G.reschedule(loop.time() - 1);
    }
    flush("same iteration", cond);
    await aio.sleep(0);
    flush("tick0 (lock held)", cond);
    cond.release();
    for (let i = 1; i < 4; i++) {
      await aio.sleep(0);
      flush(`tick${i}`, cond);
    }
    print("P still waiting:", !p.done(), r(cond));
    if (!p.done()) await notifyOne();
    const res = await aio.gather(g, p);
    flush(`end ${repr(res)}`, cond);
  }

  for (const first of [false, true]) {
    const q = new aio.Queue();
    const wait = aio.coroutine(async function () {
      return await q.get();
    });
    const [g, p] = await scenario("Queue.get", q, noSetup, wait, () => q.putNowait("item1"), first);
    await finish(g, p, q, () => q.putNowait("item2"));
  }

  for (const first of [false, true]) {
    const q = new aio.Queue(1);
    let n = 0;
    const setup = aio.coroutine(async function () {
      q.putNowait("old");
    });
    const wait = aio.coroutine(async function () {
      return await q.put(n++);
    });
    const take = () => {
      log.push(tuple("took", q.getNowait()));
    };
    const [g, p] = await scenario("Queue.put", q, setup, wait, take, first);
    await finish(g, p, q, take);
    print("left in queue", q.getNowait(), q.empty());
  }

  for (const first of [false, true]) {
    const q = new aio.Queue();
    const setup = aio.coroutine(async function () {
      q.putNowait("job");
      q.getNowait();
    });
    const wait = aio.coroutine(async function () {
      return await q.join();
    });
    const [g, p] = await scenario("Queue.join", q, setup, wait, () => q.taskDone(), first);
    await finish(g, p, q, () => q.taskDone());
  }
});
