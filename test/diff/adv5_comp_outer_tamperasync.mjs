// Async-function twin of adv5_comp_outer_tamper.py.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const r = (x) => String(x);

const leaf = aio.coroutine(async function leaf(name, n, exc = null) {
  try {
    for (let i = 0; i < n; i++) await aio.sleep(0);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  leaf", name, "cancelled", repr(str(e)));
    throw e;
  }
  print("  leaf", name, "ends");
  if (exc !== null) throw exc;
  return name;
});

function handler(loop, ctx) {
  print("  handler:", ctx.message, repr(ctx.exception));
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);

  print("-- set_result on gather's outer while its children run");
  let a = aio.createTask(leaf("a", 2, new ValueError("a")), { name: "a" });
  const b = aio.createTask(leaf("b", 3), { name: "b" });
  let g = aio.gather(a, b);
  g.addDoneCallback((f) => print("  g callback", f.result()));
  g.setResult("mine");
  print("g", r(g), "cancel", g.cancel("late"));
  print("await g", await g);
  await aio.sleep(0);
  await aio.sleep(0);
  await aio.sleep(0);
  print("a", a.done(), "b", b.done(), "b cancelled", b.cancelled());
  await b;

  print("-- set_exception on gather's outer (return_exceptions)");
  a = aio.createTask(leaf("a2", 1), { name: "a2" });
  g = aio.gather(a, { returnExceptions: true });
  g.setException(new KeyError("outer"));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("await g", repr(e));
  }
  print("a2", await a);

  print("-- set_result twice, cancel after: InvalidStateError, False");
  g = aio.gather(loop.createFuture());
  g.setResult(1);
  try {
    g.setResult(2);
  } catch (e) {
    if (!(e instanceof aio.InvalidStateError)) throw e;
    print("InvalidStateError", repr(str(e)));
  }
  print("cancel", g.cancel(), "result", g.result());

  print("-- a child cancelled after its gather was settled from outside");
  const f = loop.createFuture();
  g = aio.gather(f);
  g.setResult("outside");
  f.cancel("child msg");
  await aio.sleep(0);
  print("f", f.cancelled(), "g", g.result());

  print("-- set_result on a shield's outer while the inner runs");
  let t = aio.createTask(leaf("t", 2, new ValueError("t")), { name: "t" });
  let s = aio.shield(t);
  s.setResult("early");
  print("s", await s, "t", r(t));
  await aio.sleep(0);
  print("t", r(t));
  await aio.sleep(0);
  await aio.sleep(0);
  print("t done", t.done(), repr(t.exception()));

  print("-- set_exception on a shield's outer; the inner's result goes nowhere");
  t = aio.createTask(leaf("t2", 1), { name: "t2" });
  s = aio.shield(t);
  s.setException(new ValueError("shield outer"));
  try {
    await s;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await s", repr(e));
  }
  print("t2", await t);

  print("-- return_exceptions by truth");
  for (const rx of [1, 0, "yes", "", null, 2.5, true, false]) {
    try {
      const res = await aio.gather(leaf("x", 0, new ValueError("x")), aio.sleep(0, "s"), { returnExceptions: rx });
      print(repr(rx), "->", res);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(repr(rx), "raised", repr(e));
    }
    await aio.sleep(0);
  }

  print("-- an as_completed coroutine awaited twice");
  const fs = aio.asCompleted([aio.sleep(0, "one")]);
  const c = fs[Symbol.iterator]().next().value;
  print("first", await c);
  try {
    await c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("second: RuntimeError", repr(str(e)));
  }
  print("exhausted", [...fs]);

  print("-- the loop goes on");
  print(await aio.gather(leaf("end", 1), aio.shield(leaf("sh", 1))));
});
