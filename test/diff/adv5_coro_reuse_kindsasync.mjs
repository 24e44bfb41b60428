import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// A coroutine object can be awaited once. After it returned, raised, was cancelled mid-way,
// was cancelled before its task's first step, or swallowed a cancellation and returned,
// awaiting it again raises RuntimeError (every time, at any depth of a delegation chain, with
// the finally clauses of the levels in between running), and so do gather, wait_for and shield
// of it; the loop goes on. gather() given the same fresh coroutine twice runs it once.

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

const runs = new Map();

const work = aio.coroutine(async function (tag, how) {
  runs.set(tag, (runs.get(tag) ?? 0) + 1);
  print("  work", tag, "run", runs.get(tag));
  try {
    await aio.sleep(how !== "long" ? 0 : 1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  work", tag, "cancelled", repr(str(e)));
    if (how === "swallow") return "swallowed";
    throw e;
  }
  if (how === "raise") throw new ValueError(`work ${tag} failed`);
  return "done " + tag;
});

const again = aio.coroutine(async function (co, label) {
  try {
    const r = await co;
    print(" ", label, "unexpectedly got", repr(r));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(" ", label, "->", e.name, repr(str(e)));
  }
});

const chain = aio.coroutine(async function (i, co) {
  try {
    if (i === 0) return await co;
    return await chain(i - 1, co);
  } finally {
    print("   chain level", i, "finally");
  }
});

await aio.run(async () => {
  print("== returned");
  let co = work("a", "ok");
  print(" first:", await co);
  await again(co, "second await");
  await again(co, "third await");
  print("== raised");
  co = work("b", "raise");
  try {
    await co;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(" first raised", repr(str(e)));
  }
  await again(co, "after raise");
  print("== cancelled mid-way in a task");
  co = work("c", "long");
  let t = aio.createTask(co);
  await aio.sleep(0);
  t.cancel("mid");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(" task cancelled", t.cancelled());
  }
  await again(co, "after mid cancel");
  print(" get_coro is the same object:", t.getCoro() === co);
  await again(t.getCoro(), "get_coro()");
  print("== task cancelled before its first step");
  co = work("d", "ok");
  t = aio.createTask(co);
  t.cancel("early");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(" task cancelled", repr(str(e)));
  }
  await again(co, "after early cancel");
  print("== swallowed a cancellation and returned");
  co = work("e", "swallow");
  t = aio.createTask(co);
  await aio.sleep(0);
  t.cancel("resisted");
  print(" task ->", await t, "cancelling", t.cancelling());
  await again(co, "after swallow");
  print("== reused at the bottom of a delegation chain");
  co = work("f", "ok");
  print(" first:", await co);
  for (const depth of [0, 2]) {
    try {
      await chain(depth, co);
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print(" chain", depth, "->", e.name, repr(str(e)));
    }
  }
  print("== a task whose coroutine awaits a used one fails");
  co = work("g", "ok");
  await co;
  t = aio.createTask(chain(1, co));
  await aio.wait([t]);
  const e = t.exception();
  print(" task failed", e.name, repr(str(e)));
  print("== gather / wait_for / shield of a used coroutine");
  try {
    await aio.gather(co);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(" gather ->", repr(str(e)));
  }
  try {
    await aio.waitFor(co, 1);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(" wait_for ->", repr(str(e)));
  }
  try {
    await aio.shield(co);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(" shield ->", repr(str(e)));
  }
  print("== gather of the same fresh coroutine twice");
  co = work("h", "ok");
  print(" gather ->", await aio.gather(co, co), "runs", runs.get("h"));
  await again(co, "after gather");
  print("runs", [...runs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => tuple(k, v)));
  print("loop still works:", await aio.sleep(0, "yes"));
});
