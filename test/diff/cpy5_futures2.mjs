import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_futures2: FutureTests.test_future_traceback (a task whose coroutine raised
// TypeError(42), awaited five times: each await raises the same exception; the traceback
// count is Python-only and left out; a plain Future failed the same way is awaited too),
// FutureReprTests.test_recursive_repr_for_pending_tasks (a task whose result is allTasks(),
// itself included, got through waitFor: its repr reads '...' where it meets itself).

function section(name) {
  print("==", name);
}

const raiseExc = aio.coroutine(function* raise_exc() {
  throw new TypeError("42");
});

const func = aio.coroutine(function* func() {
  return aio.allTasks();
});

const main = aio.coroutine(function* main() {
  section("test_future_traceback");
  const task = aio.createTask(raiseExc());
  let first = null;
  for (let i = 0; i < 5; i++) {
    try {
      yield* task;
      print("  no exception?");
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      if (first === null) first = e;
      print("  await", i, e.name, e.message, "same object", e === first, "is task.exception()", e === task.exception());
    }
  }
  const fut = aio.getRunningLoop().createFuture();
  aio.getRunningLoop().callSoon(fut.setException.bind(fut), new TypeError("43"));
  first = null;
  for (let i = 0; i < 3; i++) {
    try {
      yield* fut;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      if (first === null) first = e;
      print("  future await", i, e.name, e.message, "same object", e === first);
    }
  }

  section("test_recursive_repr_for_pending_tasks");
  const tasks = yield* aio.waitFor(func(), 10);
  print("  got", tasks.size, "tasks, current among them", tasks.has(aio.currentTask()));
  print("  '...' in repr(tasks)", repr(tasks).includes("..."));
  for (const t of tasks) {
    if (t !== aio.currentTask()) {
      print("  the func task: done", t.done(), "result is the set", t.result() === tasks, "'...' in its repr", String(t).includes("..."));
    }
  }
});

await aio.run(main);
