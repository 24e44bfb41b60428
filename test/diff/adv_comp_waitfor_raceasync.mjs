import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const inner = aio.coroutine(async function (name, mode = "raise") {
  print("inner start", name);
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("inner cancelled", name, repr(str(e)));
    if (mode === "swallow") return "swallowed-" + name;
    if (mode === "slow") {
      await ticks(3);
      print("inner slow cleanup done", name);
      return "late-" + name;
    }
    throw e;
  }
  return name;
});

const outer = aio.coroutine(async function (name, aw, timeout) {
  try {
    const r = await aio.waitFor(aw, timeout);
    print("outer", name, "got", repr(r));
    return r;
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("outer", name, "TimeoutError");
    else if (isCancel(e)) print("outer", name, "CancelledError", repr(str(e)));
    throw e;
  }
});

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return "result " + repr(t.result());
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- the future completes and the outer task is cancelled in the same iteration");
  const f = loop.createFuture();
  let t = aio.createTask(outer("o1", f, 10));
  await ticks(1);
  f.setResult("won");
  print("cancel", t.cancel("late cancel"));
  await ticks(2);
  print("o1:", state(t), "cancelling", t.cancelling());

  print("-- outer cancelled, inner swallows the cancellation");
  let it = aio.createTask(inner("i2", "swallow"));
  t = aio.createTask(outer("o2", it, 10));
  await ticks(2);
  t.cancel("stop");
  await ticks(3);
  print("o2 after 3 ticks:", state(t));
  await ticks(2);
  print("o2:", state(t), "inner:", state(it));

  print("-- timeout, then outer cancelled during the inner's slow cleanup");
  it = aio.createTask(inner("i3", "slow"));
  t = aio.createTask(outer("o3", it, 0));
  await ticks(2);
  print("inner done?", it.done(), "outer done?", t.done());
  t.cancel("interrupt");
  await ticks(1);
  print("o3:", state(t), "inner done?", it.done());
  await ticks(4);
  print("inner:", state(it));

  print("-- inner is a shielded task: timeout cancels only the shield");
  it = aio.createTask(inner("i4"));
  t = aio.createTask(outer("o4", aio.shield(it), 0.01));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
  }
  print("o4:", state(t), "inner done?", it.done());
  it.cancel();
  await ticks(2);
  print("inner:", state(it));

  print("-- waiting on the same task twice with different timeouts");
  it = aio.createTask(inner("i5", "swallow"));
  const a = aio.createTask(outer("a5", it, 0.01));
  const b = aio.createTask(outer("b5", it, 10));
  await aio.wait([a, b]);
  print("a5:", state(a), "b5:", state(b), "inner:", state(it));
});
