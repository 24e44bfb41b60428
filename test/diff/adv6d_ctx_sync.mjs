import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// contextvars across synchronization and hand-offs between tasks: a task woken by another
// (Event.set, Lock release, Condition.notify, Queue.put / get, a future's setResult, a
// Semaphore release, a Barrier) resumes in its own context, not the waker's; a value put in a
// queue carries no context; a done callback a task adds to a future another task completes runs
// in the adder's context (as it was when added: each task sets its value before adding and
// changes nothing afterwards); a timeout's expiry cancels the body in its own context; a task
// created by a callback copies the callback's context; cancelling a task from another task
// leaves each in its own context, also in the catch / finally of the cancelled one. Each task
// logs its value at every step. (aionode twin: AsyncLocalStorage, var.set <-> als.enterWith.)
const v = new AsyncLocalStorage();
const get = () => v.getStore() ?? "<unset>";
const log = [];
const state = { ready: 0, go: false };
const note = (...a) => log.push(a.join(" "));

const waiter = aio.coroutine(function* waiter(name, ev, lock, cond, q, fut, sem, barrier) {
  v.enterWith(name);
  note(name, "start", get());
  yield* ev.wait();
  note(name, "after event", get());
  yield* lock.with(function* () {
    note(name, "holds lock", get());
    yield* aio.sleep(0);
  });
  note(name, "released lock", get());
  yield* cond.with(function* () {
    state.ready += 1;
    cond.notifyAll();
    yield* cond.waitFor(() => state.go);
    note(name, "notified", get());
  });
  const item = yield* q.get();
  note(name, "got", item, get());
  const r = yield* fut;
  note(name, "future", r, get());
  yield* sem.with(function* () {
    note(name, "in semaphore", get());
  });
  yield* barrier.wait();
  note(name, "past barrier", get());
  return get();
});

const waker = aio.coroutine(function* waker(name, ev, lock, cond, q, fut, sem, barrier) {
  v.enterWith(name);
  note(name, "start", get());
  yield* lock.with(function* () {
    yield* aio.sleep(0);
    ev.set();
    note(name, "set event", get());
    yield* aio.sleep(0);
  });
  yield* cond.with(function* () {
    yield* cond.waitFor(() => state.ready === 2);
    note(name, "both waiting", get());
    state.go = true;
    cond.notifyAll();
    note(name, "notified all", get());
  });
  yield* q.put("item-from-" + name);
  yield* q.put("second-from-" + name);
  yield* aio.sleep(0);
  fut.setResult("res-from-" + name);
  note(name, "set future", get());
  yield* sem.with(function* () {
    yield* aio.sleep(0);
  });
  yield* barrier.wait();
  note(name, "past barrier", get());
  return get();
});

const spawnedTasks = [];
const spawned = aio.coroutine(function* spawned(tag) {
  note("task spawned by callback", tag, "sees", get());
});
const onDone = (tag) => () => {
  note("done callback", tag, "sees", get());
  spawnedTasks.push(aio.getRunningLoop().createTask(spawned(tag)));
};
const adder = aio.coroutine(function* adder(name, fut) {
  v.enterWith(name);
  fut.addDoneCallback(onDone(name));
  yield* aio.sleep(0);
  note(name, "after adding", get());
});

const sleeper = aio.coroutine(function* sleeper(name) {
  v.enterWith(name);
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    note(name, "cancelled, in except", get());
    v.enterWith(name + "-except");
    throw e;
  } finally {
    note(name, "finally", get());
  }
});

const timed = aio.coroutine(function* timed(name) {
  v.enterWith(name);
  try {
    yield* aio.timeout(0.05, function* () {
      v.enterWith(name + "-in-timeout");
      yield* aio.sleep(10);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    note(name, "timed out", get());
  }
  return get();
});

const main = aio.coroutine(function* main() {
  v.enterWith("main");
  const loop = aio.getRunningLoop();
  const ev = new aio.Event(), lock = new aio.Lock(), cond = new aio.Condition(), q = new aio.Queue();
  const fut = loop.createFuture(), sem = new aio.Semaphore(1), barrier = new aio.Barrier(3);
  const args = [ev, lock, cond, q, fut, sem, barrier];
  const ts = [aio.createTask(waiter("w1", ...args)), aio.createTask(waiter("w2", ...args)), aio.createTask(waker("k", ...args))];
  print("results:", yield* aio.gather(...ts));
  print("main after gather:", get());

  const f2 = loop.createFuture();
  const a1 = aio.createTask(adder("a1", f2));
  const a2 = aio.createTask(adder("a2", f2));
  yield* aio.sleep(0);
  v.enterWith("main-completes");
  f2.setResult(null);
  yield* aio.gather(a1, a2);
  yield* aio.gather(...spawnedTasks);

  const s = aio.createTask(sleeper("s"));
  yield* aio.sleep(0);
  v.enterWith("main-cancels");
  s.cancel();
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    note("main", "saw s cancelled", get());
  }
  print("timed:", yield* aio.createTask(timed("tm")));
  print("main end:", get());
});

await aio.run(main());
for (const line of log) print(line);
