import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Three deadlines due in one loop iteration: an outer timeout_at() (T) around wait_for() (W) of a
// coroutine that runs its own timeout_at() (I), and in some cases an external cancel() of the
// outer task by a timer (X). The deadlines are 20 ms apart and the loop is blocked past all of
// them, so the timers run in one iteration in deadline order; every order is tried. Who reports
// what, cancelling() of both tasks, and which timeouts count as expired.
const INF = Infinity;
const fmt = (e) => `${e.name}(${repr(e.message)})`;
function block(s) {
  if (s > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);
}
function permutations(xs) {
  if (xs.length <= 1) return [xs];
  const out = [];
  xs.forEach((x, i) => {
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

const inner = aio.coroutine(function* (dl, h) {
  const me = aio.currentTask();
  h.inner_task = me;
  let cm = null;
  try {
    yield* aio.timeoutAt(dl.I, function* (c) {
      cm = c;
      yield* aio.sleep(INF);
    });
  } catch (e) {
    print("    inner leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired());
    throw e;
  }
});

const outer = aio.coroutine(function* (dl, h) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  let cm = null;
  try {
    yield* aio.timeoutAt(dl.T, function* (c) {
      cm = c;
      try {
        yield* aio.waitFor(inner(dl, h), dl.W - loop.time());
      } catch (e) {
        print("    wait_for raised", fmt(e), "cancelling", me.cancelling());
        throw e;
      }
    });
  } catch (e) {
    print("    outer leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired());
    return e.name;
  }
  return "ok";
});

const kase = aio.coroutine(function* (order) {
  const loop = aio.getRunningLoop();
  print("-- order", order.join(" "));
  const base = loop.time() + 0.1;
  const dl = {};
  order.forEach((name, i) => (dl[name] = base + 0.02 * i));
  if (!("X" in dl)) dl.X = null;
  const h = {};
  const t = aio.createTask(outer(dl, h));
  if (dl.X !== null) loop.callAt(dl.X, (m) => t.cancel(m), "X");
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  block(base + 0.02 * order.length + 0.03 - loop.time());
  const r = yield* t;
  const it = h.inner_task;
  print("  ->", r, "outer cancelling", t.cancelling(), "inner", it.cancelled() ? "cancelled" : fmt(it.exception()), "cancelling", it.cancelling());
});

await aio.run(function* () {
  for (const order of permutations(["T", "W", "I"])) yield* kase(order);
  for (const base of ["TWI", "IWT"]) {
    for (let i = 0; i < 4; i++) yield* kase([...(base.slice(0, i) + "X" + base.slice(i))]);
  }
});
