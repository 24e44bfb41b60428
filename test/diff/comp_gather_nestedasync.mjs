import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
// n=null means "until cancelled".
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const events = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const leaf = aio.coroutine(async function (name, n) {
  try {
    if (n === null) await aio.sleep(10);
    else await ticks(n);
  } catch (e) {
    if (isCancel(e)) events.push("cancelled " + name);
    throw e;
  }
  print("leaf done", name);
  return name;
});

function flush() {
  print("events", [...events].sort());
  events.length = 0;
}

await aio.run(async () => {
  print("-- gather of gathers");
  let r = await aio.gather(aio.gather(leaf("a", 3), leaf("b", 1)), leaf("c", 2), aio.gather());
  print("result", r);

  print("-- cancelling the outer gather reaches the inner children");
  const outer = aio.gather(aio.gather(leaf("d", null), leaf("e", null)), leaf("f", null));
  await ticks(2);
  print("cancel", outer.cancel());
  try {
    await outer;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("outer raised CancelledError");
  }
  flush();

  print("-- wait_for around a gather: the timeout cancels every child");
  const h = aio.createTask(leaf("h", 0));
  await ticks(2);
  try {
    await aio.waitFor(aio.gather(leaf("g", null), h, leaf("i", null)), 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  flush();

  print("-- timeout around a gather");
  try {
    await aio.timeout(0.1, async function () {
      await aio.gather(leaf("j", null), leaf("k", null));
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  flush();

  print("-- an inner gather's failure with return_exceptions outside");
  const boom = aio.coroutine(async function () {
    await ticks(1);
    throw new ValueError("inner boom");
  });
  r = await aio.gather(aio.gather(boom(), leaf("l", 10)), leaf("m", 2), { returnExceptions: true });
  print("result", r.map((x) => (x instanceof Error ? tname(x) : x)));
  await ticks(12);

  print("-- shielded child survives the gather's cancellation");
  const inner = aio.createTask(leaf("n", 10));
  const g = aio.gather(aio.shield(inner), leaf("o", null));
  await ticks(1);
  g.cancel();
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather cancelled");
  }
  print("shielded result", await inner);
  flush();
});
