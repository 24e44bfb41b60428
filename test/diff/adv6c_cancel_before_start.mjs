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

const work = aio.coroutine(function* (tag) {
  ran.push(tag);
  try {
    yield* aio.sleep(0);
    return "w-" + tag;
  } finally {
    fin.push(tag);
  }
});

const settle = aio.coroutine(function* (label, aw) {
  try {
    const r = yield* aw;
    print(label, "->", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(label, "-> CancelledError", repr(str(e)));
    else if (e instanceof aio.ExceptionGroup) print(label, "-> ExceptionGroup of", e.errors.map((x) => str(x)));
    else throw e;
  }
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  print("   ran", [...ran].sort(), "finally", [...fin].sort());
  ran.length = 0;
  fin.length = 0;
});

const reuse = aio.coroutine(function* (label, c) {
  try {
    yield* c;
    print("   ", label, "awaited again?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("   ", label, "awaited again ->", repr(str(e)));
  }
});

const group = aio.coroutine(function* () {
  return yield* aio.taskGroup(function* (tg) {
    tg.createTask(work("tg1"));
    tg.createTask(work("tg2"));
    throw new ValueError("body fails at once");
  });
});

await aio.run(function* () {
  let c = work("t");
  let t = aio.createTask(c);
  print("cancel ->", t.cancel("early"));
  yield* settle("create_task", t);
  yield* reuse("its coroutine", c);

  c = work("ef");
  const f = aio.ensureFuture(c);
  f.cancel();
  yield* settle("ensure_future", f);
  yield* reuse("its coroutine", c);

  t = aio.createTask(work("twice"));
  print("cancel ->", t.cancel("one"), "cancel ->", t.cancel("two"), "cancelling", t.cancelling());
  yield* settle("cancelled twice", t);

  t = aio.createTask(work("unc"));
  print("cancel ->", t.cancel("u"), "uncancel ->", t.uncancel(), "cancelling", t.cancelling());
  yield* settle("cancelled then uncancelled", t);

  const c1 = work("g1");
  const c2 = work("g2");
  let g = aio.gather(c1, c2);
  print("gather cancel ->", g.cancel("g-msg"));
  yield* settle("gather", g);
  yield* reuse("a gathered coroutine", c1);

  g = aio.gather(work("r1"), work("r2"), { returnExceptions: true });
  print("gather cancel ->", g.cancel());
  yield* settle("gather(return_exceptions)", g);

  t = aio.createTask(aio.waitFor(work("wf0"), 10));
  t.cancel("before wait_for ran");
  yield* settle("wait_for cancelled before its first step", t);

  t = aio.createTask(aio.waitFor(work("wf1"), 10));
  yield* aio.sleep(0);
  print("wait_for ran one step, ran", ran);
  t.cancel("after one step");
  yield* settle("wait_for cancelled after its first step", t);

  const s = aio.shield(work("sh"));
  print("shield cancel ->", s.cancel());
  yield* settle("shield", s);

  yield* settle("TaskGroup", group());
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
});
