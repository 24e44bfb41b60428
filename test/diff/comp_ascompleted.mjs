import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

const job = aio.coroutine(function* (name, delay, exc = null) {
  yield* aio.sleep(delay);
  if (exc !== null) {
    print("job fails", name);
    throw exc;
  }
  print("job done", name);
  return name;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- completion order");
  const aws = [job("a", 0.03), job("b", 0.005), job("c", 0.015)];
  let i = 0;
  for (const f of aio.asCompleted(aws)) {
    const r = yield* f;
    print("got", i, r);
    i++;
  }

  print("-- mixed futures, tasks, and a failure");
  const fut = loop.createFuture();
  loop.callLater(0.01, (v) => fut.setResult(v), "future");
  let t = aio.createTask(job("task", 0.02));
  const bad = job("bad", 0.005, new ValueError("oops"));
  for (const f of aio.asCompleted([t, fut, bad])) {
    try {
      print("got", yield* f);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("error", tname(e), str(e));
    }
  }

  print("-- timeout: TimeoutError for the rest");
  const ts = [["x", 0.005], ["y", 0.04], ["z", 0.05]].map(([n, d]) => aio.createTask(job(n, d)));
  for (const f of aio.asCompleted(ts, { timeout: 0.02 })) {
    try {
      print("got", yield* f);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("TimeoutError");
    }
  }
  print("not cancelled", ts.map((x) => x.cancelled()));
  yield* aio.gather(...ts);
  print("all finished", ts.map((x) => x.result()));

  print("-- everything before the timeout");
  for (const f of aio.asCompleted([job("p", 0.002), job("q", 0.001)], { timeout: 0.05 })) {
    print("got", yield* f);
  }

  print("-- already-done futures");
  const f1 = loop.createFuture();
  f1.setResult(1);
  const f2 = loop.createFuture();
  f2.setResult(2);
  const got = [];
  for (const f of aio.asCompleted([f2, f1])) got.push(yield* f);
  print("got", got.sort());

  print("-- duplicates count once");
  t = aio.createTask(job("dup", 0.001));
  let n = 0;
  for (const f of aio.asCompleted([t, t])) {
    print("got", yield* f);
    n++;
  }
  print("n", n);

  print("-- empty");
  print("items", [...aio.asCompleted([])].length);

  print("-- bad input");
  try {
    [...aio.asCompleted(t)];
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("future: TypeError");
  }
});
