import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Several waiters woken in one iteration, and the first of them to run cancels the others
// before they run (a peer's step in the middle of the iteration): Semaphore(0) released three
// times (the cancelled ones give their units back, which go to the waiters still in line or to
// the counter), Event.set() (the cancelled ones lose their True), Condition.notify(3) (the
// first re-acquires, the cancelled ones re-acquire the lock in turn before raising), a Queue
// fed three items (the cancelled getters leave the items to the getters still in line), a full
// Queue drained of three items (slots for the putters behind), Barrier tripping (a cancelled
// party raises CancelledError though the barrier passed), and join() (the cancelled joiners
// raise CancelledError though the count reached zero). The saboteur either cancels the others
// and goes on, or cancels them and then itself (cancel() of the running task). Outsiders wait
// in line behind. Every task's outcome and the primitive's state per step.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];
const tasks = new Map();

const worker = aio.coroutine(function* (kind, p, name, victims, selfcancel) {
  try {
    if (kind === "sem") yield* p.acquire();
    else if (kind === "event") yield* p.wait();
    else if (kind === "cond") {
      yield* p.acquire();
      try {
        yield* p.wait();
      } catch (e) {
        if (isCancel(e)) {
          log.push(tuple(name, "wait raised, lock held", p.locked()));
          p.release();
        }
        throw e;
      }
    } else if (kind === "barrier") {
      const v = yield* p.wait();
      log.push(tuple(name, "index", v));
    } else if (kind === "get") {
      const v = yield* p.get();
      log.push(tuple(name, "item", v));
    } else if (kind === "put") yield* p.put(name);
    else if (kind === "join") yield* p.join();
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
  log.push(tuple(name, "woke"));
  for (const v of victims) log.push(tuple(name, "cancels", v, tasks.get(v).cancel(`by ${name}`)));
  if (selfcancel) log.push(tuple(name, "cancels itself", aio.currentTask().cancel("self")));
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (isCancel(e)) {
      log.push(tuple(name, "cancelled after", args(e)));
      if (kind === "sem" || kind === "cond") p.release();
    }
    throw e;
  }
  if (kind === "sem" || kind === "cond") {
    p.release();
    log.push(tuple(name, "released"));
  }
  return name;
});

const scenario = aio.coroutine(function* (kind, selfcancel) {
  log.length = 0;
  tasks.clear();
  let p;
  if (kind === "sem") p = new aio.Semaphore(0);
  else if (kind === "event") p = new aio.Event();
  else if (kind === "cond") p = new aio.Condition();
  else if (kind === "barrier") p = new aio.Barrier(4);
  else if (kind === "get") p = new aio.Queue();
  else if (kind === "put") {
    p = new aio.Queue(3);
    for (const x of "abc") p.putNowait(x);
  } else if (kind === "join") {
    p = new aio.Queue();
    p.putNowait("j");
    p.getNowait();
  }
  let names = ["a", "b", "c", "o1", "o2"];
  if (kind === "barrier") names = ["a", "b", "c"];
  for (const n of names) {
    const victims = n === "a" ? ["b", "c"] : [];
    tasks.set(n, aio.createTask(worker(kind, p, n, victims, selfcancel && n === "a")));
    yield* aio.sleep(0);
  }
  const state = () => r(p);

  const show = (tag) => {
    print("   ", tag, ...log, "|", state(), ...[...tasks].map(([n, t]) => `${n}=${st(t)}`));
    log.length = 0;
  };

  show("waiting");
  if (kind === "sem") for (let i = 0; i < 3; i++) p.release();
  else if (kind === "event") p.set();
  else if (kind === "cond") {
    yield* p.acquire();
    p.notify(3);
    p.release();
  } else if (kind === "barrier") log.push(tuple("main index", yield* p.wait()));
  else if (kind === "get") for (const x of [1, 2, 3]) p.putNowait(x);
  else if (kind === "put") log.push(tuple("main took", [0, 1, 2].map(() => p.getNowait())));
  else if (kind === "join") p.taskDone();
  show("woken");
  for (let i = 0; i < 7; i++) {
    yield* aio.sleep(0);
    show(`step${i}`);
  }
  for (const t of tasks.values()) t.cancel();
  yield* aio.gather(...tasks.values(), { returnExceptions: true });
  show("end");
});

aio.run(
  aio.coroutine(function* main() {
    for (const selfcancel of [false, true]) {
      for (const kind of ["sem", "event", "cond", "barrier", "get", "put", "join"]) {
        print("--", kind, selfcancel ? "self-cancel" : "");
        yield* scenario(kind, selfcancel);
      }
    }
  })(),
);
