import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// wait_for() of awkward targets: the task that runs it (with timeouts 0, -1, tiny, inf and None),
// a future of another loop, futures cancelled by a third party while waited for, a gather whose
// children resist. What each raises, the message, cancelling() of both sides, how many loop
// iterations it took (a call_soon ticker), and that the task still works afterwards.
// (A future of another loop is a RuntimeError where Python's wait_for raises ValueError: README.)
const INF = Infinity;
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === -INF ? "-inf" : t === 1e-9 ? "1e-09" : String(t));
const fmt = (e) => `${e.name}(${repr(e.message)})`;

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  yield* aio.sleep(0);

  print("-- wait_for(current_task(), t) in a fresh task");
  const selfwait = aio.coroutine(function* (to) {
    const me = aio.currentTask();
    const n0 = st.n;
    try {
      const r = yield* aio.waitFor(me, to);
      print("  returned", repr(r));
    } catch (e) {
      if (e instanceof aio.RuntimeError) {
        print("  RuntimeError", repr(e.message.split(":")[0]), "ticks", st.n - n0, "cancelling", me.cancelling());
      } else if (e instanceof aio.CancelledError) {
        print("  CancelledError", repr(e.message), "ticks", st.n - n0, "cancelling", me.cancelling());
        print("  uncancel ->", me.uncancel());
      } else throw e;
    }
    try {
      yield* aio.sleep(0);
      print("  sleep(0) after it works, cancelling", me.cancelling());
    } catch (e) {
      if (e instanceof aio.CancelledError) print("  sleep(0) after it cancelled", repr(e.message));
      throw e;
    }
    return `selfwait ${tr(to)} done`;
  });

  for (const to of [0, -1, -INF, 1e-9, null]) {
    print("timeout", tr(to));
    const t = aio.createTask(selfwait(to));
    try {
      print(" ", yield* t, "cancelling", t.cancelling());
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  task cancelled", repr(e.message));
    }
  }

  print("timeout inf, cancelled from outside");
  let t = aio.createTask(selfwait(INF));
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  print("  cancel ->", t.cancel("ext"), "cancelling", t.cancelling());
  try {
    print(" ", yield* t, "cancelling", t.cancelling());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  task cancelled", repr(e.message));
  }

  print("-- wait_for(a future of another loop, t)");
  const other = aio.newEventLoop();
  for (const to of [null, 0, 1, INF]) {
    const fut = other.createFuture();
    const foreign = aio.coroutine(function* () {
      try {
        yield* aio.waitFor(fut, to);
      } catch (e) {
        if (!(e instanceof aio.RuntimeError)) throw e;
        const msg = e.message;
        if (msg.startsWith("Task ")) print("  timeout", tr(to), "RuntimeError from the task step", msg.startsWith("Task "), msg.endsWith("attached to a different loop"));
        else print("  timeout", tr(to), "rejected:", msg.includes("different loop"));
      }
      yield* aio.sleep(0);
      return "goes on";
    });
    print("  ->", yield* aio.createTask(foreign()), "foreign pending", !fut.done());
  }
  other.close();

  print("-- a waited-for future cancelled by a third party");
  for (const to of [INF, 10, null]) {
    const f = loop.createFuture();
    loop.callSoon((m) => f.cancel(m), "third party");
    const me = aio.currentTask();
    const n0 = st.n;
    try {
      yield* aio.waitFor(f, to);
    } catch (e) {
      if (e instanceof aio.TimeoutError) print("  timeout", tr(to), "TimeoutError?!");
      else if (e instanceof aio.CancelledError) print("  timeout", tr(to), "CancelledError", repr(e.message), "ticks", st.n - n0, "cancelling", me.cancelling());
      else throw e;
    }
  }

  const resister = aio.coroutine(function* (name, k) {
    try {
      yield* aio.sleep(INF);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("   ", name, "cancelled", repr(e.message), "cancelling", aio.currentTask().cancelling());
      for (let i = 0; i < k; i++) yield* aio.sleep(0);
      return name + " resisted";
    }
  });

  print("-- a task cancelled by a third party that resists: wait_for returns its value");
  for (const to of [INF, 10, null]) {
    const t = aio.createTask(resister("r", 2));
    yield* aio.sleep(0);
    loop.callSoon((m) => t.cancel(m), "third party");
    const n0 = st.n;
    const r = yield* aio.waitFor(t, to);
    print("  timeout", tr(to), "->", repr(r), "ticks", st.n - n0, "inner cancelling", t.cancelling());
  }

  print("-- wait_for(gather(...), t) where the children resist cancellation");
  for (const to of [0, 1e-9, -5]) {
    const a = aio.createTask(resister("a", 1));
    const b = aio.createTask(resister("b", 3));
    yield* aio.sleep(0);
    const g = aio.gather(a, b);
    const n0 = st.n;
    try {
      const r = yield* aio.waitFor(g, to);
      print("  timeout", tr(to), "->", repr(r), "ticks", st.n - n0);
    } catch (e) {
      print("  timeout", tr(to), fmt(e), "ticks", st.n - n0);
    }
    print("  gather cancelled", g.cancelled(), "a", a.result(), "b", b.result());
  }

  print("-- wait_for(gather(...), t) where the children give in");
  for (const to of [0, 1e-9]) {
    const a = aio.createTask(aio.sleep(INF));
    const b = aio.createTask(aio.sleep(INF));
    yield* aio.sleep(0);
    const g = aio.gather(a, b, { returnExceptions: true });
    const n0 = st.n;
    try {
      const r = yield* aio.waitFor(g, to);
      print("  timeout", tr(to), "->", repr(r), "ticks", st.n - n0);
    } catch (e) {
      print("  timeout", tr(to), fmt(e), "cause", e.cause?.name ?? "NoneType", "ticks", st.n - n0);
    }
    print("  gather cancelled", g.cancelled(), "a", a.cancelled(), "b", b.cancelled());
  }

  st.on = false;
  yield* aio.sleep(0);
});
