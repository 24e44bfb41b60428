// Async-function twin of adv5_comp_gather_cancel_order.py.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

function cb(label) {
  return (fut) => {
    const state = fut.cancelled() ? "cancelled" : fut.exception() !== null ? "exc" : "result";
    print("  cb", label, state);
  };
}

const child = aio.coroutine(async function (name, aw) {
  print("  start", name);
  try {
    const r = await aw;
    print("  end", name, r);
    return r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  cancelled", name, repr(str(e)));
    throw e;
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- cancel right after gather(): children are not started yet");
  let f1 = loop.createFuture();
  let ts = [aio.createTask(child("a", f1)), aio.createTask(child("b", aio.sleep(10)))];
  const f0 = loop.createFuture();
  let g = aio.gather(f0, ...ts);
  [f0, ...ts].forEach((x, i) => x.addDoneCallback(cb("child" + i)));
  g.addDoneCallback(cb("outer"));
  print("cancel", g.cancel("early"));
  print("f0 cancelled now", f0.cancelled(), "tasks", ts.map((t) => t.cancelling()));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }
  print("states", [f0, ...ts].map((x) => x.cancelled()));

  print("-- cancel when the tasks are suspended: order of cancellation and callbacks");
  f1 = loop.createFuture();
  const innerG = aio.gather(aio.sleep(10), loop.createFuture());
  ts = [aio.createTask(child("c", f1), { name: "c" }),
        aio.createTask(child("d", aio.sleep(10)), { name: "d" }),
        aio.createTask(child("e", innerG), { name: "e" })];
  let f2 = loop.createFuture();
  g = aio.gather(ts[0], f2, ts[1], ts[2]);
  [ts[0], f2, ts[1], ts[2]].forEach((x, i) => x.addDoneCallback(cb("child" + i)));
  g.addDoneCallback(cb("outer"));
  await aio.sleep(0);
  loop.callSoon(print, "  soon before cancel");
  print("cancel", g.cancel("mid"));
  loop.callSoon(print, "  soon after cancel");
  print("cancel again", g.cancel("again"));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }
  print("inner gather", innerG.cancelled());

  print("-- one child done, one failed (return_exceptions), then cancel");
  f1 = loop.createFuture();
  f2 = loop.createFuture();
  let t = aio.createTask(child("f", aio.sleep(10)));
  g = aio.gather(f1, f2, t, { returnExceptions: true });
  g.addDoneCallback(cb("outer"));
  f1.setResult(1);
  f2.setException(new ValueError("v"));
  await aio.sleep(0);
  print("cancel", g.cancel("late"), "g done", g.done());
  try {
    print("result?", await g);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }

  print("-- the task awaiting the gather is cancelled: message reaches every child");
  f1 = loop.createFuture();
  ts = [0, 1, 2].map((i) => aio.createTask(child("g" + i, aio.sleep(10))));
  const waiter = aio.coroutine(async function () {
    try {
      return await aio.gather(f1, ...ts);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  waiter CancelledError", repr(str(e)), aio.currentTask().cancelling());
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  w.addDoneCallback(cb("waiter"));
  await aio.sleep(0);
  await aio.sleep(0);
  print("cancel waiter", w.cancel("from outside"));
  await aio.sleep(0);
  print("f1", f1.cancelled(), "ts", ts.map((t) => t.cancelled()), "w done", w.done());
  try {
    await w;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("w: CancelledError", repr(str(e)));
  }

  print("-- cancel from a child's done callback");
  f1 = loop.createFuture();
  f2 = loop.createFuture();
  t = aio.createTask(child("h", aio.sleep(10)));
  g = aio.gather(f1, f2, t);
  const gh = g;
  f1.addDoneCallback(function cancel_outer() { print("  cancel_outer from callback:", gh.cancel("cb")); });
  g.addDoneCallback(cb("outer"));
  await aio.sleep(0);
  f1.setResult("one");
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }
  print("f2", f2.cancelled(), "t", t.cancelled());

  print("-- a shielded child: the shield's outer is cancelled, the work goes on");
  const work = aio.createTask(child("work", aio.sleep(0.2, "w")));
  const sh = aio.shield(work);
  f1 = loop.createFuture();
  g = aio.gather(sh, f1, { returnExceptions: true });
  g.addDoneCallback(cb("outer"));
  await aio.sleep(0);
  print("cancel", g.cancel("shielded"));
  try {
    print("result?", await g);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }
  print("work", await work, "sh", sh.cancelled());

  print("-- a child that resists: return_exceptions off, the outer still ends cancelled");
  const resist = aio.coroutine(async function () {
    try {
      await aio.sleep(10);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  resist: swallowed");
      await aio.sleep(0);
      return "kept";
    }
  });
  const t1 = aio.createTask(resist());
  const t2 = aio.createTask(child("i", aio.sleep(10)));
  g = aio.gather(t1, t2);
  g.addDoneCallback(cb("outer"));
  await aio.sleep(0);
  print("cancel", g.cancel("resisted"));
  try {
    print("result?", await g);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaited: CancelledError", repr(str(e)));
  }
  print("t1", t1.result(), "t2", t2.cancelled());
  print("loop still runs", await aio.gather(aio.sleep(0, "x")));
});
