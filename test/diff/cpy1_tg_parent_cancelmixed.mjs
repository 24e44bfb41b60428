// CPython test_taskgroups.py scenarios: test_cancellation, test_taskgroup_07, test_taskgroup_08,
// test_taskgroup_11, test_taskgroup_12, test_taskgroup_15, test_taskgroup_16, test_taskgroup_17,
// test_taskgroup_18.
// The task running a group is cancelled from outside: the children are cancelled (and counted),
// children that fail while being cancelled turn the cancellation into an ExceptionGroup (also
// through a nested group), a child failing while the cancelled body still cleans up (directly and
// in a task awaited by the cancelled one), an empty group, and a body that answers its
// cancellation with an error of its own.
// Mixed twin: generator tasks, with the taskGroup()/timeout() bodies written as async functions.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const ZeroDivisionError = errorClass("ZeroDivisionError");
const MyExc = errorClass("MyExc");
const isCancel = (e) => e instanceof aio.CancelledError;
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const zde = () => new ZeroDivisionError("division by zero");

const outcome = aio.coroutine(function* outcome(r) {
  try {
    const v = yield* r;
    print("  result", repr(v));
  } catch (e) {
    if (isCancel(e)) print("  CancelledError", repr(str(e)));
    else if (e instanceof aio.ExceptionGroup) print("  raised", desc(e));
    else throw e;
  }
  print("  r cancelled", r.cancelled(), "cancelling", r.cancelling());
});

const cancelAfter = aio.coroutine(function* cancel_after(r, d) {
  yield* aio.sleep(d);
  print("  r done before cancel", r.done());
  r.cancel();
});

const tCancellation = aio.coroutine(function* t_cancellation(name, bodyWaits) {
  print("==", name);
  let NUM = 0;
  const foo = aio.coroutine(function* foo() {
    try {
      yield* aio.sleep(5);
    } catch (e) {
      if (isCancel(e)) NUM += 1;
      throw e;
    }
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(async function (g) {
      for (let i = 0; i < 5; i++) g.createTask(foo());
      if (bodyWaits) {
        try {
          await aio.sleep(10);
        } catch (e) {
          if (isCancel(e)) NUM += 10;
          throw e;
        }
      }
    });
  });
  const r = aio.createTask(runner());
  yield* cancelAfter(r, 0.1);
  yield* outcome(r);
  print("  NUM", NUM);
});

const t08 = aio.coroutine(function* t08() {
  print("== test_taskgroup_08");
  const foo = aio.coroutine(function* foo(n) {
    try {
      yield* aio.sleep(10);
    } finally {
      // (no print here: asyncio aborts the children in the order of a set, by address)
      throw zde();
    }
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(async function (g) {
      for (let n = 0; n < 5; n++) g.createTask(foo(n));
      await aio.sleep(10);
    });
  });
  const r = aio.createTask(runner());
  yield* cancelAfter(r, 0.1);
  yield* outcome(r);
});

const t1112 = aio.coroutine(function* t11_12(name, outerChild) {
  print("==", name);
  const foo = aio.coroutine(function* foo(n) {
    try {
      yield* aio.sleep(10);
    } finally {
      throw zde();
    }
  });
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(async function (g1) {
      if (outerChild) g1.createTask(aio.sleep(10));
      try {
        await aio.taskGroup(async function (g2) {
          for (let n = 0; n < 5; n++) g2.createTask(foo(n));
          await aio.sleep(10);
        });
      } catch (e) {
        print("  inner group raised", e.name, e.errors.length, "errors");
        throw e;
      }
    });
  });
  const r = aio.createTask(runner());
  yield* cancelAfter(r, 0.1);
  yield* outcome(r);
});

const t1516 = aio.coroutine(function* t15_16(name, nested) {
  print("==", name);
  const loop = aio.getRunningLoop();
  const crashSoon = aio.coroutine(function* crash_soon() {
    yield* aio.sleep(0.3);
    print("  crash_soon raises");
    throw zde();
  });
  const nestedRunner = aio.coroutine(function* nested_runner() {
    yield* aio.taskGroup(async function (g1) {
      g1.createTask(crashSoon());
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body cancelled", "cancelling", aio.currentTask().cancelling());
        try {
          await aio.sleep(0.5);
        } catch (e2) {
          if (isCancel(e2)) print("  cleanup sleep cancelled", "cancelling", aio.currentTask().cancelling());
          throw e2;
        }
        throw e;
      }
    });
  });
  const runner = aio.coroutine(function* runner() {
    const t = aio.createTask(nestedRunner());
    try {
      yield* t;
    } finally {
      print("  inner task cancelled", t.cancelled(), "cancelling", t.cancelling());
    }
  });
  const r = aio.createTask(nested ? runner() : nestedRunner());
  yield* cancelAfter(r, 0.1);
  yield* outcome(r);
});

const t1718 = aio.coroutine(function* t17_18(name, raiseMyExc) {
  print("==", name);
  let NUM = 0;
  const runner = aio.coroutine(function* runner() {
    yield* aio.taskGroup(async function (g) {
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) {
          NUM += 10;
          if (raiseMyExc) throw new MyExc();
        }
        throw e;
      }
    });
  });
  const r = aio.createTask(runner());
  yield* cancelAfter(r, 0.1);
  yield* outcome(r);
  print("  NUM", NUM);
});

await aio.run(function* main() {
  yield* aio.createTask(tCancellation("test_cancellation", false));
  yield* aio.createTask(tCancellation("test_taskgroup_07", true));
  yield* aio.createTask(t08());
  yield* aio.createTask(t1112("test_taskgroup_11", false));
  yield* aio.createTask(t1112("test_taskgroup_12", true));
  yield* aio.createTask(t1516("test_taskgroup_15", false));
  yield* aio.createTask(t1516("test_taskgroup_16", true));
  yield* aio.createTask(t1718("test_taskgroup_17", false));
  yield* aio.createTask(t1718("test_taskgroup_18", true));
});
