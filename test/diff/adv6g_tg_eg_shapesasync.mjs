import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// ExceptionGroup shapes: errors in the order the children finished (not created), a child's own
// group nested as one error, the body raising an ExceptionGroup (kept whole, last), a TimeoutError
// from a timeout inside the body, three levels of groups; then 3.11's leftover cancel request (a
// child failing after the body ended leaves the parent's cancelling() at 1) seen by a timeout
// around it: the timeout's expiry then comes out as CancelledError, not TimeoutError.

const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const isCancel = (e) => e instanceof aio.CancelledError;
const isGroup = (e) => e instanceof aio.ExceptionGroup;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
const strOf = (e) => (e.name === "KeyError" ? repr(e.message) : str(e));
function desc(e) {
  if (isGroup(e)) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(strOf(e))})`;
}
const leaves = (e) => (isGroup(e) ? e.errors.flatMap(leaves) : [e]);

const fail = aio.coroutine(async function fail(n, msg, cls = ValueError) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  throw new cls(msg);
});

const fail_on_cancel = aio.coroutine(async function fail_on_cancel(n, msg) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    for (let i = 0; i < n; i++) await aio.sleep(0);
    throw new TypeError(msg);
  }
});

const child_with_group = aio.coroutine(async function child_with_group(tag, k) {
  await aio.taskGroup(async function (g) {
    for (let i = 0; i < k; i++) g.createTask(fail(1, `${tag}${i}`));
  });
  return "unreached";
});

const show = aio.coroutine(async function show(label, coro) {
  print("--", label);
  try {
    const r = await coro;
    print("  returned", repr(r));
  } catch (e) {
    print("  ", desc(e));
    if (isGroup(e)) print("   leaves:", leaves(e).map(strOf));
  }
  print("  cancelling", aio.currentTask().cancelling());
});

const finish_order = aio.coroutine(async function finish_order() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail_on_cancel(3, "c-3"));
    tg.createTask(fail_on_cancel(1, "c-1"));
    tg.createTask(fail(2, "trigger"));
    tg.createTask(fail_on_cancel(2, "c-2"));
  });
});

const nested_child_group = aio.coroutine(async function nested_child_group() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(child_with_group("x", 2));
    tg.createTask(fail(3, "plain"));
    tg.createTask(child_with_group("y", 1));
  });
});

const body_raises_group = aio.coroutine(async function body_raises_group() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail_on_cancel(1, "reply"));
    await aio.sleep(0);
    throw new aio.ExceptionGroup("mine", [new KeyError("k"), new ValueError("v")]);
  });
});

const body_timeout = aio.coroutine(async function body_timeout() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(fail_on_cancel(1, "reply"));
    await aio.timeout(0, async function () {
      await aio.sleep(10);
    });
  });
});

const level2 = aio.coroutine(async function level2() {
  await aio.taskGroup(async function (g2) {
    g2.createTask(child_with_group("z", 2));
    g2.createTask(fail(1, "l2"));
  });
});

const three_levels = aio.coroutine(async function three_levels() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(level2());
    tg.createTask(fail_on_cancel(4, "l1-reply"));
  });
});

const leftover_then_timeout = aio.coroutine(async function leftover_then_timeout() {
  const me = aio.currentTask();
  await aio.timeout(0.2, async function () {
    try {
      await aio.taskGroup(async function (tg) {
        tg.createTask(fail(2, "after-body"));
      });
    } catch (eg) {
      if (!isGroup(eg)) throw eg;
      print("  caught", desc(eg), "cancelling", me.cancelling());
    }
    try {
      await aio.sleep(1);
      print("  unreached");
    } catch (e) {
      if (isCancel(e)) print("  sleep cancelled by the timeout, cancelling", me.cancelling());
      throw e;
    }
  });
  return "unreached";
});

const leftover_uncancelled = aio.coroutine(async function leftover_uncancelled() {
  const me = aio.currentTask();
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(fail(2, "after-body"));
    });
  } catch (eg) {
    if (!isGroup(eg)) throw eg;
    print("  caught", desc(eg), "cancelling", me.cancelling(), "uncancel ->", me.uncancel());
  }
  await aio.timeout(0.2, async function () {
    await aio.sleep(1);
  });
  return "unreached";
});

await aio.run(async function main() {
  await show("errors in finishing order", finish_order());
  await show("children with their own groups", nested_child_group());
  await show("body raises an ExceptionGroup", body_raises_group());
  await show("body's timeout expires", body_timeout());
  await show("three levels", three_levels());
  let t = aio.createTask(leftover_then_timeout());
  await show("3.11 leftover cancel request under a timeout", t);
  t = aio.createTask(leftover_uncancelled());
  await show("leftover request uncancelled by hand", t);
  print("-- loop still works", await aio.sleep(0, "yes"));
});
