import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A TaskGroup's parent cancelled from outside at each phase: while the body awaits (message kept),
// while the group waits in its exit, twice, while the group is already aborting for a failed child
// (the outside request is absorbed: the group raises its ExceptionGroup and the count stays up),
// and with a child failing in reply to the outside cancellation (the errors win over the
// CancelledError). Only one child per group reports its cancellation when it comes (asyncio keeps
// a group's tasks in a set, so the order it cancels them in is not defined). Nested groups: an inner child failing, the outer aborted by an outer child.

const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(str(e))})`;
}

const sleeper = aio.coroutine(function* sleeper(name, d = 10, loud = true) {
  try {
    yield* aio.sleep(d);
    print("  ", name, "woke");
    return name;
  } catch (e) {
    if (isCancel(e) && loud) print("  ", name, "cancelled", args(e));
    throw e;
  }
});

const slow_exit = aio.coroutine(function* slow_exit(name, n) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    for (let i = 0; i < n; i++) yield* aio.sleep(0);
    print("  ", name, "done lingering");
    return name;
  }
});

const fail = aio.coroutine(function* fail(n, msg) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  print("  raising", msg);
  throw new ValueError(msg);
});

const fail_on_cancel = aio.coroutine(function* fail_on_cancel(msg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  fail_on_cancel raising", msg);
    throw new ValueError(msg);
  }
});

const driver = aio.coroutine(function* driver(label, body, cancels) {
  print("--", label);
  const t = aio.createTask(body(), { name: "parent" });
  let steps = 0;
  for (const [n, msg] of cancels) {
    while (steps < n) {
      yield* aio.sleep(0);
      steps++;
    }
    print("  cancel", repr(msg), "->", t.cancel(msg), "cancelling", t.cancelling());
  }
  try {
    const r = yield* t;
    print("  parent returned", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  parent cancelled", args(e), t.cancelled());
    else print("  parent failed", desc(e));
  }
});

const p_body_awaits = aio.coroutine(function* p_body_awaits() {
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(sleeper("a"));
    tg.createTask(sleeper("b", 10, false));
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("  body cancelled", args(e), String(tg));
      throw e;
    }
  });
  return "unreached";
});

const p_in_exit = aio.coroutine(function* p_in_exit() {
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(sleeper("a"));
    tg.createTask(slow_exit("s", 2));
  });
  return "unreached";
});

const p_twice = aio.coroutine(function* p_twice() {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(slow_exit("s", 3));
    });
  } finally {
    print("  parent cancelling", me.cancelling());
  }
  return "unreached";
});

const p_during_abort = aio.coroutine(function* p_during_abort() {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(fail(1, "boom"));
      tg.createTask(slow_exit("s", 4));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  caught", desc(eg), "cancelling", me.cancelling());
  }
  const r = yield* aio.sleep(0, "after");
  print("  parent goes on", r, "cancelling", me.cancelling());
  return "swallowed";
});

const p_fail_reply = aio.coroutine(function* p_fail_reply() {
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(fail_on_cancel("reply"));
    tg.createTask(sleeper("b", 10, false));
  });
  return "unreached";
});

const p_swallow_all = aio.coroutine(function* p_swallow_all() {
  const me = aio.currentTask();
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(slow_exit("s1", 1));
    tg.createTask(slow_exit("s2", 2));
  });
  print("  unreached? cancelling", me.cancelling());
  return "unreached";
});

const p_nested_inner_fails = aio.coroutine(function* p_nested_inner_fails() {
  yield* aio.taskGroup(function* (outer) {
    outer.createTask(sleeper("o1"));
    yield* aio.taskGroup(function* (inner) {
      inner.createTask(sleeper("i1"));
      inner.createTask(fail(1, "inner"));
    });
    print("  unreached after inner");
  });
  return "unreached";
});

const p_nested_outer_child_fails = aio.coroutine(function* p_nested_outer_child_fails() {
  const me = aio.currentTask();
  yield* aio.taskGroup(function* (outer) {
    outer.createTask(fail(2, "outer-child"));
    try {
      yield* aio.taskGroup(function* (inner) {
        inner.createTask(sleeper("i1"));
        inner.createTask(slow_exit("i2", 1));
      });
    } catch (e) {
      if (isCancel(e)) print("  inner group raised CancelledError", args(e), "cancelling", me.cancelling());
      throw e;
    }
  });
  return "unreached";
});

const p_nested_both_fail = aio.coroutine(function* p_nested_both_fail() {
  yield* aio.taskGroup(function* (outer) {
    outer.createTask(fail(1, "outer-child"));
    yield* aio.taskGroup(function* (inner) {
      inner.createTask(fail(1, "inner-child"));
      inner.createTask(fail_on_cancel("inner-reply"));
    });
  });
  return "unreached";
});

await aio.run(function* main() {
  yield* driver("outside cancel while the body awaits", p_body_awaits, [[1, "stop"]]);
  yield* driver("outside cancel while the group waits in its exit", p_in_exit, [[1, null]]);
  yield* driver("outside cancel twice in the exit", p_twice, [[1, "one"], [2, "two"]]);
  yield* driver("outside cancel while the group aborts", p_during_abort, [[3, "late"]]);
  yield* driver("a child fails in reply to the outside cancel", p_fail_reply, [[1, "x"]]);
  yield* driver("all children swallow the outside cancel", p_swallow_all, [[1, "y"]]);
  yield* driver("nested: inner child fails", p_nested_inner_fails, []);
  yield* driver("nested: outer child fails while the inner runs", p_nested_outer_child_fails, []);
  yield* driver("nested: both fail", p_nested_both_fail, []);
  yield* driver("nested: outside cancel", p_nested_inner_fails, [[1, "outside"]]);
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
