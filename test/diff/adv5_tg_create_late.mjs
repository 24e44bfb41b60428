import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// tg.createTask() at the edges of a TaskGroup's life: from a child while the group waits in its
// exit (allowed, the new task is waited for too), from a child's done callback that runs after the
// group's own (the last task gone: "is finished" although the exit has not returned), while the
// group aborts ("is shutting down"), after the group finished cleanly or with errors ("is
// finished", the repr in the message), and a non-coroutine argument.

const R = (x) => String(x);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

const leaf = aio.coroutine(function* leaf(name, n = 1) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  print("  leaf", name, "done");
  return name;
});

const fail = aio.coroutine(function* fail(n, msg) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  throw new ValueError(msg);
});

function tryCreate(tg, label, coroFn, ...args) {
  const coro = coroFn(...args);
  try {
    const t = tg.createTask(coro, { name: label });
    print("  created", label, R(tg));
    return t;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  RuntimeError", label, repr(str(e)));
    return null;
  }
}

const spawner = aio.coroutine(function* spawner(tg, n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  tryCreate(tg, "spawned", leaf, "spawned", 2);
  return "spawner";
});

const spawn_on_cancel = aio.coroutine(function* spawn_on_cancel(tg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) {
      print("  spawner cancelled", R(tg));
      tryCreate(tg, "spawned-in-abort", leaf, "x");
    }
    throw e;
  }
});

await aio.run(function* main() {
  const holder = {};
  print("-- a child adds a task while the group waits in its exit");
  let tg1;
  yield* aio.taskGroup(function* (tg) {
    tg1 = tg;
    holder.ok = tg;
    tg.createTask(spawner(tg, 1), { name: "sp" });
    print("  body ends", R(tg));
  });
  print("  exited", R(tg1));

  print("-- after the group finished cleanly");
  tryCreate(holder.ok, "late", leaf, "late");

  print("-- from a child's done callback, the child being the last one");
  let tg2;
  const onDone = (t) => {
    print("  done callback of", t.getName(), R(tg2));
    tryCreate(tg2, "from-cb", leaf, "from-cb");
  };
  yield* aio.taskGroup(function* (tg) {
    tg2 = tg;
    const c = tg.createTask(leaf("only", 1), { name: "only" });
    c.addDoneCallback(onDone);
  });
  print("  exited", R(tg2));

  print("-- from a child's done callback, other children still running");
  let tg3;
  const onDone3 = (t) => {
    print("  done callback of", t.getName(), R(tg3));
    tryCreate(tg3, "from-cb3", leaf, "from-cb3");
  };
  yield* aio.taskGroup(function* (tg) {
    tg3 = tg;
    const c = tg.createTask(leaf("first", 1), { name: "first" });
    c.addDoneCallback(onDone3);
    tg.createTask(leaf("second", 3), { name: "second" });
  });
  print("  exited", R(tg3));

  print("-- while the group aborts");
  try {
    yield* aio.taskGroup(function* (tg4) {
      holder.bad = tg4;
      tg4.createTask(fail(1, "boom"), { name: "f" });
      tg4.createTask(leaf("slow", 5), { name: "slow" });
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body cancelled", R(tg4));
      }
      tryCreate(tg4, "in-abort", leaf, "in-abort");
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg));
  }
  print("-- after the group finished with errors");
  tryCreate(holder.bad, "late2", leaf, "late2");

  print("-- a child spawning after a sibling failed");
  try {
    yield* aio.taskGroup(function* (tg5) {
      tg5.createTask(fail(1, "first"), { name: "f" });
      tg5.createTask(spawn_on_cancel(tg5), { name: "sp" });
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg));
  }

  print("-- not a coroutine");
  let tg6;
  yield* aio.taskGroup(function* (tg) {
    tg6 = tg;
    for (const [bad, pyType] of [[null, "NoneType"], [42, "int"]]) {
      try {
        tg.createTask(bad);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print("  TypeError", pyType, R(tg));
      }
    }
  });
  print("  exited", R(tg6));
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
