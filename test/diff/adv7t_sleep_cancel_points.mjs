import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// sleep(d, result) cancelled at every point: before the task's first step, inside the sleep,
// in the iteration its timer fired (result already set, wake-up pending: the sleep still raises
// CancelledError), after it returned but before the task ended, after the task ended (cancel()
// is False), twice with two messages (the first one wins), and a task that swallows the
// cancellation and sleeps again. Timers made due together by a blocking callback (300 ms apart).
const INF = Infinity;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const targs = (e) => { const a = e.message === "" ? [] : [e.message]; a.__tuple = true; return a; };

const sleeper = aio.coroutine(function* sleeper(label, d, res, again = false) {
  print("  ", label, "start");
  try {
    const r = yield* aio.sleep(d, res);
    print("  ", label, "slept ->", repr(r));
    return r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  ", label, "cancelled inside sleep", targs(e), aio.currentTask().cancelling());
    if (again) {
      aio.currentTask().uncancel();
      const r = yield* aio.sleep(0, "again");
      print("  ", label, "slept again ->", repr(r));
      return r;
    }
    throw e;
  }
});

const report = aio.coroutine(function* report(label, t) {
  try {
    const r = yield* t;
    print(label, "result", repr(r), "cancelled()", t.cancelled());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(label, "CancelledError", targs(e), "cancelled()", t.cancelled());
  }
});

await aio.run(aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();

  print("-- cancelled before the first step");
  for (const [d, dl] of [[0, "0"], [-1, "-1"], [0.2, "0.2"], [INF, "inf"]]) {
    const t = aio.createTask(sleeper(`pre ${dl}`, d, "r"));
    print("cancel ->", t.cancel("pre"));
    yield* report(`pre ${dl}`, t);
  }

  print("-- cancelled inside the sleep");
  for (const [d, dl, res] of [[0, "0", "zero"], [-5, "-5", null], [0.2, "0.2", [1, 2]], [INF, "inf", "inf"], [1e300, "1e+300", 3.5]]) {
    const t = aio.createTask(sleeper(`in ${dl}`, d, res));
    yield* aio.sleep(0);
    print("cancel ->", t.cancel("inside"));
    yield* report(`in ${dl}`, t);
  }

  print("-- cancelled inside, swallowed, sleeps again");
  for (const [d, dl] of [[0, "0"], [0.2, "0.2"]]) {
    const t = aio.createTask(sleeper(`sw ${dl}`, d, "x", true));
    yield* aio.sleep(0);
    t.cancel("sw");
    yield* report(`sw ${dl}`, t);
  }

  print("-- cancelled in the iteration the sleep's timer fired");
  const timed = aio.coroutine(function* timed(label, delay, res) {
    print("  ", label, "start");
    try {
      const r = yield* aio.sleep(delay, res);
      print("  ", label, "slept ->", repr(r));
      return r;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  ", label, "cancelled", targs(e));
      throw e;
    }
  });
  const t1 = aio.createTask(timed("r1", 0.3, "r1-res"));
  const t2 = aio.createTask(timed("r2", 0.9, "r2-res"));
  yield* aio.sleep(0);
  const base = loop.time();
  loop.callAt(base + 0.6, () => print("  timer: cancel r1 ->", t1.cancel("late"), t1.cancelling()));
  loop.callAt(base + 1.2, () => print("  timer: cancel r2 ->", t2.cancel("late2"), t2.cancelling()));
  loop.callSoon(block, 1.5);
  yield* report("r1", t1);
  yield* report("r2", t2);

  print("-- cancelled after the sleep returned, before the task ended");
  const after = aio.coroutine(function* after() {
    const r = yield* aio.sleep(0, "v");
    print("   after: slept", r, "cancelling", aio.currentTask().cancelling());
    aio.currentTask().cancel("self");
    print("   after: still running, cancelling", aio.currentTask().cancelling());
    return r;
  });
  let t = aio.createTask(after());
  yield* report("after", t);
  const after2 = aio.coroutine(function* after2() {
    const r = yield* aio.sleep(0, "v2");
    aio.currentTask().cancel("self2");
    try {
      yield* aio.sleep(0, "never");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("   after2: next sleep cancelled", targs(e));
    }
    return r + "!";
  });
  t = aio.createTask(after2());
  yield* report("after2", t);

  print("-- cancel after done, cancel twice");
  t = aio.createTask(aio.sleep(0, "done"));
  yield* t;
  print("cancel done ->", t.cancel("late"), t.cancelled(), repr(t.result()));
  t = aio.createTask(sleeper("twice", 0.2, "t"));
  yield* aio.sleep(0);
  print("cancel 1 ->", t.cancel("one"), t.cancelling());
  print("cancel 2 ->", t.cancel("two"), t.cancelling());
  yield* report("twice", t);

  print("-- a cancelled sleep in a chain of three tasks");
  const inner = aio.coroutine(function* inner() {
    return yield* aio.sleep(INF, "never");
  });
  const middle = aio.coroutine(function* middle(ti) {
    try {
      return yield* ti;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("   middle got", targs(e));
      throw e;
    }
  });
  const ti = aio.createTask(inner());
  const tm = aio.createTask(middle(ti));
  yield* aio.sleep(0);
  ti.cancel("root");
  yield* report("middle", tm);
  print("inner cancelled", ti.cancelled());
  print("loop still works:", yield* aio.sleep(0.01, "yes"));
}));
