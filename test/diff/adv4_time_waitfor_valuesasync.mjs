import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// wait_for() with edge timeouts: 0, -1, -inf (cancel at once, the coroutine never starts), tiny
// (a timer due at the next iteration), inf and None (no deadline), on coroutines, done futures,
// failed futures, tasks that resist cancellation; the number of loop iterations each takes.
const INF = Infinity;
class AppError extends Error {
  constructor(m) {
    super(m);
    this.name = "AppError";
  }
}
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === -INF ? "-inf" : Object.is(t, -0) ? "-0.0" : t === 1e-9 ? "1e-09" : t === 1e300 ? "1e+300" : String(t));

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  await aio.sleep(0);

  const started = [];
  const quick = aio.coroutine(async function (v) {
    started.push(v);
    return v;
  });
  const slow = aio.coroutine(async function (v, k) {
    started.push(v);
    for (let i = 0; i < k; i++) await aio.sleep(0);
    return v;
  });
  const holdout = aio.coroutine(async function (v) {
    started.push(v);
    try {
      await aio.sleep(INF);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      return "holdout " + v;
    }
  });
  const failing = aio.coroutine(async function (v) {
    started.push(v);
    throw new AppError(v);
  });
  const attempt = aio.coroutine(async function (label, make, timeout) {
    started.length = 0;
    const n0 = st.n;
    let out;
    try {
      const r = await aio.waitFor(make(), timeout);
      out = "-> " + repr(r);
    } catch (e) {
      if (e instanceof aio.TimeoutError) out = "TimeoutError cause=" + e.cause?.name;
      else if (e instanceof AppError) out = "AppError " + repr(e.message);
      else throw e;
    }
    print(label, out, "started", started, "ticks", st.n - n0);
  });

  print("-- coroutines");
  for (const t of [0, -1, -INF, -0]) await attempt(`quick, timeout ${tr(t)}`, () => quick("q"), t);
  for (const t of [1e-9, 5e-324]) {
    await attempt(`quick, timeout ${tr(t)}`, () => quick("q"), t);
    await attempt(`slow1, timeout ${tr(t)}`, () => slow("s1", 1), t);
    await attempt(`slow2, timeout ${tr(t)}`, () => slow("s2", 2), t);
    await attempt(`failing, timeout ${tr(t)}`, () => failing("f"), t);
  }
  for (const t of [INF, null, 1e300]) {
    await attempt(`slow3, timeout ${tr(t)}`, () => slow("s3", 3), t);
    await attempt(`failing, timeout ${tr(t)}`, () => failing("f"), t);
  }

  print("-- futures");
  const doneFut = (v) => {
    const f = loop.createFuture();
    f.setResult(v);
    return f;
  };
  const failedFut = (v) => {
    const f = loop.createFuture();
    f.setException(new AppError(v));
    return f;
  };
  const laterFut = (v) => {
    const f = loop.createFuture();
    loop.callSoon(() => {
      if (!f.done()) f.setResult(v);
    });
    return f;
  };
  for (const t of [0, -INF, 1e-9, INF, null]) {
    await attempt(`done future, timeout ${tr(t)}`, () => doneFut("d"), t);
    await attempt(`failed future, timeout ${tr(t)}`, () => failedFut("x"), t);
    await attempt(`future set next iteration, timeout ${tr(t)}`, () => laterFut("l"), t);
  }

  print("-- tasks already running");
  for (const t of [0, -1, 1e-9]) {
    let task = aio.createTask(holdout("st"));
    await aio.sleep(0);
    await attempt(`holdout task, timeout ${tr(t)}`, () => task, t);
    task = aio.createTask(slow("s4", 4));
    await aio.sleep(0);
    await attempt(`slow task, timeout ${tr(t)}`, () => task, t);
    print("  task cancelled", task.cancelled());
  }

  print("-- wait_for(sleep(inf), inf) cancelled from outside");
  const waiter = aio.coroutine(async function () {
    try {
      await aio.waitFor(aio.sleep(INF), INF);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  waiter got CancelledError", `('${e.message}',)`);
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  for (let i = 0; i < 3; i++) await aio.sleep(0);
  w.cancel("outer");
  try {
    await w;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  waiter cancelled", w.cancelled());
  }

  st.on = false;
  await aio.sleep(0);
});
