import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A TaskGroup whose children fail at every phase: while the body still awaits, after the body
// ended (the group waiting in its exit), two in one iteration (the errors' order), one failing
// again while being cancelled, a holdout that fails only after its cancellation, and the body
// raising as well (its error last in the group). The parent's cancelling() count and the group's
// repr are printed after each, and the loop keeps working. Children cancelled together report only
// after steps of different counts (asyncio keeps a group's tasks in a set: no defined order).

const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const ZeroDivisionError = errorClass("ZeroDivisionError");
const isCancel = (e) => e instanceof aio.CancelledError;
// Python's str() of a KeyError is the repr of its key.
const strOf = (e) => (e.name === "KeyError" ? repr(e.message) : str(e));
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(strOf(e))})`;
}
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);

const fail = aio.coroutine(async function fail(n, msg, cls = ValueError) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  raising", msg);
  throw new cls(msg);
});

const ok = aio.coroutine(async function ok(n, v) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  ok", v);
  return v;
});

const refail = aio.coroutine(async function refail(msg, n) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    for (let i = 0; i < n; i++) await aio.sleep(0);
    print("  refail raising", msg);
    throw new KeyError(msg);
  }
});

const holdout = aio.coroutine(async function holdout(n, msg) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  holdout cancelled", args(e));
    for (let i = 0; i < n; i++) await aio.sleep(0);
    print("  holdout raising", msg);
    throw new TypeError(msg);
  }
});

const quiet = aio.coroutine(async function quiet() {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    return "quiet";
  }
});

const run = aio.coroutine(async function run(label, body) {
  print("--", label);
  const me = aio.currentTask();
  const holder = {};
  try {
    const r = await body(holder);
    print("  returned", r);
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("  group", desc(e));
    else print("  raised", desc(e));
  }
  print("  after: cancelling", me.cancelling(), "tg", String(holder.tg));
  for (const [name, t] of Object.entries(holder.tasks ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    print("  task", name, t.cancelled() ? "cancelled" : t.exception() ? desc(t.exception()) : `result=${repr(t.result())}`);
  }
  print("  sleep", await aio.sleep(0, "fine"));
});

const b_while_body_awaits = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { f: tg.createTask(fail(2, "early")), o: tg.createTask(ok(5, "late-ok")) };
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("  body cancelled", args(e), "cancelling", aio.currentTask().cancelling(), String(tg));
      throw e;
    }
  });
  return "unreached";
});

const b_after_body = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { f: tg.createTask(fail(3, "in-exit")), o: tg.createTask(ok(1, "quick")), q: tg.createTask(quiet()) };
    print("  body ends", String(tg));
  });
  return "unreached";
});

const b_two_same_iter = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = {
      a: tg.createTask(fail(1, "first", ValueError)),
      b: tg.createTask(fail(1, "second", KeyError)),
      c: tg.createTask(fail(2, "third")),
    };
    await aio.sleep(0);
    print("  body after one step", String(tg));
  });
  return "unreached";
});

const b_refail = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { r1: tg.createTask(refail("r1", 2)), f: tg.createTask(fail(1, "trigger")), r2: tg.createTask(refail("r2", 1)) };
  });
  return "unreached";
});

const b_holdout = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { h: tg.createTask(holdout(3, "late-fail")), f: tg.createTask(fail(1, "trigger")), q: tg.createTask(quiet()) };
    await aio.sleep(10);
  });
  return "unreached";
});

const b_body_raises = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { f: tg.createTask(fail(1, "child")), h: tg.createTask(holdout(1, "hold")) };
    await aio.sleep(0);
    print("  body raising", String(tg));
    throw new aio.RuntimeError("body");
  });
  return "unreached";
});

const b_body_raises_first = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { q: tg.createTask(quiet()), h: tg.createTask(holdout(2, "hold")) };
    throw new ZeroDivisionError("at once");
  });
});

const b_body_raises_alone = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { q: tg.createTask(quiet()) };
    await aio.sleep(0);
    throw new ZeroDivisionError("alone");
  });
});

const b_body_returns_child_fails_late = aio.coroutine(async function (h) {
  await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { o: tg.createTask(ok(1, "a")), f: tg.createTask(fail(4, "last")) };
  });
  return "unreached";
});

const b_all_ok = aio.coroutine(async function (h) {
  return await aio.taskGroup(async function (tg) {
    h.tg = tg;
    h.tasks = { a: tg.createTask(ok(2, "a")), b: tg.createTask(ok(1, "b")) };
    print("  body", String(tg));
    return "body-result";
  });
});

await aio.run(async function main() {
  for (const [label, b] of [
    ["child fails while the body awaits", b_while_body_awaits],
    ["child fails after the body ended", b_after_body],
    ["children fail in one iteration", b_two_same_iter],
    ["children fail again when cancelled", b_refail],
    ["holdout fails after its cancellation", b_holdout],
    ["body raises after a child failed", b_body_raises],
    ["body raises before any child ran", b_body_raises_first],
    ["body raises, no child fails", b_body_raises_alone],
    ["child fails last, body returned", b_body_returns_child_fails_late],
    ["all succeed", b_all_ok],
  ]) {
    await run(label, b);
  }
});
