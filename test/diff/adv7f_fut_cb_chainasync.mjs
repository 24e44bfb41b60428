import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Done callbacks that act on futures and tasks: a callback completes another future (its
// callbacks queue behind everything already scheduled); a callback removes the callbacks of a
// still-pending future (they never run) or cancels it; a callback cancels its own done future
// (False) and calls result(); a callback placed before a task's wake-up cancels the task, which
// then gets CancelledError although the future it awaited has a result; one placed after the
// wake-up cancels the task at its next await instead.

const waiter = aio.coroutine(async function waiter(fut, label) {
  try {
    const v = await fut;
    print(label, "got", repr(v));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(label, "cancelled at the await", repr(str(e)));
    try {
      await aio.sleep(0);
      print(label, "and keeps going after it");
    } catch (e2) {
      if (!(e2 instanceof aio.CancelledError)) throw e2;
      print(label, "cancelled again");
    }
    return "swallowed";
  }
  try {
    await aio.sleep(0);
    print(label, "next await passed");
  } catch (e) {
    if (e instanceof aio.CancelledError) print(label, "cancelled at the next await", repr(str(e)));
    throw e;
  }
  return "finished";
});

await aio.run(async function main() {
  const loop = aio.getRunningLoop();
  const a = loop.createFuture();
  const b = loop.createFuture();
  const c = loop.createFuture();

  function b_cb(f) {
    print("b_cb", f.result());
  }
  function c_cb(f) {
    print("c_cb", f.cancelled());
  }
  function a1(f) {
    print("a1: set b; cancel own ->", f.cancel(), "result", f.result());
    b.setResult("from a1");
  }
  function a2(f) {
    print("a2: remove c_cb ->", c.removeDoneCallback(c_cb), "then cancel c ->", c.cancel("by a2"));
  }
  function a3(f) {
    print("a3: b done", b.done(), "c cancelled", c.cancelled());
  }

  b.addDoneCallback(b_cb);
  c.addDoneCallback(c_cb);
  c.addDoneCallback(c_cb);
  for (const cb of [a1, a2, a3]) a.addDoneCallback(cb);
  loop.callSoon(print, "soon before");
  a.setResult("A");
  loop.callSoon(print, "soon after");
  await aio.sleep(0);
  print("after one iteration");
  await aio.sleep(0);
  print("after two iterations");
  c.addDoneCallback(c_cb);
  await aio.sleep(0);
  try {
    c.result();
  } catch (e) {
    print("c.result raised CancelledError", repr(str(e)));
  }

  print("-- cancel a task from a callback queued before its wake-up");
  const w = loop.createFuture();
  let t;
  const killer = (label) =>
    function kill(f) {
      print(label, "cancels task ->", t.cancel("from " + label), "fut", String(f));
    };
  w.addDoneCallback(killer("early"));
  t = aio.ensureFuture(waiter(w, "t"));
  await aio.sleep(0);
  w.setResult("w result");
  await aio.sleep(0);
  await aio.sleep(0);
  print("t", t.done(), t.cancelled(), t.done() && !t.cancelled() ? repr(t.result()) : "");

  print("-- cancel a task from a callback queued after its wake-up");
  const v = loop.createFuture();
  const t2 = aio.ensureFuture(waiter(v, "t2"));
  await aio.sleep(0);
  v.addDoneCallback(killer("late"));
  t = t2;
  v.setResult("v result");
  try {
    await t2;
  } catch (e) {
    print("t2 raised CancelledError", repr(str(e)));
  }
  print("t2", t2.done(), t2.cancelled());

  print("-- a callback cancels the future another task awaits, with a message");
  const x = loop.createFuture();
  const y = loop.createFuture();
  const t3 = aio.ensureFuture(waiter(y, "t3"));
  await aio.sleep(0);
  x.addDoneCallback((f) => print("x cb cancels y ->", y.cancel("via x")));
  x.setException(new ValueError("x failed"));
  print("t3 ->", repr(await t3));
  print("x exception", repr(x.exception()), "y", String(y));
  print("loop still works", await aio.sleep(0, "yes"));
});
