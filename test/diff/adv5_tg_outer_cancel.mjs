import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A TaskGroup's task cancelled from outside while its children fail: the outer cancel before the
// failure, after it (the body sees the outer message), during the exit wait (the cancellation
// propagates unless a child's error wins), twice in the exit wait, and a child converting its
// cancellation into an error; the task's cancelling() count when all is over, and whether the
// task ends cancelled or with the ExceptionGroup.

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
  print("  child raises", msg);
  throw new ValueError(msg);
});

const worker = aio.coroutine(function* worker(name, n, onCancel = null) {
  try {
    yield* ticks(n);
  } catch (e) {
    if (isCancel(e)) {
      print("  ", name, "cancelled", repr(str(e)));
      if (onCancel) throw new ValueError(onCancel);
    }
    throw e;
  }
  print("  ", name, "finished");
  return name;
});

const group = aio.coroutine(function* group(children, bodyTicks) {
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      for (const [name, coro] of children) tg.createTask(coro, { name });
      try {
        yield* ticks(bodyTicks);
        print("  body done", me.cancelling());
      } catch (e) {
        if (isCancel(e)) print("  body cancelled", repr(str(e)), me.cancelling(), R(tg));
        throw e;
      }
    });
  } catch (e) {
    print("  group raised", desc(e), "cancelling", me.cancelling());
    throw e;
  }
  return "group result";
});

const caseRun = aio.coroutine(function* caseRun(title, children, bodyTicks, cancels) {
  // cancels: list of [tick, message]: main cancels the group's task after that many ticks
  print("--", title);
  const t = aio.createTask(group(children, bodyTicks), { name: "G" });
  let tick = 0;
  for (const [at, msg] of cancels) {
    while (tick < at) {
      yield* aio.sleep(0);
      tick++;
    }
    print("  cancel at", tick, repr(msg), t.cancel(msg), t.cancelling());
  }
  try {
    const r = yield* t;
    print("  result", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  task cancelled", repr(str(e)), t.cancelled());
    else if (e instanceof aio.ExceptionGroup) print("  task failed", desc(e), t.cancelled());
    else throw e;
  }
  print("  final cancelling", t.cancelling(), "main", aio.currentTask().cancelling());
});

await aio.run(function* main() {
  yield* caseRun("outer cancel while all is quiet", [["w", worker("w", 10)]], 10, [[2, "outer"]]);
  yield* caseRun("outer cancel, a child turns it into an error",
    [["w", worker("w", 10, "cleanup failed")]], 10, [[2, "outer"]]);
  yield* caseRun("outer cancel in the iteration before the child fails",
    [["f", fail(3, "boom")], ["w", worker("w", 10)]], 10, [[2, "outer"]]);
  yield* caseRun("outer cancel after the child failed, before the body resumes",
    [["f", fail(1, "boom")], ["w", worker("w", 10)]], 10, [[2, "outer"]]);
  yield* caseRun("outer cancel during the exit wait",
    [["w", worker("w", 10)]], 1, [[3, "in exit"]]);
  yield* caseRun("outer cancel during the exit wait, a child fails on cancel",
    [["w", worker("w", 10, "late error")]], 1, [[3, "in exit"]]);
  yield* caseRun("two outer cancels during the exit wait",
    [["w", worker("w", 10)]], 1, [[3, "first"], [3, "second"]]);
  yield* caseRun("outer cancels on both sides of the failure",
    [["f", fail(2, "boom")], ["w", worker("w", 10)]], 10, [[1, "early"], [4, "late"]]);
  yield* caseRun("outer cancel with None message, child failing in the same tick",
    [["f", fail(2, "boom")]], 10, [[2, null]]);
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
