import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Cancelling a task while it waits in asyncio.wait() or on another task, including cancels that
// land after what it waits for has completed but before the task resumed.

class ValueError extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "ValueError";
  }
}

const isCancel = (e) => e instanceof aio.CancelledError;

const work = aio.coroutine(function* (name, gate) {
  let v;
  try {
    v = yield* gate;
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled", repr(str(e)));
    throw e;
  }
  print(name, "done");
  return name + String(v);
});

function names(fs) {
  return [...fs].map((f) => f.getName()).sort();
}

const waiter = aio.coroutine(function* (label, fs, kw = {}) {
  try {
    const [done, pending] = yield* aio.wait(fs, kw);
    print(label, "done", names(done), "pending", names(pending));
  } catch (e) {
    if (isCancel(e)) print(label, "cancelled", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    throw e;
  }
});

const awaiter = aio.coroutine(function* (label, t) {
  try {
    const r = yield* t;
    print(label, "got", repr(r));
    return r;
  } catch (e) {
    if (isCancel(e)) print(label, "cancelled", repr(str(e)), "inner done", t.done(), "inner cancelled", t.cancelled());
    throw e;
  }
});

const finish = aio.coroutine(function* (t) {
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  main: task cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- cancel a task blocked in wait(): the awaited tasks go on");
  let ga = loop.createFuture();
  let gb = loop.createFuture();
  let a = aio.createTask(work("a", ga), { name: "a" });
  let b = aio.createTask(work("b", gb), { name: "b" });
  let w = aio.createTask(waiter("w1", new Set([a, b])));
  yield* aio.sleep(0);
  print("cancel ->", w.cancel("stop"));
  yield* finish(w);
  ga.setResult(1);
  gb.setResult(2);
  print("results", yield* a, yield* b);

  print("-- wait(FIRST_COMPLETED): a child finishes, the waiter is cancelled before it resumes");
  ga = loop.createFuture();
  gb = loop.createFuture();
  a = aio.createTask(work("a", ga), { name: "a" });
  b = aio.createTask(work("b", gb), { name: "b" });
  w = aio.createTask(waiter("w2", new Set([a, b]), { returnWhen: aio.FIRST_COMPLETED }));
  yield* aio.sleep(0);
  ga.setResult(1);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("a done", a.done(), "-> cancel", w.cancel("late"));
  yield* finish(w);
  b.cancel();
  yield* aio.sleep(0);

  print("-- wait() with a timeout: cancelled before it expires");
  ga = loop.createFuture();
  a = aio.createTask(work("a", ga), { name: "a" });
  w = aio.createTask(waiter("w3", new Set([a]), { timeout: 0.01 }));
  yield* aio.sleep(0);
  w.cancel();
  yield* finish(w);
  yield* aio.sleep(0.02);
  print("after the timeout would have fired: a done", a.done());
  ga.setResult(3);
  print("a", yield* a);

  print("-- wait() on already-done tasks: the cancel requested first wins");
  a = aio.createTask(work("a", aio.sleep(0, 7)), { name: "a" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  w = aio.createTask(waiter("w4", new Set([a])));
  print("cancel before start ->", w.cancel("early"));
  yield* finish(w);

  print("-- a task awaiting a task that finished in this iteration");
  let g = loop.createFuture();
  let inner = aio.createTask(work("i", g), { name: "i" });
  let outer = aio.createTask(awaiter("o1", inner));
  yield* aio.sleep(0);
  g.setResult(5);
  yield* aio.sleep(0);
  print("inner done", inner.done(), "-> cancel outer", outer.cancel("too late"), "inner cancelling", inner.cancelling());
  yield* finish(outer);

  print("-- a task awaiting a task that failed in this iteration");
  g = loop.createFuture();
  inner = aio.createTask(work("j", g), { name: "j" });
  outer = aio.createTask(awaiter("o2", inner));
  yield* aio.sleep(0);
  g.setException(new ValueError("k"));
  yield* aio.sleep(0);
  print("inner done", inner.done(), "-> cancel outer", outer.cancel("too late 2"));
  yield* finish(outer);
  try {
    yield* inner;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("inner raised ValueError", str(e));
  }

  print("-- two tasks await the same task; one is cancelled");
  g = loop.createFuture();
  inner = aio.createTask(work("s", g), { name: "s" });
  const o1 = aio.createTask(awaiter("p1", inner));
  const o2 = aio.createTask(awaiter("p2", inner));
  yield* aio.sleep(0);
  o1.cancel("p1 only");
  yield* finish(o1);
  print("o2 done", o2.done(), "inner cancelled", inner.cancelled());
  yield* finish(o2);
});
