// CPython test_taskgroups.py scenarios: test_taskgroup_04, test_cancel_children_on_child_error,
// test_taskgroup_09, test_taskgroup_10, test_taskgroup_13, test_taskgroup_14.
// A failing child cancels its siblings and the body; the body itself failing (after a sleep, or at
// once) cancels the children; a failing child of an outer group while an inner group waits in the
// body, and the other way round (the inner group's ExceptionGroup nests in the outer one).
// The three failing children of test_cancel_children_on_child_error wake on one shared timer, so
// they fail in the same iteration (CPython's test notes the race of three separate sleeps).
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const ZeroDivisionError = errorClass("ZeroDivisionError");
const ValueError = errorClass("ValueError");
const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const zde = () => new ZeroDivisionError("division by zero");

const t04 = aio.coroutine(function* t04() {
  print("== test_taskgroup_04");
  let NUM = 0;
  let t2Cancel = false;
  let t2 = null;
  const foo1 = aio.coroutine(function* foo1() {
    yield* aio.sleep(0.1);
    throw zde();
  });
  const foo2 = aio.coroutine(function* foo2() {
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (isCancel(e)) t2Cancel = true;
      throw e;
    }
    NUM += 1;
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(function* (g) {
      g.createTask(foo1());
      t2 = g.createTask(foo2());
    });
    NUM += 10;
  });
  const r = aio.createTask(runner());
  try {
    yield* r;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  raised", desc(eg));
  }
  print("  NUM", NUM, "t2_cancel", t2Cancel, "t2 cancelled", t2.cancelled(), "r cancelling", r.cancelling());
});

const cancelChildren = aio.coroutine(function* cancel_children() {
  print("== test_cancel_children_on_child_error");
  const loop = aio.getRunningLoop();
  let NUM = 0;
  let t2Cancel = false;
  let runnerCancel = false;
  const gate = loop.createFuture();
  loop.callLater(0.1, (v) => gate.setResult(v), null);
  const foo1 = aio.coroutine(function* foo1(n) {
    yield* gate;
    print("  foo1", n, "raises");
    throw zde();
  });
  const foo2 = aio.coroutine(function* foo2() {
    try {
      yield* aio.sleep(5);
    } catch (e) {
      if (isCancel(e)) t2Cancel = true;
      throw e;
    }
    NUM += 1;
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(function* (g) {
      for (let n = 0; n < 3; n++) g.createTask(foo1(n));
      g.createTask(foo2());
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) {
          runnerCancel = true;
          print("  body cancelled", R(g));
        }
        throw e;
      }
    });
    NUM += 10;
  });
  try {
    yield* aio.createTask(runner());
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  raised", desc(eg));
  }
  print("  NUM", NUM, "t2_cancel", t2Cancel, "runner_cancel", runnerCancel);
});

const t0910 = aio.coroutine(function* t09_10(name, bodySleep) {
  print("==", name);
  let t1 = null;
  let t2 = null;
  // (counted, not named: asyncio cancels the children in the order of a set, by address)
  let ncancelled = 0;
  const foo = aio.coroutine(function* foo(n, d, v) {
    try {
      yield* aio.sleep(d);
    } catch (e) {
      if (isCancel(e)) ncancelled += 1;
      throw e;
    }
    return v;
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(function* (g) {
      t1 = g.createTask(foo(1, 1, 42));
      t2 = g.createTask(foo(2, 2, 11));
      if (bodySleep) yield* aio.sleep(0.1);
      print("  body raises", R(g));
      throw zde();
    });
  });
  let raised = false;
  try {
    yield* runner();
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    raised = true;
    print("  raised", desc(eg));
  }
  if (!raised) print("  no ExceptionGroup");
  print("  t1 cancelled", t1.cancelled(), "t2 cancelled", t2.cancelled(), "cancelled while running", ncancelled);
  print("  cancelling", aio.currentTask().cancelling());
});

const t1314 = aio.coroutine(function* t13_14(name, outerAfter, innerAfter) {
  print("==", name);
  const crashAfter = aio.coroutine(function* crash_after(label, t) {
    try {
      yield* aio.sleep(t);
    } catch (e) {
      if (isCancel(e)) print("  ", label, "cancelled");
      throw e;
    }
    print("  ", label, "raises");
    throw new ValueError(String(t));
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(function* (g1) {
      g1.createTask(crashAfter("outer child", outerAfter));
      try {
        yield* aio.taskGroup(function* (g2) {
          g2.createTask(crashAfter("inner child", innerAfter));
        });
      } catch (e) {
        print("  inner group raised", desc(e));
        throw e;
      }
    });
  });
  const r = aio.createTask(runner());
  try {
    yield* r;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  raised", desc(eg));
    print("  error types", [...new Set(eg.errors.map((e) => e.name))].sort());
  }
});

await aio.run(function* main() {
  yield* aio.createTask(t04());
  yield* aio.createTask(cancelChildren());
  yield* aio.createTask(t0910("test_taskgroup_09", true));
  yield* aio.createTask(t0910("test_taskgroup_10", false));
  yield* aio.createTask(t1314("test_taskgroup_13", 0.1, 10));
  yield* aio.createTask(t1314("test_taskgroup_14", 10, 0.1));
});
