import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Mixed twin of adv10s_waitfor_outer.mjs: the outer task and the condition user are async
// functions, the plain waiter and main are generators (yield* of an async coroutine).

// asyncio.wait_for() around every waiting operation of asyncio.locks and asyncio.queues, with
// the OUTER task cancelled at each point relative to the wake-up, deterministically (wake-up and
// cancel() in one step of main, in both orders, or steps apart): lock.acquire(), sem.acquire(),
// event.wait(), cond.wait() (in `async with cond`), barrier.wait(), q.get(), q.put() and
// q.join(). 3.11's wait_for returns the inner result when the inner task finished by the time
// the outer task handles its cancellation (the outer then holds the lock/unit/item with
// cancelling() == 1 and goes on); when the cancel comes first the inner task is cancelled after
// it was woken and hands the wake-up on (lock, semaphore, queue) or drops it (condition). A
// second waiter in line shows where each wake-up went; the primitive's state at every step.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (t === null) return "-";
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];

const outer = aio.coroutine(async function (name, op, post) {
  let v;
  try {
    v = await aio.waitFor(op(), 10);
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e), aio.currentTask().cancelling()));
    throw e;
  }
  log.push(tuple(name, "got", v, aio.currentTask().cancelling()));
  post();
  await aio.sleep(0);
  log.push(tuple(name, "after sleep", aio.currentTask().cancelling()));
  return "done";
});

const plain = aio.coroutine(function* (name, op, post) {
  let v;
  try {
    v = yield* op();
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
  log.push(tuple(name, "got", v));
  post();
  return "ok";
});

const nothing = () => {};

class Kind {
  constructor(name) {
    this.name = name;
    this.second = true;
    if (name === "lock") {
      const p = (this.p = new aio.Lock());
      this.op = () => p.acquire();
      this.post = () => p.release();
      this.wake = () => p.release();
      this.state = () => r(p);
    } else if (name === "sem") {
      const p = (this.p = new aio.Semaphore(0));
      this.op = () => p.acquire();
      this.post = () => p.release();
      this.wake = () => p.release();
      this.state = () => r(p);
    } else if (name === "event") {
      const p = (this.p = new aio.Event());
      this.op = () => p.wait();
      this.post = nothing;
      this.wake = () => p.set();
      this.state = () => r(p);
    } else if (name === "cond") {
      const p = (this.p = new aio.Condition());
      this.op = aio.coroutine(async function cw() {
        return await p.with(function* () {
          return yield* p.wait();
        });
      });
      this.post = nothing;
      this.wake = null;
      this.state = () => r(p);
    } else if (name === "barrier") {
      const p = (this.p = new aio.Barrier(2));
      this.op = () => p.wait();
      this.post = nothing;
      this.wake = null;
      this.second = false;
      this.state = () => r(p);
    } else if (name === "get") {
      const p = (this.p = new aio.Queue());
      this.op = () => p.get();
      this.post = nothing;
      this.n = 0;
      this.wake = () => {
        this.n += 1;
        p.putNowait(`item${this.n}`);
      };
      this.state = () => String(p);
    } else if (name === "put") {
      const p = (this.p = new aio.Queue(1));
      p.putNowait("old");
      this.n = 0;
      this.op = () => {
        this.n += 1;
        return p.put(`new${this.n}`);
      };
      this.post = nothing;
      this.wake = () => log.push(tuple("main got", p.getNowait()));
      this.state = () => String(p);
    } else if (name === "join") {
      const p = (this.p = new aio.Queue());
      p.putNowait("job");
      p.getNowait();
      this.op = () => p.join();
      this.post = nothing;
      this.wake = () => p.taskDone();
      this.second = false;
      this.state = () => String(p);
    }
  }

  *doWake() {
    log.push(tuple("wake"));
    if (this.name === "cond") {
      // the lock is free here: acquire() does not suspend
      yield* this.p.acquire();
      this.p.notify();
      this.p.release();
    } else if (this.name === "barrier") {
      log.push(tuple("main index", yield* this.p.wait()));
    } else {
      this.wake();
    }
  }
}

const scenario = aio.coroutine(function* (kind, mode) {
  log.length = 0;
  const k = new Kind(kind);
  if (kind === "lock") yield* k.p.acquire();
  const t = aio.createTask(outer("T", k.op, k.post));
  yield* aio.sleep(0);
  const w2 = k.second ? aio.createTask(plain("W2", k.op, k.post)) : null;
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  const show = (tag) => {
    print("   ", tag, ...log, "|", k.state(), st(t), st(w2));
    log.length = 0;
  };

  show("start");
  if (mode === "wake+cancel") {
    yield* k.doWake();
    log.push(tuple("cancel", t.cancel("m")));
  } else if (mode === "cancel+wake") {
    log.push(tuple("cancel", t.cancel("m")));
    yield* k.doWake();
  } else if (mode === "cancel-only") {
    log.push(tuple("cancel", t.cancel("m")));
  } else if (mode === "wake,1,cancel") {
    yield* k.doWake();
    show("woke");
    yield* aio.sleep(0);
    log.push(tuple("cancel", t.cancel("m")));
  } else if (mode === "wake,2,cancel") {
    yield* k.doWake();
    show("woke");
    yield* aio.sleep(0);
    show("step");
    yield* aio.sleep(0);
    log.push(tuple("cancel", t.cancel("m")));
  } else if (mode === "cancel+wake+cancel") {
    log.push(tuple("cancel", t.cancel("a")));
    yield* k.doWake();
    log.push(tuple("cancel", t.cancel("b")));
  }
  show("acted");
  for (let i = 0; i < 5; i++) {
    yield* aio.sleep(0);
    show(`step${i}`);
  }
  // wake whoever is left once more, then clean up
  if (w2 !== null && !w2.done()) {
    yield* k.doWake();
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
    show("woke again");
  }
  for (const x of [t, w2]) if (x !== null && !x.done()) x.cancel();
  yield* aio.gather(...[t, w2].filter((x) => x !== null), { returnExceptions: true });
  show("end");
});

aio.run(
  aio.coroutine(function* main() {
    for (const kind of ["lock", "sem", "event", "cond", "barrier", "get", "put", "join"]) {
      for (const mode of ["wake+cancel", "cancel+wake", "cancel-only", "wake,1,cancel", "wake,2,cancel", "cancel+wake+cancel"]) {
        print("--", kind, mode);
        yield* scenario(kind, mode);
      }
    }
  })(),
);
