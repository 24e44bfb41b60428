import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const work = aio.coroutine(function* (name, n, fail = false) {
  yield* ticks(n);
  print("work", name, "finishes");
  if (fail) throw new ValueError(name);
  return name;
});

const holdout = aio.coroutine(function* (name, n) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) print("holdout", name, "cancelled");
    throw e;
  }
});

function names(fs) {
  return [...fs].map((f) => (f instanceof aio.Task ? f.getName() : f.label)).sort();
}

function fut(loop, label) {
  const f = loop.createFuture();
  f.label = label;
  return f;
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- duplicates in the input");
  let t = aio.createTask(work("dup", 1), { name: "dup" });
  let [done, pending] = yield* aio.wait([t, t, t]);
  print("done", names(done), "pending", names(pending));

  print("-- timeout=0, everything pending");
  const t1 = aio.createTask(work("p1", 3), { name: "p1" });
  loop.callSoon(print, "marker soon");
  [done, pending] = yield* aio.wait([t1], { timeout: 0 });
  print("done", names(done), "pending", names(pending));
  yield* t1;

  print("-- timeout=0, inputs already done");
  const f1 = fut(loop, "f1"); f1.setResult(1);
  const f2 = fut(loop, "f2"); f2.setException(new ValueError("x"));
  const f3 = fut(loop, "f3");
  for (const rw of [aio.ALL_COMPLETED, aio.FIRST_COMPLETED, aio.FIRST_EXCEPTION]) {
    [done, pending] = yield* aio.wait([f1, f2, f3], { timeout: 0, returnWhen: rw });
    print(rw, "done", names(done), "pending", names(pending));
  }
  f2.exception();

  print("-- timeout=-1 with a future that completes in the same iteration");
  const f4 = fut(loop, "f4");
  loop.callSoon((v) => f4.setResult(v), 4);
  [done, pending] = yield* aio.wait([f4], { timeout: -1 });
  print("done", names(done), "pending", names(pending));

  print("-- already done inputs, no timeout: when does wait return?");
  const g1 = fut(loop, "g1"); g1.setResult(1);
  const g2 = fut(loop, "g2"); g2.setResult(2);
  loop.callSoon(print, "marker 1");
  loop.callSoon(() => loop.callSoon(print, "marker 2"));
  [done, pending] = yield* aio.wait([g1, g2]);
  print("returned: done", names(done), "pending", names(pending));
  yield* ticks(2);

  print("-- FIRST_EXCEPTION where a task is cancelled (not an exception)");
  let c = aio.createTask(holdout("c", 0), { name: "c" });
  let s = aio.createTask(work("s", 4), { name: "s" });
  loop.callSoon(() => c.cancel());
  [done, pending] = yield* aio.wait([c, s], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "c.cancelled", c.cancelled());

  print("-- FIRST_EXCEPTION where the cancelled task raises another exception");
  const converts = aio.coroutine(function* (name) {
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) throw new KeyError(name);
      throw e;
    }
  });
  c = aio.createTask(converts("cv"), { name: "cv" });
  s = aio.createTask(work("s2", 4), { name: "s2" });
  loop.callSoon(() => c.cancel());
  [done, pending] = yield* aio.wait([c, s], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending), "exc", repr(c.exception()));
  yield* s;

  print("-- FIRST_EXCEPTION: failing future already done with others pending");
  const e1 = fut(loop, "e1"); e1.setException(new ValueError("early"));
  const p = aio.createTask(work("p", 2), { name: "p" });
  [done, pending] = yield* aio.wait([p, e1], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", names(done), "pending", names(pending));
  e1.exception();
  yield* p;

  print("-- FIRST_COMPLETED where a cancelled future counts");
  const x = fut(loop, "x");
  const y = fut(loop, "y");
  loop.callSoon(() => x.cancel());
  [done, pending] = yield* aio.wait([x, y], { returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));

  print("-- timeout exactly while the last one finishes; ALL_COMPLETED, timeout=0 and a done future");
  const z = fut(loop, "z");
  loop.callSoon(() => z.setResult(null));
  const w = fut(loop, "w"); w.setResult(0);
  [done, pending] = yield* aio.wait([z, w], { timeout: 0 });
  print("done", names(done), "pending", names(pending));
});
