import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CancelledError in a TaskGroup that does not come from the group: a child raising CancelledError
// on its own (counted as cancelled, not an error: the group does not abort), a child cancelled
// from outside with a message, the body raising CancelledError without being cancelled (the
// group aborts its children and the CancelledError propagates), the body raising it while a
// child has failed (the errors win), and the parent's cancelling() along the way.

function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

const self_cancel = aio.coroutine(async function self_cancel(msg, n = 1) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  raise CancelledError", repr(msg));
  throw new aio.CancelledError(msg);
});

const worker = aio.coroutine(async function worker(name, n) {
  try {
    for (let i = 0; i < n; i++) await aio.sleep(0);
  } catch (e) {
    if (isCancel(e)) print("  ", name, "cancelled", repr(str(e)));
    throw e;
  }
  print("  ", name, "finished");
  return name;
});

const fail = aio.coroutine(async function fail(n, msg) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  throw new ValueError(msg);
});

const caseRun = aio.coroutine(async function caseRun(title, body) {
  print("--", title);
  const me = aio.currentTask();
  try {
    const r = await body();
    print("  result", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  CancelledError", repr(str(e)), "cancelling", me.cancelling());
    else if (e instanceof aio.ExceptionGroup) print("  group", desc(e));
    else throw e;
  }
  print("  cancelling", me.cancelling());
});

const b1 = aio.coroutine(async function b1() {
  let a, b;
  await aio.taskGroup(async function (tg) {
    a = tg.createTask(self_cancel("by myself"), { name: "a" });
    b = tg.createTask(worker("b", 3), { name: "b" });
  });
  print("  a cancelled", a.cancelled(), "b", b.result());
  try {
    a.result();
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  a.result() CancelledError", repr(str(e)));
  }
  return "b1 done";
});

const b2 = aio.coroutine(async function b2() {
  let b;
  await aio.taskGroup(async function (tg) {
    const a = tg.createTask(worker("a", 5), { name: "a" });
    b = tg.createTask(worker("b", 3), { name: "b" });
    await aio.sleep(0);
    print("  cancel a", a.cancel("from outside"));
    await aio.sleep(0);
    print("  a done", a.done(), a.cancelled());
  });
  return tuple("b2 done", b.result());
});

const b3 = aio.coroutine(async function b3() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(worker("a", 5), { name: "a" });
    await aio.sleep(0);
    print("  body raises CancelledError");
    throw new aio.CancelledError("body's own");
  });
  return "unreached";
});

const b4 = aio.coroutine(async function b4() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail(1, "child failed"), { name: "f" });
    tg.createTask(worker("w", 5), { name: "w" });
    await aio.sleep(0);
    await aio.sleep(0);
    print("  body raises CancelledError after the failure");
    throw new aio.CancelledError("body's own");
  });
  return "unreached";
});

const b5 = aio.coroutine(async function b5() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(self_cancel("c1", 1), { name: "c1" });
    tg.createTask(self_cancel("c2", 2), { name: "c2" });
    tg.createTask(fail(3, "late failure"), { name: "f" });
    tg.createTask(worker("w", 6), { name: "w" });
  });
  return "unreached";
});

const b6 = aio.coroutine(async function b6() {
  // the body catches its cancellation (requested by the group) and returns normally
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail(1, "child failed"), { name: "f" });
    try {
      await aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  body swallowed", repr(str(e)), aio.currentTask().cancelling());
    }
    print("  body goes on", aio.currentTask().cancelling());
    await aio.sleep(0);
    print("  body after one more await");
  });
  return "unreached";
});

await aio.run(async function main() {
  for (const [title, b] of [["child raises CancelledError itself", b1],
                            ["child cancelled from outside", b2],
                            ["body raises CancelledError", b3],
                            ["body raises CancelledError after a child failed", b4],
                            ["children raise CancelledError, then one fails", b5],
                            ["body swallows the group's cancellation", b6]]) {
    await caseRun(title, b);
  }
  print("-- loop still works", await aio.sleep(0, "yes"));
});
