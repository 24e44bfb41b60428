// Mixed twin of adv5_comp_gather_rx_cancel.py: async-function children under a generator main
// (and a generator child, resist).
import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const show = (res) => res.map((x) => (x instanceof Error ? tuple(x.name, str(x)) : x));

const sleeper = aio.coroutine(async function (name, d = 10) {
  try {
    await aio.sleep(d);
    print("  ", name, "slept");
    return name;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  ", name, "cancelled", repr(str(e)));
    throw e;
  }
});

const ticks = aio.coroutine(async function (name, n, exc = null) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  ", name, "ends");
  if (exc !== null) throw exc;
  return name;
});

const selfCancel = aio.coroutine(async function () {
  aio.currentTask().cancel("myself");
  await aio.sleep(0);
  return "never";
});

const raiseCancel = aio.coroutine(async function () {
  await aio.sleep(0);
  throw new aio.CancelledError("custom");
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- return_exceptions: children cancelled directly, failing, self-cancelling");
  let t1 = aio.createTask(sleeper("s1"));
  let t2 = aio.createTask(sleeper("s2"));
  let t3 = aio.createTask(ticks("k3", 2, new ValueError("k3")));
  const t4 = aio.createTask(selfCancel());
  let t5 = aio.createTask(raiseCancel());
  const f6 = loop.createFuture();
  let g = aio.gather(t1, t2, t3, t4, t5, f6, ticks("k7", 3), { returnExceptions: true });
  yield* aio.sleep(0);
  print("cancel t1", t1.cancel("m1"), "cancel t2", t2.cancel());
  f6.cancel("f6 msg");
  let res = yield* g;
  print("results", show(res));
  for (const t of [t4, t5]) {
    try {
      t.result();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  task result():", repr(str(e)), "cancelled", t.cancelled());
    }
  }
  print("g cancelled", g.cancelled());

  print("-- no return_exceptions: a child cancelled directly fails the gather, not the awaiter");
  t1 = aio.createTask(sleeper("a1"));
  t2 = aio.createTask(ticks("a2", 3));
  t3 = aio.createTask(ticks("a3", 4, new KeyError("a3")));
  g = aio.gather(t1, t2, t3);
  loop.callSoon((m) => t1.cancel(m), "direct");
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaiter caught CancelledError", repr(str(e)), "cancelling", aio.currentTask().cancelling());
  }
  print("g", g.cancelled(), "t2", t2.done(), "t3", t3.done());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("t2", t2.result(), "t3", repr(t3.exception()));

  print("-- no return_exceptions: a child raising CancelledError('custom') itself");
  t5 = aio.createTask(raiseCancel());
  try {
    yield* aio.gather(t5, ticks("b2", 2));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaiter caught CancelledError", repr(str(e)));
  }
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  print("-- return_exceptions: one child's done callback cancels another");
  t1 = aio.createTask(ticks("c1", 1));
  t2 = aio.createTask(sleeper("c2"));
  const f3 = loop.createFuture();
  const t2c = t2;
  t1.addDoneCallback(() => print("  c1 callback cancels c2:", t2c.cancel("from c1"), "and f3:", f3.cancel()));
  res = yield* aio.gather(t1, t2, f3, { returnExceptions: true });
  print("results", show(res));

  print("-- gather cancelled, return_exceptions: message from the last child");
  for (const order of ["done-last", "cancelled-last", "precancelled-last", "failed-last"]) {
    const t = aio.createTask(sleeper("d-" + order));
    const other = loop.createFuture();
    if (order === "done-last") other.setResult("ok");
    else if (order === "precancelled-last") other.cancel("own msg");
    else if (order === "failed-last") other.setException(new ValueError("bad"));
    g = aio.gather(t, other, { returnExceptions: true });
    yield* aio.sleep(0);
    print(order, "cancel", g.cancel("outer msg"));
    try {
      print("result?", show(yield* g));
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(order, "-> CancelledError", repr(str(e)), "g.cancelled", g.cancelled());
    }
  }

  print("-- gather cancelled, no return_exceptions: message from the first child to finish");
  const t = aio.createTask(sleeper("e1"));
  const f = loop.createFuture();
  f.setResult("ok");
  g = aio.gather(t, f);
  yield* aio.sleep(0);
  print("cancel", g.cancel("outer msg"));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("-> CancelledError", repr(str(e)), "g.cancelled", g.cancelled());
  }

  print("-- gather cancelled with no message, a child resists by returning a value");
  const resist = aio.coroutine(function* () {
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      return "resisted";
    }
  });
  t1 = aio.createTask(resist());
  t2 = aio.createTask(sleeper("r2"));
  g = aio.gather(t1, t2, { returnExceptions: true });
  yield* aio.sleep(0);
  print("cancel", g.cancel());
  try {
    print("result?", show(yield* g));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("-> CancelledError", repr(str(e)));
  }
  print("t1", t1.result(), "t2", t2.cancelled());
  g = aio.gather(t2, t1, { returnExceptions: true });
  print("again over the finished children:", show(yield* g));
});
