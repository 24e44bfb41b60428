import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// wait() and as_completed() with edge timeouts (0, -1, -inf, -0.0, tiny, inf): which futures count
// as done when the deadline is already due, whether tasks created just before get to run first,
// and how many loop iterations the call takes (a call_soon ticker counts them).
const INF = Infinity;
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === -INF ? "-inf" : Object.is(t, -0) ? "-0.0" : t === 1e-9 ? "1e-09" : String(t));
const rwName = (rw) => (rw === aio.ALL_COMPLETED ? "ALL_COMPLETED" : "FIRST_COMPLETED");

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  yield* aio.sleep(0);

  const job = aio.coroutine(function* (v, k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
    return v;
  });
  const names = (fs) => [...fs].map((f) => f.getName()).sort();
  const mk = () => {
    const done = loop.createFuture();
    done.setResult("done");
    return [[
      aio.createTask(job("k0", 0), { name: "k0" }),
      aio.createTask(job("k1", 1), { name: "k1" }),
      aio.createTask(job("k3", 3), { name: "k3" }),
    ], done];
  };

  print("-- wait(timeout=...) on tasks created just before");
  for (const t of [0, -1, -INF, -0, 1e-9, 5e-324, INF, null]) {
    for (const rw of [aio.ALL_COMPLETED, aio.FIRST_COMPLETED]) {
      const [ts] = mk();
      const n0 = st.n;
      const [done, pending] = yield* aio.wait(ts, { timeout: t, returnWhen: rw });
      print(" ", tr(t), rwName(rw), "done", names(done), "pending", names(pending), "ticks", st.n - n0);
      yield* aio.gather(...ts);
    }
  }

  print("-- wait(timeout=...) on a finished future and a pending one");
  for (const t of [0, -INF, 1e-9, 5e-324]) {
    const fDone = loop.createFuture();
    fDone.setResult(1);
    const fPend = loop.createFuture();
    const n0 = st.n;
    const [done, pending] = yield* aio.wait([fDone, fPend], { timeout: t });
    print(" ", tr(t), "done", done.size, done.has(fDone), "pending", pending.size, pending.has(fPend), "ticks", st.n - n0);
    fPend.cancel();
  }

  print("-- wait(timeout=inf) until the pending one is set later");
  {
    const fPend = loop.createFuture();
    loop.callLater(0.002, (v) => fPend.setResult(v), "late");
    const [done, pending] = yield* aio.wait([fPend], { timeout: INF });
    print("  done", [...done].map((f) => f.result()), "pending", pending.size);
  }

  print("-- as_completed(timeout=...)");
  for (const t of [0, -1, -INF, 1e-9, INF, null]) {
    const [ts, fdone] = mk();
    const n0 = st.n;
    const got = [];
    for (const aw of aio.asCompleted([fdone, ...ts], { timeout: t })) {
      try {
        got.push(yield* aw);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        got.push("Timeout");
      }
      got.push(st.n - n0);
    }
    print(" ", tr(t), got);
    yield* aio.gather(...ts);
  }

  print("-- as_completed(timeout=0) with everything already finished");
  const fs = [];
  for (const v of ["a", "b", "c"]) {
    const f = loop.createFuture();
    f.setResult(v);
    fs.push(f);
  }
  const n0 = st.n;
  const got = [];
  for (const aw of aio.asCompleted(fs, { timeout: 0 })) {
    try {
      got.push(yield* aw);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      got.push("Timeout");
    }
  }
  print(" ", got.sort(), "ticks", st.n - n0);

  st.on = false;
  yield* aio.sleep(0);
});
