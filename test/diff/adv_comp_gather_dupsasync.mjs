import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const val = aio.coroutine(async function (name, n = 0, fail = false) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("run", name);
  if (fail) throw new ValueError(name);
  return name;
});

function mark(loop, label) {
  loop.callSoon(print, "tick", label);
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  print("-- zero args");
  let g = aio.gather();
  print("done", g.done(), "result", g.result(), "cancel", g.cancel(), "cancelled", g.cancelled());
  print("awaited", await g);
  const g2 = aio.gather({ returnExceptions: true });
  print("zero rx", g2.done(), g2.result());

  print("-- same task twice");
  let t = aio.createTask(val("t", 1));
  g = aio.gather(t, t, { returnExceptions: true });
  print("res", await g);

  print("-- same coroutine object twice");
  let c = val("c", 1);
  g = aio.gather(c, val("d"), c);
  let res = await g;
  print("res", res);

  print("-- same failing task twice, return_exceptions");
  t = aio.createTask(val("bad", 0, true));
  res = await aio.gather(t, t, { returnExceptions: true });
  print("res", res, res[0] === res[1]);

  print("-- same failing task twice, no return_exceptions");
  t = aio.createTask(val("bad2", 0, true));
  try {
    await aio.gather(t, val("ok2", 2), t);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("raised", repr(e));
  }
  await aio.sleep(0); await aio.sleep(0); await aio.sleep(0);

  print("-- already-done futures");
  let f1 = loop.createFuture(); f1.setResult("one");
  let f2 = loop.createFuture(); f2.setResult("two");
  const f3 = loop.createFuture(); f3.setException(new KeyError("k"));
  g = aio.gather(f2, f1, f2, f3, { returnExceptions: true });
  print("g done right after", g.done());
  mark(loop, "A");
  g.addDoneCallback(() => print("g done callback"));
  mark(loop, "B");
  res = await g;
  print("res", res);

  print("-- already-done futures, one cancelled");
  f1 = loop.createFuture(); f1.setResult(1);
  f2 = loop.createFuture(); f2.cancel("early");
  g = aio.gather(f1, f2);
  print("cancel returned", g.cancel());
  try {
    await g;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("raised CancelledError", repr(str(e)), "g.cancelled", g.cancelled());
  }
  g = aio.gather(f1, f2, { returnExceptions: true });
  print("rx", await g);

  print("-- a reused (exhausted) coroutine");
  c = val("once");
  await c;
  try {
    await aio.gather(c);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }

  print("-- duplicate done future + pending task");
  const f = loop.createFuture(); f.setResult("f");
  t = aio.createTask(val("late", 2));
  print("res", await aio.gather(f, t, f, t));
});
