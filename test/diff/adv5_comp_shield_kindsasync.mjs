// Async-function twin of adv5_comp_shield_kinds.py.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }

const r = (x) => String(x);

function handler(loop, ctx) {
  print("  handler:", ctx.message, repr(ctx.exception));
}

function cb(label) {
  return (fut) => print("  cb", label, fut.cancelled() ? "cancelled" : "done");
}

const job = aio.coroutine(async function job(name, gate, fail = null) {
  print("  job", name, "starts");
  try {
    await gate;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  job", name, "cancelled", repr(str(e)));
    throw e;
  }
  print("  job", name, "ends");
  if (fail !== null) throw fail;
  return name;
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);

  print("-- the same task shielded twice: two outers, one cancelled");
  let gate = loop.createFuture();
  let t = aio.createTask(job("t", gate), { name: "t" });
  let s1 = aio.shield(t);
  let s2 = aio.shield(t);
  print("two outers", s1 !== s2, "t:", r(t));
  print("s1:", r(s1));
  s1.addDoneCallback(cb("s1"));
  s2.addDoneCallback(cb("s2"));
  await aio.sleep(0);
  print("cancel s1", s1.cancel("s1 msg"), "again", s1.cancel("x"));
  print("t after s1.cancel (callback still there until s1's callbacks run):", r(t));
  await aio.sleep(0);
  print("t after one iteration:", r(t));
  gate.setResult(null);
  print("s2 result", await s2, "s1 cancelled", s1.cancelled(), "t", t.result());
  try {
    await s1;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await s1: CancelledError", repr(str(e)));
  }

  print("-- the awaiter of a shield is cancelled with a message");
  gate = loop.createFuture();
  const inner = aio.createTask(job("u", gate), { name: "u" });
  const awaiter = aio.coroutine(async function () {
    try {
      return await aio.shield(inner);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  awaiter CancelledError", repr(str(e)), "inner done", inner.done());
      throw e;
    }
  });
  const a = aio.createTask(awaiter());
  await aio.sleep(0);
  a.cancel("go away");
  await aio.sleep(0);
  print("a", a.cancelled(), "inner", r(inner));
  gate.setResult(null);
  print("inner result", await inner);

  print("-- every outer cancelled, then the inner fails: no callback of shield's is left on it");
  gate = loop.createFuture();
  t = aio.createTask(job("v", gate, new ValueError("v failed")), { name: "v" });
  [s1, s2] = [aio.shield(t), aio.shield(t)];
  await aio.sleep(0);
  s1.cancel();
  s2.cancel();
  await aio.sleep(0);
  print("t:", r(t));
  gate.setResult(null);
  await aio.sleep(0);
  await aio.sleep(0);
  print("t done", t.done(), repr(t.exception()));

  print("-- one outer left when the inner fails: the outer carries the error");
  gate = loop.createFuture();
  t = aio.createTask(job("w", gate, new KeyError("w")), { name: "w" });
  [s1, s2] = [aio.shield(t), aio.shield(t)];
  s2.addDoneCallback(cb("s2"));
  t.addDoneCallback(cb("t"));
  s1.cancel();
  gate.setResult(null);
  try {
    await s2;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("await s2: KeyError", repr(e), e === t.exception());
  }

  print("-- the inner is cancelled (with a message): each outer is cancelled without it");
  gate = loop.createFuture();
  t = aio.createTask(job("x", gate), { name: "x" });
  [s1, s2] = [aio.shield(t), aio.shield(t)];
  s1.addDoneCallback(cb("s1"));
  s2.addDoneCallback(cb("s2"));
  await aio.sleep(0);
  t.cancel("inner msg");
  for (const s of [s1, s2]) {
    try {
      await s;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("outer CancelledError", repr(str(e)));
    }
  }

  print("-- shield of a gather, gather of shields");
  const [g1, g2] = [loop.createFuture(), loop.createFuture()];
  const gat = aio.gather(g1, g2);
  const sg = aio.shield(gat);
  print("gather:", r(gat));
  sg.cancel("outer only");
  await aio.sleep(0);
  print("gather after:", r(gat), "g1", g1.cancelled());
  g1.setResult(1);
  g2.setResult(2);
  print("gather result", await gat);
  const h1 = loop.createFuture();
  t = aio.createTask(job("y", h1), { name: "y" });
  const gs = aio.gather(aio.shield(t), aio.shield(h1), { returnExceptions: true });
  await aio.sleep(0);
  print("cancel gather of shields", gs.cancel("gs"));
  try {
    print("result?", await gs);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("gather of shields: CancelledError", repr(str(e)));
  }
  print("t", r(t));
  print("h1", r(h1));
  h1.setResult("h1");
  print("t result", await t);

  print("-- shield of a shield of a coroutine; cancel the outermost");
  gate = loop.createFuture();
  const innerS = aio.shield(job("z", gate));
  const outerS = aio.shield(innerS);
  print("inner_s:", r(innerS));
  outerS.cancel();
  await aio.sleep(0);
  print("inner_s after:", r(innerS), "cancelled", innerS.cancelled());
  gate.setResult(null);
  print("inner_s result", await innerS);

  print("-- shield of already-finished futures is the future itself, even failed or cancelled");
  const f = loop.createFuture();
  f.setException(new ValueError("done bad"));
  const c = loop.createFuture();
  c.cancel("pre");
  print(aio.shield(f) === f, aio.shield(c) === c);
  try {
    await aio.shield(c);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("shield(cancelled): CancelledError", repr(str(e)));
  }
  try {
    await aio.shield(f);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("shield(failed): ValueError", repr(e));
  }
  print("loop still runs", await aio.shield(aio.sleep(0, "ok")));
});
