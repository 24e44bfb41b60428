import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// exception() and result() (and done(), cancelled()) of the futures compositions hand out, in
// every state they reach: gather's outer pending, failed by a child, with a child cancelled (the
// outer is not cancelled: exception() returns the CancelledError), cancelled through cancel()
// (3.11 ends it with the children's cancellation as an exception, also with
// returnExceptions), cancel() refused once the children are done, gather() of nothing; a
// shield's outer cancelled (really cancelled), failed with its inner's error (the same object),
// shield() of a done future (the future itself); a task being cancelled but still pending; a
// TaskGroup child cancelled by the group's abort. Each read twice where reads consume.

const AppError = errorClass("AppError", ValueError);

function look(label, f) {
  const out = [label, "done", f.done(), "cancelled", f.cancelled()];
  for (const name of ["exception", "result", "exception"]) {
    try {
      const v = f[name]();
      out.push(name, repr(v));
    } catch (e) {
      out.push(name + "!", repr(e));
    }
  }
  print(...out);
}

const ticks = aio.coroutine(async function ticks(n = 3) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const fail = aio.coroutine(async function fail(msg, n = 1) {
  await ticks(n);
  throw new AppError(msg);
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();

  print("gather:");
  let g = aio.gather(aio.sleep(0.05, "a"));
  look("  pending", g);
  await g;
  look("  finished", g);
  print("  cancel after done ->", g.cancel("late"));

  g = aio.gather(fail("child failed"), aio.sleep(0.05));
  await ticks();
  look("  child failed", g);

  const c1 = loop.createTask(aio.sleep(10), { name: "c1" });
  g = aio.gather(c1, aio.sleep(0.01, "x"));
  await aio.sleep(0);
  c1.cancel("child msg");
  await ticks();
  look("  child cancelled", g);

  g = aio.gather(aio.sleep(10), aio.sleep(10));
  await aio.sleep(0);
  print("  cancel ->", g.cancel("outer msg"), "again ->", g.cancel("second msg"));
  look("  cancel requested", g);
  await ticks();
  look("  cancelled through cancel()", g);

  g = aio.gather(aio.sleep(10), aio.sleep(0.01, "y"), { returnExceptions: true });
  await aio.sleep(0);
  print("  cancel rx ->", g.cancel("rx msg"));
  await aio.sleep(0.05);
  look("  rx cancelled through cancel()", g);

  const f1 = loop.createFuture();
  const f2 = loop.createFuture();
  g = aio.gather(f1, f2);
  f1.setResult(1);
  f2.setResult(2);
  print("  cancel with children done, callbacks pending ->", g.cancel("too late"));
  await aio.sleep(0);
  look("  children were done", g);

  g = aio.gather();
  print("  empty gather cancel ->", g.cancel());
  look("  empty", g);

  print("shield:");
  const inner = loop.createTask(aio.sleep(0.05, "inner"), { name: "inner" });
  let s = aio.shield(inner);
  print("  cancel ->", s.cancel("shield msg"));
  look("  outer cancelled", s);
  look("  inner meanwhile", inner);
  await inner;
  look("  inner after", inner);

  const bad = loop.createTask(fail("inner failed"), { name: "bad" });
  s = aio.shield(bad);
  await ticks();
  look("  outer of failed inner", s);
  print("  same object", s.exception() === bad.exception());

  const done = loop.createFuture();
  done.setResult("already");
  print("  shield of a done future is it", aio.shield(done) === done);
  print("  ensure_future of a future is it", aio.ensureFuture(done) === done);

  print("task:");
  let t = loop.createTask(aio.sleep(10), { name: "t" });
  await aio.sleep(0);
  print("  cancel ->", t.cancel("task msg"));
  look("  cancel requested", t);
  print("  cancelling", t.cancelling());
  await ticks();
  look("  cancelled", t);

  t = loop.createTask(aio.sleep(10), { name: "t2" });
  print("  cancel before start ->", t.cancel("early"));
  await aio.sleep(0);
  look("  cancelled before start", t);

  print("TaskGroup child cancelled by the abort:");
  const kids = [];
  try {
    await aio.taskGroup(async function (tg) {
      kids.push(tg.createTask(aio.sleep(10), { name: "k1" }));
      kids.push(tg.createTask(fail("kid failed"), { name: "k2" }));
    });
  } catch (e) {
    if (!(e instanceof aio.ExceptionGroup)) throw e;
    print("  raised", rep(e));
  }
  look("  k1", kids[0]);
  look("  k2", kids[1]);
  const me = aio.currentTask();
  if (me.cancelling()) me.uncancel();
  print("done");
});

await aio.run(main);
