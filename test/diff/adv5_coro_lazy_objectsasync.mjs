import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Calling a coroutine function runs nothing: the body starts only when the object is awaited
// (inline, by whichever task awaits it) or wrapped in a task. Objects created before the loop,
// in another task, in a task that is then cancelled, created in one order and awaited in
// another, with arguments mutated after the call, whose body raises at once, and never awaited.

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

const body = aio.coroutine(async function (tag, box = null) {
  const t = aio.currentTask();
  print("  body", tag, "starts in", t ? t.getName() : null, "box", box);
  await aio.sleep(0);
  print("  body", tag, "resumes in", aio.currentTask().getName());
  return "r-" + tag;
});

const raiser = aio.coroutine(async function (tag) {
  print("  raiser", tag, "runs");
  throw new ValueError("raised by " + tag);
});

const makeInTask = aio.coroutine(async function (store) {
  store.push(body("made-in-A"));
  print("  A stored a coroutine, sleeps");
  await aio.sleep(10);
});

const early = body("early");

const main = aio.coroutine(async function () {
  print("main starts, nothing ran yet");
  print("iscoroutine", aio.isCoroutine(early), aio.isCoroutine(body), aio.isCoroutineFunction(body));
  print("== created in order 1..4, awaited 4..1");
  const cs = [1, 2, 3, 4].map((i) => body(`c${i}`));
  print("created 4, still nothing ran");
  for (const c of [...cs].reverse()) print("got", await c);
  print("== created before the loop");
  print("got", await early);
  print("== created in task A, awaited by main while A sleeps, then A cancelled");
  const store = [];
  const a = aio.createTask(makeInTask(store), { name: "A" });
  await aio.sleep(0);
  print("main got", await store[0]);
  a.cancel();
  try {
    await a;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("A cancelled", a.cancelled());
  }
  print("== created in a task that is cancelled before it is used, then given to create_task");
  const store2 = [];
  const b = aio.createTask(makeInTask(store2), { name: "B" });
  await aio.sleep(0);
  b.cancel();
  await aio.sleep(0);
  print("B done", b.done(), "cancelled", b.cancelled());
  const t = aio.createTask(store2[0], { name: "runner" });
  print("runner created, name", t.getName());
  print("runner ->", await t);
  print("== the arguments are bound at the call; the list is shared");
  const box = [1];
  const c = body("boxed", box);
  box.push(2);
  print("got", await c, "box now", box);
  print("== a body that raises: creating it raises nothing");
  const r = raiser("x");
  print("created raiser");
  try {
    await r;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("await raised", e.name, repr(str(e)));
  }
  print("== task order follows task creation, not coroutine creation");
  const c1 = body("k1"), c2 = body("k2"), c3 = body("k3");
  const t3 = aio.createTask(c3, { name: "t3" });
  const t1 = aio.createTask(c1, { name: "t1" });
  print("gather ->", await aio.gather(t1, c2, t3));
  print("== gather of coroutines created in reverse");
  const d2 = body("d2"), d1 = body("d1");
  print("gather ->", await aio.gather(d1, d2));
  print("== a task created from a coroutine and cancelled before its first step never runs the body");
  const e = body("never-runs");
  const te = aio.createTask(e, { name: "te" });
  te.cancel("early cancel");
  try {
    await te;
  } catch (ex) {
    if (!(ex instanceof aio.CancelledError)) throw ex;
    print("te cancelled", repr(str(ex)), "cancelling", te.cancelling());
  }
  print("== never awaited objects");
  const unused = [0, 1, 2].map((i) => body(`unused-${i}`));
  print(`made ${unused.length} unused coroutines;`, unused.every((u) => aio.isCoroutine(u)));
  await aio.sleep(0);
  print("main ends");
});

await aio.run(main);
print("after run");
