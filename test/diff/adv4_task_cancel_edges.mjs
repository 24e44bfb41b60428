import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// cancel() of a task whose waiter is already done but has not woken it yet: a future that got
// a result or an exception this iteration, a task that just finished, a gather whose children
// all just finished (gather's cancel() returns False: the request stays with the task), and
// one child left. A task cancelled by the task it awaits (from inside that task's step), which
// then returns, raises, or awaits. cancelling() and the repr of each. Each task's coroutine
// awaits an inner coroutine that does the work.

function show(label, obj) {
  print(label, String(obj));
}

const waiter = aio.coroutine(function* waiter(label, aw) {
  return yield* waiterInner(label, aw);
});

const waiterInner = aio.coroutine(function* waiter_inner(label, aw) {
  try {
    const r = yield* aw;
    print(label, "got", repr(r));
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(label, "caught CancelledError", repr(str(e)));
      throw e;
    }
    if (e instanceof ValueError) {
      print(label, "caught ValueError", repr(str(e)));
      return "handled";
    }
    throw e;
  }
});

function outcome(label, t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      print(label, "-> cancelled", repr(str(e)), "cancelling", t.cancelling());
    }
  } else if (t.exception() !== null) {
    print(label, "-> exception", repr(t.exception()), "cancelling", t.cancelling());
  } else {
    print(label, "-> result", repr(t.result()), "cancelling", t.cancelling());
  }
}

const quick = aio.coroutine(function* quick(v) {
  return v;
});

const outers = [];

const innerCancelsOuter = aio.coroutine(function* inner_cancels_outer(mode) {
  return yield* innerCancelsOuterInner(mode);
});

const innerCancelsOuterInner = aio.coroutine(function* inner_cancels_outer_inner(mode) {
  const outer = outers[outers.length - 1];
  print("  inner: outer.cancel ->", outer.cancel("from inner"));
  print("  inner cancelling", aio.currentTask().cancelling(), "outer", outer.cancelling());
  show("  inner repr", aio.currentTask());
  if (mode === "return") return "inner value";
  if (mode === "raise") throw new ValueError("inner raised");
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  inner caught", repr(str(e)));
    throw e;
  }
  return "not reached";
});

const outerBody = aio.coroutine(function* outer_body(mode) {
  return yield* outerBodyInner(mode);
});

const outerBodyInner = aio.coroutine(function* outer_body_inner(mode) {
  const inner = aio.createTask(innerCancelsOuter(mode), { name: "inner-" + mode });
  try {
    return yield* inner;
  } finally {
    outcome("  inner-" + mode, inner);
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();

  print("-- waiter done this iteration, task not woken yet");
  let f = loop.createFuture();
  let t = aio.createTask(waiter("A", f), { name: "A" });
  yield* aio.sleep(0);
  f.setResult("value");
  print("cancel A ->", t.cancel("late A"), "cancelling", t.cancelling());
  show("A", t);
  yield* aio.sleep(0);
  outcome("A", t);

  f = loop.createFuture();
  t = aio.createTask(waiter("B", f), { name: "B" });
  yield* aio.sleep(0);
  f.setException(new ValueError("boom"));
  print("cancel B ->", t.cancel("late B"));
  yield* aio.sleep(0);
  outcome("B", t);

  const q = aio.createTask(quick("q"), { name: "q" });
  t = aio.createTask(waiter("C", q), { name: "C" });
  yield* aio.sleep(0);
  print("q done", q.done());
  print("cancel C ->", t.cancel("late C"));
  show("C", t);
  yield* aio.sleep(0);
  outcome("C", t);

  let f1 = loop.createFuture();
  let f2 = loop.createFuture();
  let g = aio.gather(f1, f2);
  t = aio.createTask(waiter("D", g), { name: "D" });
  yield* aio.sleep(0);
  f1.setResult(1);
  f2.setResult(2);
  print("gather cancel would be", "tried below");
  print("cancel D ->", t.cancel("late D"), "cancelling", t.cancelling());
  show("D", t);
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  outcome("D", t);
  print("gather", g.cancelled() ? "cancelled" : repr(g.result()));

  f1 = loop.createFuture();
  f2 = loop.createFuture();
  g = aio.gather(f1, f2);
  t = aio.createTask(waiter("E", g), { name: "E" });
  yield* aio.sleep(0);
  f1.setResult(1);
  print("cancel E ->", t.cancel("late E"));
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  outcome("E", t);
  print("f2 cancelled", f2.cancelled());

  print("-- the awaited task cancels its awaiter");
  for (const mode of ["return", "raise", "await"]) {
    const o = aio.createTask(outerBody(mode), { name: "outer-" + mode });
    outers.push(o);
    for (let i = 0; i < 4; i++) yield* aio.sleep(0);
    outcome("outer-" + mode, o);
  }
});

await aio.run(main);
