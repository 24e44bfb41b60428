import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { names } from "./comp_util.mjs";

// Tasks finish when the main task releases their gate (or after a few loop iterations), so only
// the timeouts depend on the clock, and they have no race to lose.
const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const job = aio.coroutine(function* (name, gate = null) {
  try {
    if (gate !== null) yield* gate;
    else yield* ticks(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled", name);
    throw e;
  }
  print("finished", name);
  return name;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- timeout: nothing is cancelled");
  const g2 = loop.createFuture();
  const g3 = loop.createFuture();
  let ts = [
    aio.createTask(job("t1"), { name: "t1" }),
    aio.createTask(job("t2", g2), { name: "t2" }),
    aio.createTask(job("t3", g3), { name: "t3" }),
  ];
  yield* ticks(3);
  let [done, pending] = yield* aio.wait(ts, { timeout: 0.01 });
  print("done", names(done), "pending", names(pending));
  print("pending cancelled?", ts.slice(1).map((t) => t.cancelled()));
  print("releasing the rest");
  g3.setResult(null);
  g2.setResult(null);
  yield* ticks(2);
  print("after", ts.map((t) => t.done()), ts.map((t) => t.result()));

  print("-- timeout with FIRST_COMPLETED, none completes in time");
  const gu1 = loop.createFuture();
  const gu2 = loop.createFuture();
  ts = [aio.createTask(job("u1", gu1), { name: "u1" }), aio.createTask(job("u2", gu2), { name: "u2" })];
  [done, pending] = yield* aio.wait(ts, { timeout: 0.005, returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  gu1.setResult(null);
  [done, pending] = yield* aio.wait(pending, { returnWhen: aio.FIRST_COMPLETED });
  print("second wait done", names(done), "pending", names(pending));
  gu2.setResult(null);
  yield* aio.wait(pending);

  print("-- timeout 0");
  const gz = loop.createFuture();
  let t = aio.createTask(job("z", gz), { name: "z" });
  [done, pending] = yield* aio.wait([t], { timeout: 0 });
  print("done", names(done), "pending", names(pending));
  gz.setResult(null);
  yield* t;

  print("-- negative timeout");
  const gn = loop.createFuture();
  t = aio.createTask(job("neg", gn), { name: "neg" });
  [done, pending] = yield* aio.wait([t], { timeout: -1 });
  print("done", names(done), "pending", names(pending));
  gn.setResult(null);
  yield* t;

  print("-- timeout None");
  t = aio.createTask(job("n"), { name: "n" });
  [done, pending] = yield* aio.wait([t], { timeout: null });
  print("done", names(done), "pending", names(pending));

  print("-- everything done before the timeout");
  ts = ["v1", "v2"].map((n) => aio.createTask(job(n), { name: n }));
  [done, pending] = yield* aio.wait(ts, { timeout: 10 });
  print("done", names(done), "pending", names(pending));

  print("-- cancelling the waiter does not cancel the tasks");
  const gw = loop.createFuture();
  const ws = ["w1", "w2"].map((n) => aio.createTask(job(n, gw), { name: n }));
  const waiter = aio.coroutine(function* () {
    try {
      yield* aio.wait(ws, { timeout: 10 });
    } catch (e) {
      if (e instanceof aio.CancelledError) print("waiter cancelled");
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  yield* ticks(1);
  w.cancel();
  yield* ticks(3);
  print("w", w.cancelled(), "tasks", ws.map((x) => x.done()));
  gw.setResult(null);
  yield* aio.wait(ws);
  print("tasks", ws.map((x) => x.result()));
});
