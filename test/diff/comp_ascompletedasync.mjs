import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

// Completion order is driven by loop iterations (sleep(0) = one iteration) and by gates the main
// task releases; only the asCompleted timeout uses the clock, with nothing racing it.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const job = aio.coroutine(async function (name, n, exc = null, gate = null) {
  if (gate !== null) await gate;
  await ticks(n);
  if (exc !== null) {
    print("job fails", name);
    throw exc;
  }
  print("job done", name);
  return name;
});

const resolveLater = aio.coroutine(async function (fut, n, value) {
  await ticks(n);
  fut.setResult(value);
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  // (asyncio wraps coroutines in tasks in set order, so the start order would be arbitrary:
  // pass tasks created in a known order)
  print("-- completion order");
  const aws = [aio.createTask(job("a", 20)), aio.createTask(job("b", 1)), aio.createTask(job("c", 10))];
  let i = 0;
  for (const f of aio.asCompleted(aws)) {
    const r = await f;
    print("got", i, r);
    i++;
  }

  print("-- mixed futures, tasks, and a failure");
  const fut = loop.createFuture();
  aio.createTask(resolveLater(fut, 10, "future"));
  let t = aio.createTask(job("task", 20));
  const bad = aio.createTask(job("bad", 1, new ValueError("oops")));
  for (const f of aio.asCompleted([t, fut, bad])) {
    try {
      print("got", await f);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("error", tname(e), str(e));
    }
  }

  print("-- timeout: TimeoutError for the rest");
  const gy = loop.createFuture();
  const gz = loop.createFuture();
  const ts = [aio.createTask(job("x", 0)), aio.createTask(job("y", 0, null, gy)), aio.createTask(job("z", 0, null, gz))];
  await ticks(2);
  for (const f of aio.asCompleted(ts, { timeout: 0.02 })) {
    try {
      print("got", await f);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("TimeoutError");
    }
  }
  print("not cancelled", ts.map((x) => x.cancelled()));
  gy.setResult(null);
  gz.setResult(null);
  await aio.gather(...ts);
  print("all finished", ts.map((x) => x.result()));

  print("-- everything before the timeout");
  // the async-iterable form
  for await (const r of aio.asCompleted([aio.createTask(job("p", 10)), aio.createTask(job("q", 1))], { timeout: 10 })) {
    print("got", r);
  }

  print("-- already-done futures");
  const f1 = loop.createFuture();
  f1.setResult(1);
  const f2 = loop.createFuture();
  f2.setResult(2);
  const got = [];
  for (const f of aio.asCompleted([f2, f1])) got.push(await f);
  print("got", got.sort());

  print("-- duplicates count once");
  t = aio.createTask(job("dup", 1));
  let n = 0;
  for (const f of aio.asCompleted([t, t])) {
    print("got", await f);
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
