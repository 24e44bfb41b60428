import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Children of a TaskGroup whose sleeps fall due in one loop iteration (the body blocks past all the
// deadlines): the errors come in deadline order, not creation order; a callAt() cancelling the
// group's task due between two children's deadlines; a child that swallows the group's cancel and
// a child due in the same iteration that succeeds; a child due but not yet stepped when the
// group aborts (it is cancelled all the same). Deadlines are far apart relative to scheduling
// noise, and all are past when the loop next looks.

const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(str(e))})`;
}
const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;

const child = aio.coroutine(function* child(name, d, fail = true, swallow = false) {
  try {
    yield* aio.sleep(d);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  ", name, "cancelled", repr(str(e)));
    if (swallow) return name + " swallowed";
    throw e;
  }
  print("  ", name, "wakes");
  if (fail) throw new ValueError(name);
  return name;
});

const group = aio.coroutine(function* group(spec, cancelAt) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  yield* aio.taskGroup(function* (tg) {
    for (const [name, d, fail, swallow] of spec) tg.createTask(child(name, d, fail, swallow), { name });
    yield* aio.sleep(0);
    if (cancelAt !== null) {
      loop.callAt(loop.time() + cancelAt, () => print("  timer cancels G", me.cancel("timer"), me.cancelling()));
    }
    block(0.2);
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (isCancel(e)) print("  body cancelled", repr(str(e)), me.cancelling());
      throw e;
    }
  });
  return "unreached";
});

const caseRun = aio.coroutine(function* caseRun(title, spec, cancelAt = null) {
  print("--", title);
  const t = aio.createTask(group(spec, cancelAt), { name: "G" });
  try {
    yield* t;
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("  group", desc(e), "cancelling", t.cancelling());
    else if (isCancel(e)) print("  G cancelled", repr(str(e)), t.cancelling());
    else throw e;
  }
});

await aio.run(function* main() {
  yield* caseRun("three due together, created in reverse deadline order",
    [["c", 0.12, true, false], ["b", 0.07, true, false], ["a", 0.02, true, false]]);
  yield* caseRun("a success and a failure due together",
    [["ok", 0.02, false, false], ["bad", 0.07, true, false], ["late", 1, true, false]]);
  yield* caseRun("an outer cancel due between two failures",
    [["a", 0.02, true, false], ["b", 0.12, true, false]], 0.07);
  yield* caseRun("an outer cancel due before any failure",
    [["a", 0.07, true, false]], 0.02);
  yield* caseRun("an outer cancel, the only child swallows it",
    [["s", 1, true, true]], 0.02);
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
