// CPython test_taskgroups.py scenarios: test_taskgroup_19, test_taskgroup_20a, test_taskgroup_21a,
// test_taskgroup_context_manager_exit_raises, test_taskgroup_no_create_task_after_failure,
// test_taskgroup_finished, test_taskgroup_without_parent_task.
// A body whose cleanup raises while a child fails (both errors collected, in order); the same with
// the errors swapped between child and body (JavaScript has no BaseException: the error types are
// printed, not the group's class, which is BaseExceptionGroup in 20a/21a); a context manager around
// the body whose exit raises; create_task() refused while the group shuts down and after it is
// finished (the message carries the group's repr); a group entered outside any task.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const ZeroDivisionError = errorClass("ZeroDivisionError");
const MyExc = errorClass("MyExc");
const MyBaseExc = errorClass("MyBaseExc");
const CustomException = errorClass("CustomException");
const isCancel = (e) => e instanceof aio.CancelledError;
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}

const t1920a21a = aio.coroutine(async function t19_20a_21a(name, ChildExc, BodyExc, printGroup) {
  print("==", name);
  const crashSoon = aio.coroutine(async function crash_soon() {
    await aio.sleep(0.1);
    print("  child raises", ChildExc.name);
    throw new ChildExc("child");
  });
  const nested = aio.coroutine(async function nested() {
    try {
      await aio.sleep(10);
    } finally {
      print("  nested cleanup raises", BodyExc.name);
      throw new BodyExc("body");
    }
  });
  const runner = aio.coroutine(async function runner() {
    await aio.taskGroup(async function (g) {
      g.createTask(crashSoon());
      await nested();
    });
  });
  try {
    await runner();
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    if (printGroup) print("  raised", desc(eg));
    print("  errors", eg.errors.map(desc));
  }
  print("  cancelling", aio.currentTask().cancelling());
});

const cmExitRaises = aio.coroutine(async function cm_exit_raises() {
  print("== test_taskgroup_context_manager_exit_raises");
  const raiseExc = aio.coroutine(async function raise_exc() {
    print("  child raises");
    throw new CustomException("child");
  });
  const task = aio.currentTask();
  try {
    await aio.taskGroup(async function (tg) {
      // the database() context manager: its exit raises
      try {
        tg.createTask(raiseExc());
        await aio.sleep(1);
      } finally {
        print("  database exit raises");
        throw new CustomException("exit");
      }
    });
  } catch (err) {
    if (!(err instanceof aio.ExceptionGroup)) throw err;
    print("  cancelling", task.cancelling());
    print("  raised", desc(err));
    print("  CustomException count", err.errors.filter((e) => e instanceof CustomException).length);
  }
});

const noCreateAfterFailure = aio.coroutine(async function no_create_after_failure() {
  print("== test_taskgroup_no_create_task_after_failure");
  const coro1 = aio.coroutine(async function coro1(n) {
    await aio.sleep(0.1);
    print("  coro1", n, "raises");
    throw new ZeroDivisionError("division by zero");
  });
  const coro2 = aio.coroutine(async function coro2(g) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      const c1 = coro1(2);
      try {
        g.createTask(c1);
      } catch (e2) {
        if (!(e2 instanceof aio.RuntimeError)) throw e2;
        print("  create_task:", e2.name, str(e2));
      }
      try {
        await c1;
      } catch (e3) {
        if (!(e3 instanceof ZeroDivisionError)) throw e3;
        print("  awaited c1 itself:", e3.name);
      }
    }
  });
  try {
    await aio.taskGroup(async function (g) {
      g.createTask(coro1(1));
      g.createTask(coro2(g));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  raised", desc(eg));
  }
});

const finished = aio.coroutine(async function finished() {
  print("== test_taskgroup_finished");
  let tg;
  await aio.taskGroup(async function (g) {
    tg = g;
  });
  const coro = aio.sleep(0, "slept");
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  create_task:", e.name, str(e));
  }
  print("  awaited coro", repr(await coro));
});

const withoutParentTask = aio.coroutine(async function without_parent_task() {
  print("== test_taskgroup_without_parent_task");
  const loop = aio.getRunningLoop();
  const box = [];
  const body = aio.coroutine(async function body(tg) {});
  const func = () => {
    // Drive the group by hand from a loop callback: no current task.
    print("  current task in the callback", aio.currentTask());
    try {
      const it = aio.taskGroup(body)[Symbol.iterator]();
      while (!it.next().done);
    } catch (e) {
      box.push(e);
    }
  };
  loop.callSoon(func);
  await aio.sleep(0);
  const e = box[0];
  print("  raised", e.name, str(e));
});

await aio.run(async function main() {
  await aio.createTask(t1920a21a("test_taskgroup_19", ZeroDivisionError, MyExc, true));
  await aio.createTask(t1920a21a("test_taskgroup_20a", ZeroDivisionError, MyBaseExc, false));
  await aio.createTask(t1920a21a("test_taskgroup_21a", MyBaseExc, TypeError, false));
  await aio.createTask(cmExitRaises());
  await aio.createTask(noCreateAfterFailure());
  await aio.createTask(finished());
  await aio.createTask(withoutParentTask());
});
