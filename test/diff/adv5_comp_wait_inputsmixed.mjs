// Twin of adv5_comp_wait_inputs.py (a dict's keys are a Map's keys()).
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const r = (x) => String(x);
const names = (fs) => [...fs].map((f) => f.label).sort();

function fut(loop, label) {
  const f = loop.createFuture();
  f.label = label;
  return f;
}

const work = aio.coroutine(function* (name, n, result = null, exc = null) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  print("  work", name, "ends");
  if (exc !== null) throw exc;
  return result;
});

function task(coro, label) {
  const t = aio.ensureFuture(coro);
  t.label = label;
  return t;
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- a generator, an iterator, dict keys, a tuple with duplicates");
  const a = fut(loop, "a");
  const b = fut(loop, "b");
  loop.callSoon((v) => a.setResult(v), 1);
  for (const [label, gen] of [
    ["wait", () => aio.wait((function* () { yield a; yield b; })())],
    ["as_completed", () => { for (const x of aio.asCompleted((function* () { yield a; yield b; })())) return x; }],
  ]) {
    try {
      await gen();
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(label, "of a generator (a coroutine, to asyncio 3.11): TypeError");
    }
  }
  let [done, pending] = await aio.wait([a, b][Symbol.iterator](), { returnWhen: aio.FIRST_COMPLETED });
  print("iterator: done", names(done), "pending", names(pending));
  [done, pending] = await aio.wait(new Map([[a, 1], [b, 2]]).keys(), { timeout: 0 });
  print("dict: done", names(done), "pending", names(pending));
  [done, pending] = await aio.wait([a, a, b, b], { timeout: 0.001 });
  print("tuple: done", names(done), "pending", names(pending));
  print("b after the waits", r(b));

  print("-- wait's callbacks in the reprs while it waits, gone after it returns");
  const c = fut(loop, "c");
  const d = fut(loop, "d");
  const show = aio.coroutine(async function () {
    print("  c while waiting:", r(c));
    print("  d while waiting:", r(d));
    c.setResult("c");
  });
  loop.callSoon(() => aio.ensureFuture(show()));
  [done, pending] = await aio.wait([c, d], { returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  print("c", r(c));
  print("d", r(d));

  print("-- the waiting task is cancelled: callbacks removed, CancelledError with its message");
  const e = fut(loop, "e");
  const waiter = aio.coroutine(async function () {
    try {
      return await aio.wait([e, d], { timeout: 10 });
    } catch (exc) {
      if (!(exc instanceof aio.CancelledError)) throw exc;
      print("  waiter cancelled", repr(str(exc)));
      print("  e in the except:", r(e));
      throw exc;
    }
  });
  const w = aio.createTask(waiter());
  await aio.sleep(0);
  print("e while waiting:", r(e));
  print("cancel", w.cancel("stop waiting"));
  try {
    await w;
  } catch (exc) {
    if (!(exc instanceof aio.CancelledError)) throw exc;
    print("w: CancelledError", repr(str(exc)));
  }
  print("e after:", r(e));
  print("d after:", r(d));

  print("-- user callbacks around wait's: their order, and when the waiter wakes");
  const f = fut(loop, "f");
  f.addDoneCallback(() => print("  user cb 1"));
  const complete = aio.coroutine(async function () {
    await aio.sleep(0);
    f.addDoneCallback(() => print("  user cb 2"));
    f.setResult("F");
    loop.callSoon(print, "  soon after set_result");
  });
  aio.ensureFuture(complete());
  [done, pending] = await aio.wait([f]);
  print("woke: done", names(done));

  print("-- FIRST_COMPLETED: several finish in one iteration, all are in done");
  const [g1, g2, g3] = [fut(loop, "g1"), fut(loop, "g2"), fut(loop, "g3")];
  loop.callSoon(function finish_two() {
    g2.setResult(2);
    g3.setException(new KeyError("g3"));
  });
  [done, pending] = await aio.wait([g1, g2, g3], { returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  print("g3 exception", repr(g3.exception()));

  print("-- a gather, its children and a shield, in one wait");
  const t1 = task(work("t1", 1, "r1"), "t1");
  const t2 = task(work("t2", 3, "r2"), "t2");
  const gat = aio.gather(t1, t2);
  gat.label = "gather";
  const sh = aio.shield(t2);
  sh.label = "shield";
  [done, pending] = await aio.wait([gat, sh, t1], { returnWhen: aio.FIRST_COMPLETED });
  print("first: done", names(done), "pending", names(pending));
  [done, pending] = await aio.wait([gat, sh, t1, t2]);
  print("all: done", names(done), "pending", names(pending), gat.result(), sh.result());

  print("-- FIRST_EXCEPTION: a task fails while another finished first");
  const t3 = task(work("t3", 1, "ok"), "t3");
  const t4 = task(work("t4", 2, null, new ValueError("t4")), "t4");
  const t5 = task(work("t5", 4, "late"), "t5");
  [done, pending] = await aio.wait([t5, t4, t3], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), repr(t4.exception()));
  await t5;

  print("-- every mode over inputs all done already (result, exception, cancelled)");
  const [h1, h2, h3] = [fut(loop, "h1"), fut(loop, "h2"), fut(loop, "h3")];
  h1.setResult(1);
  h2.setException(new ValueError("h2"));
  h3.cancel("h3 msg");
  for (const mode of [aio.FIRST_COMPLETED, aio.FIRST_EXCEPTION, aio.ALL_COMPLETED]) {
    for (const to of [null, 0, -1]) {
      loop.callSoon(print, "  soon", mode, to);
      [done, pending] = await aio.wait([h3, h2, h1], { timeout: to, returnWhen: mode });
      print(mode, to, "done", names(done), "pending", names(pending));
    }
  }

  print("-- a timeout expires: nothing is cancelled, callbacks are removed");
  const k = fut(loop, "k");
  const t6 = task(work("t6", 2, "six"), "t6");
  [done, pending] = await aio.wait([k, t6], { timeout: 0.2 });
  print("done", names(done), "pending", names(pending), "k", r(k), "cancelled", k.cancelled());
  k.setResult("late");
  await aio.sleep(0);
  print("loop still runs", await aio.waitFor(work("last", 1, "z"), 1));
});
