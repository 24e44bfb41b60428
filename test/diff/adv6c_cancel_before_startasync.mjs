import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Coroutines whose tasks are cancelled before their first step never run a line of their body
// (not even a finally clause: the try was never entered), whatever wrapped them: createTask,
// ensureFuture, gather (with and without returnExceptions), waitFor cancelled before its own
// first step, a taskGroup whose body fails at once, a task cancelled twice before starting
// (the second message wins), a task cancelled and then uncancelled before starting (still
// cancelled: the request stands). A waitFor cancelled one step later has already scheduled its
// inner task, which runs its first step before the cancellation reaches it; and a shielded
// coroutine runs to the end. Each case shows what the awaiter gets, which bodies ran and
// finished, and that the coroutine is left unusable.

const ran = [];
const fin = [];

const work = aio.coroutine(async function (tag) {
  ran.push(tag);
  try {
    await aio.sleep(0);
    return "w-" + tag;
  } finally {
    fin.push(tag);
  }
});

const settle = aio.coroutine(async function (label, aw) {
  try {
    const r = await aw;
    print(label, "->", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(label, "-> CancelledError", repr(str(e)));
    else if (e instanceof aio.ExceptionGroup) print(label, "-> ExceptionGroup of", e.errors.map((x) => str(x)));
    else throw e;
  }
  for (let i = 0; i < 3; i++) await aio.sleep(0);
  print("   ran", [...ran].sort(), "finally", [...fin].sort());
  ran.length = 0;
  fin.length = 0;
});

const reuse = aio.coroutine(async function (label, c) {
  try {
    await c;
    print("   ", label, "awaited again?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("   ", label, "awaited again ->", repr(str(e)));
  }
});

const group = aio.coroutine(async function () {
  return await aio.taskGroup(async function (tg) {
    tg.createTask(work("tg1"));
    tg.createTask(work("tg2"));
    throw new ValueError("body fails at once");
  });
});

await aio.run(async function () {
  let c = work("t");
  let t = aio.createTask(c);
  print("cancel ->", t.cancel("early"));
  await settle("create_task", t);
  await reuse("its coroutine", c);

  c = work("ef");
  const f = aio.ensureFuture(c);
  f.cancel();
  await settle("ensure_future", f);
  await reuse("its coroutine", c);

  t = aio.createTask(work("twice"));
  print("cancel ->", t.cancel("one"), "cancel ->", t.cancel("two"), "cancelling", t.cancelling());
  await settle("cancelled twice", t);

  t = aio.createTask(work("unc"));
  print("cancel ->", t.cancel("u"), "uncancel ->", t.uncancel(), "cancelling", t.cancelling());
  await settle("cancelled then uncancelled", t);

  const c1 = work("g1");
  const c2 = work("g2");
  let g = aio.gather(c1, c2);
  print("gather cancel ->", g.cancel("g-msg"));
  await settle("gather", g);
  await reuse("a gathered coroutine", c1);

  g = aio.gather(work("r1"), work("r2"), { returnExceptions: true });
  print("gather cancel ->", g.cancel());
  await settle("gather(return_exceptions)", g);

  t = aio.createTask(aio.waitFor(work("wf0"), 10));
  t.cancel("before wait_for ran");
  await settle("wait_for cancelled before its first step", t);

  t = aio.createTask(aio.waitFor(work("wf1"), 10));
  await aio.sleep(0);
  print("wait_for ran one step, ran", ran);
  t.cancel("after one step");
  await settle("wait_for cancelled after its first step", t);

  const s = aio.shield(work("sh"));
  print("shield cancel ->", s.cancel());
  await settle("shield", s);

  await settle("TaskGroup", group());
  print("the loop goes on:", await aio.sleep(0, "ok"));
});
