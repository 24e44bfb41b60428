// Mixed twin of adv5_comp_gather_nested.py: async-function leaves under a generator main.
import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

function ticker(loop, n) {
  const tick = (i) => {
    print("  tick", i);
    if (i < n) loop.callSoon(tick, i + 1);
  };
  loop.callSoon(tick, 1);
}

function cb(label) {
  return (fut) => {
    let s;
    if (fut.cancelled()) s = "cancelled";
    else if (fut.exception() !== null) s = "exception " + fut.exception().name + " " + repr(str(fut.exception()));
    else s = "result " + repr(fut.result());
    print("  cb", label, s);
  };
}

const leaf = aio.coroutine(async function (name, n, exc = null) {
  try {
    for (let i = 0; i < n; i++) await aio.sleep(0);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  leaf", name, "cancelled", repr(str(e)));
    throw e;
  }
  print("  leaf", name, "ends");
  if (exc !== null) throw exc;
  return name;
});

const desc = (x) => (x instanceof Error ? tuple(x.name, str(x)) : x);

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- a result climbs: one iteration per level");
  const a = aio.createTask(leaf("a", 1));
  let g1 = aio.gather(a);
  let g2 = aio.gather(g1);
  const g3 = aio.gather(g2, aio.sleep(0, "s"));
  for (const [label, f] of [["a", a], ["g1", g1], ["g2", g2], ["g3", g3]]) f.addDoneCallback(cb(label));
  ticker(loop, 6);
  print("g3", yield* g3);
  yield* aio.sleep(0);

  print("-- a failure climbs; the siblings at every level go on");
  const b = aio.createTask(leaf("b", 1, new ValueError("b")));
  const c = aio.createTask(leaf("c", 4));
  const d = aio.createTask(leaf("d", 5));
  g1 = aio.gather(b, c);
  g2 = aio.gather(g1, d);
  for (const [label, f] of [["g1", g1], ["g2", g2]]) f.addDoneCallback(cb(label));
  ticker(loop, 4);
  try {
    yield* g2;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("g2 raised", repr(e));
  }
  print("c", c.done(), "d", d.done());
  yield* d;
  print("c", c.result(), "d", d.result());

  print("-- cancel the outermost: the order the cancellation reaches the leaves");
  const leaves = ["p", "q", "r", "s", "t"].map((n) => aio.createTask(leaf(n, 10)));
  const f = loop.createFuture();
  const inner1 = aio.gather(leaves[0], leaves[1]);
  const inner2 = aio.gather(leaves[2], aio.gather(leaves[3], f));
  let outer = aio.gather(inner2, inner1, leaves[4]);
  for (const [label, x] of [["inner1", inner1], ["inner2", inner2], ["outer", outer], ["f", f]]) x.addDoneCallback(cb(label));
  yield* aio.sleep(0);
  print("cancel", outer.cancel("top"));
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("outer CancelledError", repr(str(e)));
  }
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("inner1", inner1.cancelled(), "inner2", inner2.cancelled(), "f", f.cancelled());

  print("-- inner return_exceptions=True, outer False: the inner's CancelledError is a failure");
  const u = aio.createTask(leaf("u", 10));
  const v = loop.createFuture();
  v.setResult("v");
  let inner = aio.gather(u, v, { returnExceptions: true });
  outer = aio.gather(inner, aio.createTask(leaf("w", 3)));
  inner.addDoneCallback(cb("inner"));
  outer.addDoneCallback(cb("outer"));
  yield* aio.sleep(0);
  print("cancel inner", inner.cancel("inner msg"));
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("outer raised CancelledError", repr(str(e)), "outer.cancelled", outer.cancelled(),
          "inner.cancelled", inner.cancelled());
  }
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  print("-- inner return_exceptions=False, outer True: results hold the inner's error");
  const x = aio.createTask(leaf("x", 10));
  const y = aio.createTask(leaf("y", 1, new ValueError("y")));
  inner = aio.gather(x, y);
  outer = aio.gather(inner, leaf("z", 2), { returnExceptions: true });
  let res = yield* outer;
  print("outer results", res.map(desc));
  print("x still running", !x.done());
  x.cancel();
  res = yield* aio.gather(x, inner, { returnExceptions: true });
  print("after", res.map(desc));

  print("-- both levels return_exceptions: cancel the outer with a message");
  const m = aio.createTask(leaf("m", 10));
  const n = loop.createFuture();
  inner = aio.gather(m, n, { returnExceptions: true });
  outer = aio.gather(aio.sleep(0, "first"), inner, { returnExceptions: true });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("cancel outer", outer.cancel("both"));
  try {
    print("result?", yield* outer);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("outer CancelledError", repr(str(e)), "outer.cancelled", outer.cancelled());
  }
  print("inner", inner.done(), "cancelled", inner.cancelled(), desc(inner.exception()));

  print("-- a wait_for task and a shield inside a gather, the gather cancelled");
  const k = aio.createTask(leaf("k", 10));
  const wf = aio.ensureFuture(aio.waitFor(leaf("wf", 10), 5));
  const g = aio.gather(aio.shield(k), wf);
  yield* aio.sleep(0);
  print("cancel", g.cancel("g"));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("g CancelledError", repr(str(e)));
  }
  yield* aio.sleep(0);
  print("wf", wf.cancelled(), "k running", !k.done());
  k.cancel();
  yield* aio.gather(k, { returnExceptions: true });
  print("loop still runs", yield* aio.gather(aio.gather(aio.gather(leaf("deep", 1)))));
});
