import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CancelledError raised by hand (no cancel() behind it) and cancel() aimed at odd targets: a
// TaskGroup body raising CancelledError('manual') (children aborted, the error comes out as is),
// the same after a child failed (the errors win), a child raising CancelledError (counted as
// cancelled, not an error), the body cancelling one of its own children (the group goes on), a
// child cancelling the group's parent task, and a timeout whose body swallows its expiry and then
// raises CancelledError by hand (turned into TimeoutError all the same), or a ValueError (kept).

const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(str(e))})`;
}

const sleeper = aio.coroutine(async function sleeper(name, d = 10) {
  try {
    await aio.sleep(d);
    print("  ", name, "woke");
    return name;
  } catch (e) {
    if (isCancel(e)) print("  ", name, "cancelled", args(e));
    throw e;
  }
});

const fail = aio.coroutine(async function fail(n, msg) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  raising", msg);
  throw new ValueError(msg);
});

const self_cancel = aio.coroutine(async function self_cancel(n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  child raising CancelledError itself");
  throw new aio.CancelledError("child-own");
});

const cancel_parent = aio.coroutine(async function cancel_parent(parent, n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  child cancels the parent ->", parent.cancel("from-child"));
  await aio.sleep(0);
  print("  child done");
  return "cp";
});

const scenario = aio.coroutine(async function scenario(label, coroFn) {
  print("--", label);
  const t = aio.createTask(coroFn(), { name: "p" });
  try {
    const r = await t;
    print("  returned", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  task cancelled", t.cancelled(), args(e));
    else print("  task failed", desc(e));
  }
  print("  cancelling after", t.cancelling());
});

const s_body_manual = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(sleeper("a"));
    await aio.sleep(0);
    print("  body raising CancelledError('manual')");
    throw new aio.CancelledError("manual");
  });
});

const s_body_manual_after_fail = aio.coroutine(async function () {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail(1, "child"));
    try {
      await aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  body cancelled; raising its own");
    }
    throw new aio.CancelledError("own");
  });
});

const s_child_self_cancel = aio.coroutine(async function () {
  let c, o;
  await aio.taskGroup(async function (tg) {
    c = tg.createTask(self_cancel(1));
    o = tg.createTask(sleeper("o", 0.01));
  });
  print("  child cancelled()", c.cancelled(), "other", o.result());
  return "group fine";
});

const s_body_cancels_child = aio.coroutine(async function () {
  let c, g;
  await aio.taskGroup(async function (tg) {
    g = tg;
    c = tg.createTask(sleeper("c"));
    tg.createTask(sleeper("o", 0.01));
    await aio.sleep(0);
    print("  body cancels c ->", c.cancel("by-body"));
  });
  print("  c cancelled()", c.cancelled(), String(g));
  return "group fine";
});

const s_child_cancels_parent = aio.coroutine(async function () {
  const me = aio.currentTask();
  await aio.taskGroup(async function (tg) {
    tg.createTask(cancel_parent(me, 1));
    tg.createTask(sleeper("s"));
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("  body cancelled", args(e), "cancelling", me.cancelling());
      throw e;
    }
  });
  return "unreached";
});

const s_child_cancels_parent_in_exit = aio.coroutine(async function () {
  const me = aio.currentTask();
  await aio.taskGroup(async function (tg) {
    tg.createTask(cancel_parent(me, 1));
    tg.createTask(sleeper("s", 0.01));
  });
  return "unreached";
});

const s_timeout_manual = aio.coroutine(async function () {
  const me = aio.currentTask();
  let cm;
  try {
    await aio.timeout(0, async function (c) {
      cm = c;
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  swallowed expiry, cancelling", me.cancelling());
      }
      await aio.sleep(0);
      throw new aio.CancelledError("by-hand");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError from", desc(e.cause), "expired", cm.expired());
  }
  return "after timeout";
});

const s_timeout_valueerror = aio.coroutine(async function () {
  let cm;
  try {
    await aio.timeout(0, async function (c) {
      cm = c;
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
      }
      throw new ValueError("instead");
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("  ValueError kept", desc(e), "expired", cm.expired());
  }
  return "after timeout";
});

const s_timeout_manual_unexpired = aio.coroutine(async function () {
  await aio.timeout(10, async function () {
    await aio.sleep(0);
    throw new aio.CancelledError("no expiry");
  });
});

await aio.run(async function main() {
  await scenario("TaskGroup body raises CancelledError by hand", s_body_manual);
  await scenario("body raises its own CancelledError after a child failed", s_body_manual_after_fail);
  await scenario("a child raises CancelledError itself", s_child_self_cancel);
  await scenario("the body cancels one child", s_body_cancels_child);
  await scenario("a child cancels the parent while the body awaits", s_child_cancels_parent);
  await scenario("a child cancels the parent in the group's exit", s_child_cancels_parent_in_exit);
  await scenario("timeout body swallows expiry, raises CancelledError", s_timeout_manual);
  await scenario("timeout body swallows expiry, raises ValueError", s_timeout_valueerror);
  await scenario("CancelledError by hand under an unexpired timeout", s_timeout_manual_unexpired);
  print("-- loop still works", await aio.sleep(0, "yes"));
});
