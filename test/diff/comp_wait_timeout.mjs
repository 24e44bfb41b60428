import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { names } from "./comp_util.mjs";

const job = aio.coroutine(function* (name, delay) {
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled", name);
    throw e;
  }
  print("finished", name);
  return name;
});

await aio.run(function* () {
  print("-- timeout: nothing is cancelled");
  let ts = [["t1", 0.005], ["t2", 0.04], ["t3", 0.05]].map(([n, d]) => aio.createTask(job(n, d), { name: n }));
  let [done, pending] = yield* aio.wait(ts, { timeout: 0.02 });
  print("done", names(done), "pending", names(pending));
  print("pending cancelled?", ts.slice(1).map((t) => t.cancelled()));
  print("waiting for the rest");
  yield* aio.sleep(0.06);
  print("after", ts.map((t) => t.done()), ts.map((t) => t.result()));

  print("-- timeout with FIRST_COMPLETED, none completes in time");
  ts = [["u1", 0.02], ["u2", 0.04]].map(([n, d]) => aio.createTask(job(n, d), { name: n }));
  [done, pending] = yield* aio.wait(ts, { timeout: 0.005, returnWhen: aio.FIRST_COMPLETED });
  print("done", names(done), "pending", names(pending));
  [done, pending] = yield* aio.wait(pending, { returnWhen: aio.FIRST_COMPLETED });
  print("second wait done", names(done), "pending", names(pending));
  yield* aio.wait(pending);

  print("-- timeout 0");
  let t = aio.createTask(job("z", 0.005), { name: "z" });
  [done, pending] = yield* aio.wait([t], { timeout: 0 });
  print("done", names(done), "pending", names(pending));
  yield* t;

  print("-- timeout None");
  t = aio.createTask(job("n", 0.005), { name: "n" });
  [done, pending] = yield* aio.wait([t], { timeout: null });
  print("done", names(done), "pending", names(pending));

  print("-- everything done before the timeout");
  ts = ["v1", "v2"].map((n) => aio.createTask(job(n, 0.002), { name: n }));
  [done, pending] = yield* aio.wait(ts, { timeout: 0.05 });
  print("done", names(done), "pending", names(pending));

  print("-- cancelling the waiter does not cancel the tasks");
  const ws = ["w1", "w2"].map((n) => aio.createTask(job(n, 0.02), { name: n }));
  const waiter = aio.coroutine(function* () {
    try {
      yield* aio.wait(ws, { timeout: 1 });
    } catch (e) {
      if (e instanceof aio.CancelledError) print("waiter cancelled");
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  yield* aio.sleep(0.005);
  w.cancel();
  yield* aio.sleep(0);
  print("w", w.cancelled(), "tasks", ws.map((x) => x.done()));
  yield* aio.wait(ws);
  print("tasks", ws.map((x) => x.result()));
});
