import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// Failing done callbacks on futures that compositions also watch: a gather child whose own
// callbacks (added before and after gather's) raise, a TaskGroup child, a wait() and an
// asCompleted() input, a shield's inner and outer; a callback that re-raises the future's own
// exception through result() (the handler gets that very object), one raising CancelledError
// with a message (reported, not a cancellation), one raising an ExceptionGroup, one that cancels
// a gather sibling before raising. The handler prints as it is called, so the order of user
// callbacks, internal callbacks and reports shows; every composition still completes and the
// loop keeps running.

const AppError = errorClass("AppError", ValueError);
const CbError = errorClass("CbError");

function mask(s) {
  // a task's repr carries its source location in Python (cut by reprlib): show the kind only
  return s.replace(/\(<Task .*>\)$/, "(<Task ...>)");
}

const seen = {};

function handler(loop, ctx) {
  const exc = ctx.exception;
  print("  handler:", mask(ctx.message), Object.keys(ctx).sort(), rep(exc), Object.values(seen).some((e) => e === exc) ? "same object" : "");
}

function cb_before(fut) {
  print("  cb_before sees done", fut.done());
  throw new CbError("before");
}

function cb_after(fut) {
  print("  cb_after");
  throw new CbError("after");
}

function cb_reraise(fut) {
  print("  cb_reraise");
  fut.result();
}

function cb_cancelled(fut) {
  throw new aio.CancelledError("from callback");
}

function cb_group(fut) {
  throw new aio.ExceptionGroup("cb group", [new CbError("x"), new AppError("y")]);
}

const sibling = [];

function cancel_sibling(fut) {
  print("  cancel_sibling ->", sibling[0].cancel("by callback"));
  throw new CbError("after cancelling");
}

function cb_ok(fut) {
  print("  cb_ok runs");
}

const work = aio.coroutine(async function work(v, n = 1) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  return v;
});

const fails = aio.coroutine(async function fails(msg, n = 1) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  throw new AppError(msg);
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);

  print("gather:");
  const t1 = loop.createTask(work(1), { name: "t1" });
  t1.addDoneCallback(cb_before);
  const t2 = loop.createTask(work(2, 2), { name: "t2" });
  const g = aio.gather(t1, t2);
  t1.addDoneCallback(cb_after);
  t1.addDoneCallback(cb_ok);
  print("gather ->", await g);

  print("gather child fails, callback re-raises its error:");
  const t3 = loop.createTask(fails("t3 failed"), { name: "t3" });
  t3.addDoneCallback(cb_reraise);
  const t4 = loop.createTask(work(4, 3), { name: "t4" });
  try {
    await aio.gather(t3, t4);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    seen.t3 = e;
    print("gather raised", repr(e));
  }
  await t4;
  print("t3 exception is the one raised", t3.exception() === seen.t3);

  print("callback cancels a gather sibling, then raises:");
  const t5 = loop.createTask(work(5), { name: "t5" });
  const t6 = loop.createTask(work(6, 5), { name: "t6" });
  sibling.push(t6);
  t5.addDoneCallback(cancel_sibling);
  try {
    print("gather ->", await aio.gather(t5, t6));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("gather raised", repr(e), "t6 cancelled", t6.cancelled());
  }

  print("TaskGroup:");
  let a, b;
  await aio.taskGroup(async function (tg) {
    a = tg.createTask(work("a"), { name: "tg-a" });
    a.addDoneCallback(cb_cancelled);
    b = tg.createTask(work("b", 2), { name: "tg-b" });
    b.addDoneCallback(cb_group);
  });
  print("TaskGroup done", a.result(), b.result(), "cancelling", aio.currentTask().cancelling());

  print("wait:");
  const w1 = loop.createTask(work("w1"), { name: "w1" });
  const w2 = loop.createTask(work("w2", 4), { name: "w2" });
  w1.addDoneCallback(cb_before);
  const [done, pending] = await aio.wait([w1, w2], { returnWhen: aio.FIRST_COMPLETED });
  print("wait done", [...done].map((t) => t.getName()).sort(), "pending", [...pending].map((t) => t.getName()).sort());
  w2.addDoneCallback(cb_after);
  await w2;

  print("as_completed:");
  const c1 = loop.createTask(work("c1", 2), { name: "c1" });
  c1.addDoneCallback(cb_reraise);
  const c2 = loop.createTask(fails("c2 failed"), { name: "c2" });
  c2.addDoneCallback(cb_reraise);
  for (const f of aio.asCompleted([c1, c2])) {
    try {
      print("as_completed ->", await f);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      print("as_completed raised", repr(e));
    }
  }

  print("shield:");
  const inner = loop.createFuture();
  inner.addDoneCallback(cb_before);
  const outer = aio.shield(inner);
  outer.addDoneCallback(cb_after);
  loop.callSoon(inner.setResult.bind(inner), "shielded");
  print("shield ->", await outer);

  print("future set_exception, callback re-raises:");
  const f = loop.createFuture();
  f.addDoneCallback(cb_reraise);
  f.addDoneCallback(cb_ok);
  const err = new AppError("stored");
  seen.stored = err;
  f.setException(err);
  await aio.sleep(0);
  print("stored retrieved", f.exception() === err);
  for (let i = 0; i < 3; i++) await aio.sleep(0);
  print("loop still runs", await work("yes"));
});

await aio.run(main);
