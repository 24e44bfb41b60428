import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// sleep() with edge delays (0, -0.0, negative, -inf, subnormal, tiny, huge, inf) and result
// values: what it returns, how many loop iterations it takes (a call_soon ticker counts them),
// and how infinite or huge sleeps end when cancelled.
const INF = Infinity;

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  yield* aio.sleep(0);

  print("-- awaited directly");
  const obj = { k: [1, 2] };
  const cases = [
    ["0", 0, null],
    ["0 result", 0, "r"],
    ["-0.0", -0, "negzero"],
    ["-1", -1, [1, 2]],
    ["-inf", -INF, "neg inf"],
    ["-1e300", -1e300, 3.5],
    ["5e-324", 5e-324, "denormal"],
    ["1e-9", 1e-9, "tiny"],
    ["0 obj", 0, obj],
    ["1e-9 obj", 1e-9, obj],
    ["0.0 float result", 0.0, 0.1 + 0.2],
  ];
  for (const [label, d, res] of cases) {
    const n0 = st.n;
    const r = res === null ? yield* aio.sleep(d) : yield* aio.sleep(d, res);
    print(label, "->", repr(r), (r ?? null) === res ? "same object" : "other object", "ticks", st.n - n0);
  }

  print("-- as tasks");
  for (const [label, d, res] of cases.slice(0, 8)) {
    const n0 = st.n;
    const t = aio.createTask(res === null ? aio.sleep(d) : aio.sleep(d, res));
    const doneAt = [];
    t.addDoneCallback(() => doneAt.push(st.n - n0));
    while (!t.done()) yield* aio.sleep(0);
    yield* aio.sleep(0);
    print(label, "task ->", repr(t.result()), "done after ticks", doneAt);
  }

  print("-- concurrently, completion order");
  const order = [];
  const w = aio.coroutine(function* (d, v) {
    const r = yield* aio.sleep(d, v);
    order.push(r);
    return r;
  });
  const res = yield* aio.gather(w(0.05, "d50ms"), w(1e-9, "tiny"), w(-1, "neg"), w(0, "zero"),
    w(5e-324, "denorm"), w(-INF, "ninf"), w(0.001, "d1ms"));
  print("gather", res);
  print("order", order);

  print("-- infinite and huge sleeps, cancelled");
  for (const [label, d, msg] of [["inf", INF, null], ["inf msg", INF, "stop it"], ["1e300", 1e300, "big"],
    ["1e9", 1e9, null], ["86400*400", 86400 * 400, "long"]]) {
    const sleeper = aio.coroutine(function* () {
      try {
        return yield* aio.sleep(d, "never");
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print(" ", label, "sleeper caught", e.message === "" ? "()" : `('${e.message}',)`);
        throw e;
      }
    });
    const t = aio.createTask(sleeper());
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
    print(" ", label, "still pending", !t.done());
    if (msg === null) t.cancel();
    else t.cancel(msg);
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(" ", label, "cancelled", t.cancelled(), e.message === "" ? "()" : `('${e.message}',)`);
    }
  }

  print("-- sleep(0) / sleep(-1) interrupted by a cancel in the same iteration");
  for (const [d, dl] of [[0, "0"], [-1, "-1"], [-INF, "-inf"]]) {
    const s0 = aio.coroutine(function* () {
      try {
        yield* aio.sleep(d, "x");
        print("  not cancelled?!");
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("  sleep", dl, "got CancelledError", `('${e.message}',)`);
        return "swallowed";
      }
    });
    const t = aio.createTask(s0());
    yield* aio.sleep(0); // t is now inside its sleep
    t.cancel("now");
    print("  result", yield* t);
  }

  print("-- inf sleep raced against a short one");
  const tInf = aio.createTask(aio.sleep(INF, "inf"));
  const tShort = aio.createTask(aio.sleep(0.002, "short"));
  const [done, pending] = yield* aio.wait([tInf, tShort], { returnWhen: aio.FIRST_COMPLETED });
  print("done", [...done].map((t) => t.result()), "pending", pending.size, pending.has(tInf));
  tInf.cancel();
  yield* aio.sleep(0);
  print("inf cancelled", tInf.cancelled());

  st.on = false;
  yield* aio.sleep(0);
});
