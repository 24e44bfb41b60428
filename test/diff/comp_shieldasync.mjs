import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

// Work finishes when the main task releases its gate (or never: gate=null), so no ordering
// depends on the clock.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const isCancel = (e) => e instanceof aio.CancelledError;

const work = aio.coroutine(async function (name, gate = null, exc = null) {
  print("work start", name);
  try {
    if (gate === null) await aio.sleep(10);
    else await gate;
  } catch (e) {
    if (isCancel(e)) print("work cancelled", name);
    throw e;
  }
  if (exc !== null) {
    print("work fails", name);
    throw exc;
  }
  print("work end", name);
  return name + "-result";
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- the awaiting task is cancelled, the inner task goes on");
  let gate = loop.createFuture();
  let inner = aio.createTask(work("a", gate));
  const waiter = aio.coroutine(async function () {
    try {
      return await aio.shield(inner);
    } catch (e) {
      if (isCancel(e)) print("waiter cancelled; inner done?", inner.done());
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  await ticks(2);
  w.cancel();
  try {
    await w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("w cancelled", w.cancelled());
  }
  gate.setResult(null);
  print("inner result", await inner);

  print("-- cancelling the shield future itself");
  gate = loop.createFuture();
  inner = aio.createTask(work("b", gate));
  let s = aio.shield(inner);
  await ticks(1);
  print("cancel", s.cancel(), "s cancelled", s.cancelled(), "inner cancelled", inner.cancelled());
  gate.setResult(null);
  print("inner result", await inner);

  print("-- shield of a coroutine");
  gate = loop.createFuture();
  s = aio.shield(work("c", gate));
  await ticks(1);
  s.cancel();
  print("after cancel", s.cancelled());
  gate.setResult(null);
  await ticks(2);

  print("-- inner fails");
  gate = loop.createFuture();
  const g4 = gate;
  loop.callSoon(() => g4.setResult(null));
  inner = aio.createTask(work("d", gate, new ValueError("broken")));
  try {
    await aio.shield(inner);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("shield raised", tname(e), str(e));
  }

  print("-- inner fails after the outer was cancelled");
  gate = loop.createFuture();
  inner = aio.createTask(work("e", gate, new ValueError("unseen")));
  s = aio.shield(inner);
  await ticks(1);
  s.cancel();
  gate.setResult(null);
  try {
    await inner;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("inner raised", str(e));
  }

  print("-- inner cancelled directly");
  inner = aio.createTask(work("f"));
  s = aio.shield(inner);
  await ticks(1);
  inner.cancel();
  try {
    await s;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("shield cancelled too", s.cancelled());
  }

  print("-- shield of a done future is the future itself");
  const f = loop.createFuture();
  f.setResult(5);
  print("same", aio.shield(f) === f);
  print("value", await aio.shield(f));

  print("-- shield + wait_for: the timeout does not stop the work");
  gate = loop.createFuture();
  inner = aio.createTask(work("g", gate));
  try {
    await aio.waitFor(aio.shield(inner), 0.003);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("timed out; inner done?", inner.done());
  }
  gate.setResult(null);
  print("inner result", await inner);
});
