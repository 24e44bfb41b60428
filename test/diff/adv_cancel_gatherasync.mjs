import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Cancellation reaching tasks that wait on gather(), and gather(return_exceptions=True) over
// children cancelled in different ways. Every step happens after a fixed number of sleep(0) ticks.

const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, swallow = false) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(name, "cancelled", repr(str(e)));
    if (swallow) return name + "-swallowed";
    throw e;
  }
  return name;
});

const quick = aio.coroutine(async function (v) {
  return v;
});

const waiter = aio.coroutine(async function (name, g) {
  try {
    const r = await g;
    print(name, "got", r);
    return r;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(name, "raised", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    throw e;
  }
});

function desc(x) {
  if (x instanceof Error) return x.name + "(" + repr(str(x)) + ")";
  return repr(x);
}

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return "error " + desc(f.exception());
  return "result " + repr(f.result());
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- the waiting task is cancelled with a message");
  let a = aio.createTask(child("a1"));
  let b = aio.createTask(child("b1"));
  let g = aio.gather(a, b);
  let w = aio.createTask(waiter("w1", g));
  await ticks(1);
  print("cancel w ->", w.cancel("stop-w"), "cancelling", w.cancelling());
  print("g done", g.done(), "a cancelling", a.cancelling(), "b cancelling", b.cancelling());
  try {
    await w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: w", repr(str(e)), w.cancelled());
  }
  print("g", state(g), "a", state(a), "b", state(b));

  print("-- the same with return_exceptions");
  a = aio.createTask(child("a2"));
  b = aio.createTask(child("b2"));
  g = aio.gather(a, b, { returnExceptions: true });
  w = aio.createTask(waiter("w2", g));
  await ticks(1);
  print("cancel w ->", w.cancel("stop-w2"));
  try {
    await w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: w2", repr(str(e)), w.cancelled());
  }
  print("g", state(g));

  print("-- children cancelled directly, return_exceptions");
  const t1 = aio.createTask(child("t1"));
  const t2 = aio.createTask(child("t2"));
  const t3 = aio.createTask(quick(3));
  const f = loop.createFuture();
  const t4 = aio.createTask(child("t4"));
  t4.cancel("before start");
  g = aio.gather(t1, t2, t3, f, t4, { returnExceptions: true });
  await ticks(1);
  t1.cancel("one");
  f.cancel("fut");
  await ticks(1);
  t2.cancel();
  const res = await g;
  print("results", res.map(desc));
  print("t1 cancelled", t1.cancelled(), "t4 cancelled", t4.cancelled());

  print("-- a child swallows the gather's cancellation");
  a = aio.createTask(child("a3", true));
  b = aio.createTask(child("b3", true));
  g = aio.gather(a, b);
  await ticks(1);
  print("cancel g ->", g.cancel("stop-g"), "done", g.done());
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: g raised", repr(str(e)), "cancelled", g.cancelled());
  }
  print("a", state(a), "b", state(b));

  print("-- one child swallows, return_exceptions");
  a = aio.createTask(child("a4", true));
  b = aio.createTask(child("b4"));
  g = aio.gather(a, b, { returnExceptions: true });
  await ticks(1);
  print("cancel g ->", g.cancel("stop-g4"));
  try {
    print("g4 result", await g);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: g4 raised", repr(str(e)));
  }

  print("-- cancel the gather twice");
  a = aio.createTask(child("a5"));
  g = aio.gather(a);
  await ticks(1);
  print("first", g.cancel("first"), "second", g.cancel("second"), "a cancelling", a.cancelling());
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: g5 raised", repr(str(e)));
  }
  print("cancel after done", g.cancel("third"));

  print("-- cancel a gather whose children are all done");
  a = aio.createTask(quick(1));
  b = aio.createTask(quick(2));
  g = aio.gather(a, b);
  print("cancel before they ran ->", g.cancel("early"));
  try {
    print("g6", await g);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: g6 raised", repr(str(e)), "a", state(a), "b", state(b));
  }
  a = aio.createTask(quick(1));
  await ticks(1);
  g = aio.gather(a, a);
  print("cancel done children ->", g.cancel("late"));
  print("g7", await g);
});
