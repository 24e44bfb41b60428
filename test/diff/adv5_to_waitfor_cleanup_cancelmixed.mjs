import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
// Mixed twin: the timeout() and taskGroup() bodies (and the inner coroutines waited for) are
// async functions run inside generator-coroutine tasks.

// wait_for() gave up (timeout 0 or a tiny one, or it was cancelled) and waits for the inner task
// to finish cancelling, while the inner task cleans up slowly; the waiting task is cancelled at
// every tick of that (a sweep). What wait_for raises, with which message, cancelling() on both
// sides, and how the abandoned inner task ends. Then an inner task that never gives in, with an
// enclosing timeout() that expires while wait_for waits for it.
const INF = Infinity;
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === 1e-9 ? "1e-09" : String(t));
class KeyError extends Error {
  constructor(k) {
    super(repr(k));
    this.name = "KeyError";
  }
}
const fmt = (e) => `${e.name}(${repr(e.message)})`;
function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return "failed " + fmt(t.exception());
  return "result " + repr(t.result());
}

const inner = aio.coroutine(async function (name, k, mode, h) {
  const me = aio.currentTask();
  h.task = me;
  try {
    await aio.sleep(INF);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("   ", name, "inner cancelled", repr(e.message), "cancelling", me.cancelling());
    for (let i = 0; i < k; i++) {
      try {
        await aio.sleep(0);
      } catch (e2) {
        if (!(e2 instanceof aio.CancelledError)) throw e2;
        print("   ", name, "inner cancelled again at", i, repr(e2.message), "cancelling", me.cancelling());
      }
    }
    if (mode === "raise") throw new KeyError(name);
    if (mode === "cancel") throw e;
    return name + " cleaned";
  }
});

const waiter = aio.coroutine(function* (name, k, mode, to, h, started) {
  const me = aio.currentTask();
  let aw = inner(name, k, mode, h);
  if (started) {
    aw = aio.createTask(aw);
    yield* aio.sleep(0);
  }
  try {
    const r = yield* aio.waitFor(aw, to);
    return "wait_for -> " + repr(r);
  } catch (e) {
    return `wait_for raised ${fmt(e)} cancelling ${me.cancelling()}`;
  }
});

const sweep = aio.coroutine(function* (label, k, mode, to, j, j2 = null, started = true) {
  const h = {};
  const w = aio.createTask(waiter(label, k, mode, to, h, started));
  for (let i = 0; i < j; i++) yield* aio.sleep(0);
  print(" ", label, "cancel at", j, "->", w.cancel(`ext${j}`));
  if (j2 !== null) {
    for (let i = 0; i < j2; i++) yield* aio.sleep(0);
    print(" ", label, "cancel again after", j2, "->", w.cancel(`again${j2}`));
  }
  try {
    print("   ", label, yield* w);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("   ", label, "waiter task cancelled", repr(e.message));
  }
  const it = h.task;
  if (it === undefined) {
    print("    inner never started");
  } else if (it === w) {
    print("    inner ran in the waiter task");
  } else {
    const was = state(it);
    if (!it.done()) {
      if (it.cancelling() === 0) print("    inner left running: cancel ->", it.cancel("leftover"));
      yield* aio.wait([it]);
    }
    print("    inner was", was, "ends", state(it), "cancelling", it.cancelling());
  }
});

const stuck = aio.coroutine(async function (flag) {
  const me = aio.currentTask();
  let n = 0;
  while (!flag.stop) {
    try {
      await aio.sleep(0);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      n += 1;
      print("    stuck swallowed", repr(e.message), "cancelling", me.cancelling());
    }
  }
  return `stuck ended after ${n}`;
});

const guarded = aio.coroutine(function* (flag, h, to) {
  const me = aio.currentTask();
  let cm = null;
  const it = aio.createTask(stuck(flag));
  yield* aio.sleep(0);
  try {
    yield* aio.timeout(INF, async function (c) {
      cm = c;
      h.cm = c;
      await aio.waitFor(it, to);
    });
    return "no error";
  } catch (e) {
    if (e instanceof aio.TimeoutError) return `TimeoutError cause ${e.cause?.name ?? "NoneType"} cancelling ${me.cancelling()} expired ${cm.expired() ? "True" : "False"}`;
    if (e instanceof aio.CancelledError) return `CancelledError ${repr(e.message)} cancelling ${me.cancelling()}`;
    throw e;
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("-- a coroutine and timeout 0: it never starts");
  for (let j = 0; j < 5; j++) yield* sweep("z", 3, "return", 0, j, null, false);
  for (const to of [0, 1e-9]) {
    print("-- timeout", tr(to), ": the waiter is cancelled at tick j, the inner cleans up over 3 ticks");
    for (let j = 0; j < 9; j++) yield* sweep("r", 3, "return", to, j);
    print("-- timeout", tr(to), ": the inner raises or re-raises after cleaning up");
    for (const j of [2, 3, 4]) {
      yield* sweep("x", 2, "raise", to, j);
      yield* sweep("c", 2, "cancel", to, j);
    }
  }

  print("-- timeout None: the inner runs in the waiter task itself");
  for (const j of [0, 1, 2, 3]) yield* sweep("n", 2, "return", null, j, null, false);

  print("-- no timeout yet (inf): cancelled, then cancelled again during the cleanup");
  for (let j2 = 0; j2 < 5; j2++) yield* sweep("i", 3, "return", INF, 2, j2);
  for (const j2 of [1, 2, 3]) yield* sweep("ic", 2, "cancel", INF, 2, j2);

  print("-- an enclosing timeout expires while wait_for waits for an inner that never gives in");
  for (const to of [0, 1e-9, INF]) {
    const flag = { stop: false };
    const h = {};
    const t = aio.createTask(guarded(flag, h, to));
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
    print("  timeout", tr(to), "guarded done", t.done());
    h.cm.reschedule(loop.time() - 1);
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
    print("  timeout", tr(to), "guarded done", t.done(), "cancelling", t.cancelling());
    flag.stop = true;
    print("  timeout", tr(to), "->", yield* t);
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  }
});
