import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Nested TaskGroups: an inner group in the outer body failing (its ExceptionGroup nests in the
// outer one), an inner group run as a child task, the outer group's child failing while the inner
// group in its body waits (the inner one sees a cancellation), both levels failing in the same
// iteration (two cancel requests on one task: the cancelling() counts at each exit), three levels,
// and the repr of the task that ends with the nested group.

const R = (x) => String(x);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* ticks(n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const fail = aio.coroutine(function* fail(n, msg) {
  yield* ticks(n);
  print("  raise", msg);
  throw new ValueError(msg);
});

const quiet = aio.coroutine(function* quiet(name, n) {
  try {
    yield* ticks(n);
  } catch (e) {
    if (isCancel(e)) print("  ", name, "cancelled", repr(str(e)));
    throw e;
  }
  return name;
});

const inner = aio.coroutine(function* inner(label, children, bodyTicks = 0) {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      for (const [name, coro] of children) tg.createTask(coro, { name });
      yield* ticks(bodyTicks);
    });
  } catch (e) {
    print("  inner", label, "raised", desc(e), "cancelling", me.cancelling());
    throw e;
  }
  print("  inner", label, "ok cancelling", me.cancelling());
  return label;
});

const outer = aio.coroutine(function* outer(children, body) {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      for (const [name, coro] of children) tg.createTask(coro, { name });
      const r = yield* body;
      print("  outer body got", repr(r));
    });
  } catch (e) {
    print("  outer raised", desc(e), "cancelling", me.cancelling());
    throw e;
  }
  return "outer ok";
});

const caseRun = aio.coroutine(function* caseRun(title, children, body) {
  print("--", title);
  const t = aio.createTask(outer(children, body), { name: "O" });
  try {
    print("  result", repr(yield* t));
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("  task", R(t));
    else if (isCancel(e)) print("  task cancelled", repr(str(e)));
    else throw e;
  }
  print("  cancelling", t.cancelling());
});

await aio.run(function* main() {
  yield* caseRun("inner group in the body fails",
    [["q", quiet("q", 10)]], inner("I", [["f", fail(1, "inner child")]]));
  yield* caseRun("inner group as a child task fails",
    [["I", inner("I", [["f", fail(1, "inner child")]], 10)], ["q", quiet("q", 10)]], ticks(10));
  yield* caseRun("outer child fails while the inner group in the body waits",
    [["f", fail(1, "outer child")]], inner("I", [["q", quiet("iq", 10)]], 10));
  yield* caseRun("both levels fail in the same iteration",
    [["f", fail(1, "outer child")]], inner("I", [["g", fail(1, "inner child")]], 10));
  yield* caseRun("inner fails one iteration before the outer child",
    [["f", fail(3, "outer child")]], inner("I", [["g", fail(2, "inner child")]], 10));
  yield* caseRun("three levels",
    [["q", quiet("q", 10)]],
    inner("I", [["J", inner("J", [["f", fail(1, "deepest")]], 10)], ["x", fail(3, "middle")]], 10));
  yield* caseRun("inner group ok, outer child ok",
    [["q", quiet("q", 1)]], inner("I", [["q2", quiet("q2", 1)]], 1));
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
