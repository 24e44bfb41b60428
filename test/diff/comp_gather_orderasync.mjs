import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const worker = aio.coroutine(async function (name, n, result) {
  print("start", name);
  await ticks(n);
  print("end", name);
  return result;
});

const instant = aio.coroutine(async function (x) {
  print("instant", x);
  return x;
});

await aio.run(async () => {
  let res = await aio.gather(worker("a", 6, "A"), worker("b", 1, "B"), worker("c", 3, "C"));
  print("results", res);

  res = await aio.gather();
  print("empty", res);

  const t = aio.createTask(worker("dup", 2, 7));
  res = await aio.gather(t, t, instant(1), t);
  print("dups", res);

  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  loop.callLater(0.005, (v) => f.setResult(v), "fut");
  const t2 = aio.createTask(worker("t2", 2, "task"));
  res = await aio.gather(f, t2, instant("coro"), aio.sleep(0.001, "slept"));
  print("mixed", res);

  const d1 = loop.createFuture();
  d1.setResult(1);
  const d2 = loop.createFuture();
  d2.setResult(2);
  const g = aio.gather(d2, d1);
  print("g done before await", g.done());
  print("done futs", await g);
  print("g done", g.done(), g.result());

  print("single", await aio.gather(instant("one")));

  const c = worker("same", 1, "S");
  print("same coro", await aio.gather(c, c));
});
