// Twin of adv5_comp_ascompleted_inputs.py.
import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

const r = (x) => String(x);

function ticker(loop, n, actions) {
  const tick = (i) => {
    if (actions[i] !== undefined) actions[i]();
    if (i < n) loop.callSoon(tick, i + 1);
  };
  loop.callSoon(tick, 1);
}

const work = aio.coroutine(function* (name, n, exc = null) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  if (exc !== null) throw exc;
  return name;
});

const step = aio.coroutine(function* (c) {
  try {
    return tuple("ok", yield* c);
  } catch (e) {
    if (e instanceof aio.CancelledError) return tuple("CancelledError", str(e), aio.currentTask().cancelling());
    if (e instanceof ValueError || e instanceof aio.TimeoutError) return tuple(e.name, str(e));
    throw e;
  }
});

const next = (it) => it.next().value;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- mixed inputs, completions at distinct iterations");
  const fc = loop.createFuture();
  const t = aio.createTask(work("t", 1, new ValueError("t failed")));
  const g = aio.gather(work("g1", 3), work("g2", 2));
  const s = aio.shield(aio.createTask(work("s", 7)));
  ticker(loop, 3, { 3: () => fc.cancel("fc msg") });
  for (const c of aio.asCompleted([work("coro", 5), t, fc, g, s])) print("step", yield* step(c));

  print("-- the inputs' callbacks while it waits, after the timeout");
  const p1 = loop.createFuture();
  const p2 = loop.createFuture();
  const it = aio.asCompleted([p1, p2], { timeout: 0.2 })[Symbol.iterator]();
  let c = next(it);
  print("p1 before the first step:", r(p1));
  loop.callSoon(() => print("  p1 in the step:", r(p1)));
  loop.callSoon((v) => p2.setResult(v), "p2");
  print("step", yield* step(c));
  print("p1 after a step:", r(p1));
  print("step", yield* step(next(it)));
  print("p1 after the timeout:", r(p1), "cancelled", p1.cancelled());
  p1.setResult("late");
  print("more steps", [...it]);

  print("-- a consumer that stops early: the rest keep the callbacks, nothing breaks");
  const q1 = loop.createFuture();
  const q2 = loop.createFuture();
  q1.setResult("q1");
  for (const c of aio.asCompleted([q1, q2])) {
    print("step", yield* step(c));
    break;
  }
  print("q2:", r(q2));
  q2.setResult("q2");
  yield* aio.sleep(0);
  print("q2:", r(q2));

  print("-- a consumer cancelled in a step; the next step gets the completion");
  const w1 = loop.createFuture();
  const w2 = loop.createFuture();
  const steps = aio.asCompleted([w1, w2])[Symbol.iterator]();
  const consumer = aio.createTask(step(next(steps)));
  yield* aio.sleep(0);
  consumer.cancel("consumer msg");
  w1.setResult("w1");
  try {
    print("consumer got", yield* consumer);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("consumer cancelled", repr(str(e)));
  }
  print("next step", yield* step(next(steps)));
  w2.setResult("w2");
  print("steps left", [...steps]);

  print("-- the same future three times, and an already-cancelled one");
  const d = loop.createFuture();
  const x = loop.createFuture();
  x.cancel("pre");
  loop.callSoon((v) => d.setResult(v), "d");
  let n = 0;
  for (const c of aio.asCompleted([x, x, x])) {
    n++;
    print("step", yield* step(c));
  }
  for (const c of aio.asCompleted([d, d, d])) {
    n++;
    print("step", yield* step(c));
  }
  print("steps", n);
});
