import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;

const work = aio.coroutine(function* (name, delay, exc = null) {
  print("work start", name);
  try {
    yield* aio.sleep(delay);
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

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- the awaiting task is cancelled, the inner task goes on");
  let inner = aio.createTask(work("a", 0.02));
  const waiter = aio.coroutine(function* () {
    try {
      return yield* aio.shield(inner);
    } catch (e) {
      if (isCancel(e)) print("waiter cancelled; inner done?", inner.done());
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  yield* aio.sleep(0.005);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("w cancelled", w.cancelled());
  }
  print("inner result", yield* inner);

  print("-- cancelling the shield future itself");
  inner = aio.createTask(work("b", 0.01));
  let s = aio.shield(inner);
  yield* aio.sleep(0.001);
  print("cancel", s.cancel(), "s cancelled", s.cancelled(), "inner cancelled", inner.cancelled());
  print("inner result", yield* inner);

  print("-- shield of a coroutine");
  s = aio.shield(work("c", 0.01));
  yield* aio.sleep(0.001);
  s.cancel();
  print("after cancel", s.cancelled());
  yield* aio.sleep(0.02);

  print("-- inner fails");
  inner = aio.createTask(work("d", 0.002, new ValueError("broken")));
  try {
    yield* aio.shield(inner);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("shield raised", tname(e), str(e));
  }

  print("-- inner fails after the outer was cancelled");
  inner = aio.createTask(work("e", 0.01, new ValueError("unseen")));
  s = aio.shield(inner);
  yield* aio.sleep(0.001);
  s.cancel();
  try {
    yield* inner;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("inner raised", str(e));
  }

  print("-- inner cancelled directly");
  inner = aio.createTask(work("f", 0.05));
  s = aio.shield(inner);
  yield* aio.sleep(0.001);
  inner.cancel();
  try {
    yield* s;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("shield cancelled too", s.cancelled());
  }

  print("-- shield of a done future is the future itself");
  const f = loop.createFuture();
  f.setResult(5);
  print("same", aio.shield(f) === f);
  print("value", yield* aio.shield(f));

  print("-- shield + wait_for: the timeout does not stop the work");
  inner = aio.createTask(work("g", 0.02));
  try {
    yield* aio.waitFor(aio.shield(inner), 0.003);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("timed out; inner done?", inner.done());
  }
  print("inner result", yield* inner);
});
