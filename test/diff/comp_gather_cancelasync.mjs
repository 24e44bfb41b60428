import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
// n=null means "until cancelled".
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, n = null, swallow = false) {
  print("start", name);
  try {
    if (n === null) await aio.sleep(10);
    else await ticks(n);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("child cancelled", name, repr(str(e)));
    if (swallow) {
      print("swallow", name);
      return "swallowed-" + name;
    }
    throw e;
  } finally {
    print("finally", name);
  }
  print("end", name);
  return name;
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- cancel the gather future");
  let a = aio.createTask(child("a1"));
  let b = aio.createTask(child("b1"));
  let g = aio.gather(a, b);
  loop.callSoon(() => print("cancel returned", g.cancel()));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaiting side", tname(e), repr(str(e)));
  }
  print("children", a.cancelled(), b.cancelled());
  print("g", g.done(), g.cancelled());
  print("cancel again", g.cancel());

  print("-- cancel with a message");
  g = aio.gather(child("a2"), child("b2"));
  loop.callSoon((m) => g.cancel(m), "stop now");
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("awaiting side", tname(e), repr(str(e)));
  }

  print("-- cancel the task awaiting a gather");
  a = aio.createTask(child("a3"));
  b = aio.createTask(child("b3"));
  const waiter = aio.coroutine(async function () {
    try {
      return await aio.gather(a, b);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("waiter saw CancelledError");
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  await ticks(1);
  print("w.cancel", w.cancel());
  try {
    await w;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("w cancelled", w.cancelled());
  }
  print("children", a.cancelled(), b.cancelled());

  print("-- one child cancelled from outside");
  a = aio.createTask(child("a4", 5));
  b = aio.createTask(child("b4"));
  g = aio.gather(a, b);
  loop.callSoon(() => b.cancel());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("gather raised", tname(e));
  }
  print("a done?", a.done(), "b cancelled?", b.cancelled());
  await a;
  print("a result", a.result());

  print("-- children swallow the cancellation");
  a = aio.createTask(child("a5", null, true));
  b = aio.createTask(child("b5"));
  g = aio.gather(a, b, { returnExceptions: true });
  loop.callSoon(() => g.cancel());
  try {
    print("result", await g);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("gather still raised CancelledError");
  }
  print("a", a.cancelled(), a.result(), "b", b.cancelled());

  print("-- cancel after completion");
  g = aio.gather(child("a6", 1));
  print("result", await g);
  print("late cancel", g.cancel());
});
