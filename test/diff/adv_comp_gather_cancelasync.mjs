import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, mode = "raise") {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("child", name, "sees", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    if (mode === "swallow") return "swallowed-" + name;
    if (mode === "other") throw new ValueError("from-" + name);
    if (mode === "custom") throw new aio.CancelledError("custom-" + name);
    throw e;
  }
  return name;
});

const quick = aio.coroutine(async function (name) {
  return name;
});

function outcome(g) {
  if (g.cancelled()) return "cancelled";
  const e = g.exception();
  if (e === null) return "result " + repr(g.result());
  return "exception " + e.name + " " + repr(str(e));
}

await aio.run(async () => {
  print("-- cancel: one child done, one pending");
  let a = aio.createTask(quick("a"));
  let b = aio.createTask(child("b"));
  let g = aio.gather(a, b);
  await ticks(2);
  print("a done", a.done(), "g done", g.done());
  print("cancel returned", g.cancel("stop"));
  print("cancel again", g.cancel("again"));
  try {
    await g;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("await raised", repr(str(e)));
  }
  print("g:", outcome(g), "g.cancelled()", g.cancelled());
  print("b cancelled", b.cancelled(), "a result", a.result());

  print("-- cancel: all children done, outer not yet settled");
  a = aio.createTask(quick("a2"));
  b = aio.createTask(quick("b2"));
  await ticks(1);
  g = aio.gather(a, b);
  print("g done", g.done(), "cancel returned", g.cancel());
  print("awaited", await g);

  print("-- cancel with return_exceptions: children swallow / raise other / custom");
  a = aio.createTask(child("s", "swallow"));
  b = aio.createTask(child("o", "other"));
  let c = aio.createTask(child("c", "custom"));
  let d = aio.createTask(child("r"));
  g = aio.gather(a, b, c, d, { returnExceptions: true });
  await ticks(1);
  print("cancel returned", g.cancel("bye"));
  try {
    const r = await g;
    print("result", r);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("await raised", repr(str(e)));
  }
  print("g:", outcome(g));
  print("c.cancelled", c.cancelled(), "d.cancelled", d.cancelled());

  print("-- return_exceptions, cancelled children, gather not cancelled");
  c = aio.createTask(child("c2", "custom"));
  d = aio.createTask(child("d2"));
  g = aio.gather(c, d, { returnExceptions: true });
  await ticks(1);
  c.cancel("m1");
  d.cancel("m2");
  const r = await g;
  print("results", r.map((x) => x.name + ":" + str(x)));

  print("-- all children swallow, no return_exceptions");
  a = aio.createTask(child("s1", "swallow"));
  b = aio.createTask(child("s2", "swallow"));
  g = aio.gather(a, b);
  await ticks(1);
  print("cancel returned", g.cancel("please"));
  try {
    print("result", await g);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("await raised", repr(str(e)));
  }
  print("g:", outcome(g), "children", a.result(), b.result());

  print("-- child raises other on cancel, no return_exceptions");
  a = aio.createTask(child("x", "other"));
  b = aio.createTask(child("y"));
  g = aio.gather(a, b);
  await ticks(1);
  print("cancel returned", g.cancel());
  try {
    await g;
  } catch (e) {
    if (e instanceof ValueError) print("await raised ValueError", repr(str(e)));
    else if (isCancel(e)) print("await raised CancelledError", repr(str(e)));
    else throw e;
  }
  await ticks(2);
  print("b cancelled", b.cancelled());

  print("-- cancel the task awaiting gather of a done and a pending child");
  a = aio.createTask(quick("q"));
  b = aio.createTask(child("p"));
  const g7 = aio.gather(a, b);
  const waiter = aio.coroutine(async function () {
    try {
      return await g7;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("waiter sees", repr(str(e)), "cancelling", aio.currentTask().cancelling());
      throw e;
    }
  });
  const w = aio.createTask(waiter());
  await ticks(2);
  print("w.cancel", w.cancel("from-main"));
  try {
    await w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main sees", repr(str(e)), w.cancelled());
  }
  print("g:", outcome(g7));
});
