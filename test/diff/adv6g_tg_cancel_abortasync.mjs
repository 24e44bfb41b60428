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

const sleeper = aio.coroutine(async function sleeper(name, d = 10, loud = true) {
  try {
    await aio.sleep(d);
    print("  ", name, "woke");
    return name;
  } catch (e) {
    if (isCancel(e) && loud) print("  ", name, "cancelled", args(e));
    throw e;
  }
});

const slow_exit = aio.coroutine(async function slow_exit(name, n) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    for (let i = 0; i < n; i++) await aio.sleep(0);
    print("  ", name, "done lingering");
    return name;
  }
});

const fail = aio.coroutine(async function fail(n, msg) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  raising", msg);
  throw new ValueError(msg);
});

const fail_on_cancel = aio.coroutine(async function fail_on_cancel(msg) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  fail_on_cancel raising", msg);
    throw new ValueError(msg);
  }
});

const driver = aio.coroutine(async function driver(label, body, cancels) {
  print("--", label);
  const t = aio.createTask(body(), { name: "parent" });
  let steps = 0;
  for (const [n, msg] of cancels) {
    while (steps < n) {
      await aio.sleep(0);
      steps++;
    }
    print("  cancel", repr(msg), "->", t.cancel(msg), "cancelling", t.cancelling());
  }
  try {
    const r = await t;
    print("  parent returned", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  parent cancelled", args(e), t.cancelled());
    else print("  parent failed", desc(e));
  }
});

const p_body_awaits = aio.coroutine(async function p_body_awaits() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(sleeper("a"));
    tg.createTask(sleeper("b", 10, false));
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("  body cancelled", args(e), String(tg));
      throw e;
    }
  });
  return "unreached";
});

const p_in_exit = aio.coroutine(async function p_in_exit() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(sleeper("a"));
    tg.createTask(slow_exit("s", 2));
  });
  return "unreached";
});

const p_twice = aio.coroutine(async function p_twice() {
  const me = aio.currentTask();
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(slow_exit("s", 3));
    });
  } finally {
    print("  parent cancelling", me.cancelling());
  }
  return "unreached";
});

const p_during_abort = aio.coroutine(async function p_during_abort() {
  const me = aio.currentTask();
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(fail(1, "boom"));
      tg.createTask(slow_exit("s", 4));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  caught", desc(eg), "cancelling", me.cancelling());
  }
  const r = await aio.sleep(0, "after");
  print("  parent goes on", r, "cancelling", me.cancelling());
  return "swallowed";
});

const p_fail_reply = aio.coroutine(async function p_fail_reply() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail_on_cancel("reply"));
    tg.createTask(sleeper("b", 10, false));
  });
  return "unreached";
});

const p_swallow_all = aio.coroutine(async function p_swallow_all() {
  const me = aio.currentTask();
  await aio.taskGroup(async function (tg) {
    tg.createTask(slow_exit("s1", 1));
    tg.createTask(slow_exit("s2", 2));
  });
  print("  unreached? cancelling", me.cancelling());
  return "unreached";
});

const p_nested_inner_fails = aio.coroutine(async function p_nested_inner_fails() {
  await aio.taskGroup(async function (outer) {
    outer.createTask(sleeper("o1"));
    await aio.taskGroup(async function (inner) {
      inner.createTask(sleeper("i1"));
      inner.createTask(fail(1, "inner"));
    });
    print("  unreached after inner");
  });
  return "unreached";
});

const p_nested_outer_child_fails = aio.coroutine(async function p_nested_outer_child_fails() {
  const me = aio.currentTask();
  await aio.taskGroup(async function (outer) {
    outer.createTask(fail(2, "outer-child"));
    try {
      await aio.taskGroup(async function (inner) {
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

const p_nested_both_fail = aio.coroutine(async function p_nested_both_fail() {
  await aio.taskGroup(async function (outer) {
    outer.createTask(fail(1, "outer-child"));
    await aio.taskGroup(async function (inner) {
      inner.createTask(fail(1, "inner-child"));
      inner.createTask(fail_on_cancel("inner-reply"));
    });
  });
  return "unreached";
});

await aio.run(async function main() {
  await driver("outside cancel while the body awaits", p_body_awaits, [[1, "stop"]]);
  await driver("outside cancel while the group waits in its exit", p_in_exit, [[1, null]]);
  await driver("outside cancel twice in the exit", p_twice, [[1, "one"], [2, "two"]]);
  await driver("outside cancel while the group aborts", p_during_abort, [[3, "late"]]);
  await driver("a child fails in reply to the outside cancel", p_fail_reply, [[1, "x"]]);
  await driver("all children swallow the outside cancel", p_swallow_all, [[1, "y"]]);
  await driver("nested: inner child fails", p_nested_inner_fails, []);
  await driver("nested: outer child fails while the inner runs", p_nested_outer_child_fails, []);
  await driver("nested: both fail", p_nested_both_fail, []);
  await driver("nested: outside cancel", p_nested_inner_fails, [[1, "outside"]]);
  print("-- loop still works", await aio.sleep(0, "yes"));
});
