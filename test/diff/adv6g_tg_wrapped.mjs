import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A TaskGroup as the awaitable of other combinators: under waitFor (the deadline cancels the
// group's task: TimeoutError, or the group's errors when a child fails in reply), under shield
// (the outer await cancelled, the group finishing on its own), in gather with returnExceptions
// (the ExceptionGroup as a result), several groups in gather failing together, and a body that
// uncancels its own task after the group's cancellation (the exit's uncancel() then goes below).

const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
const strOf = (e) => (e.name === "KeyError" ? repr(e.message) : str(e));
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(strOf(e))})`;
}

const sleeper = aio.coroutine(function* sleeper(name, d) {
  try {
    yield* aio.sleep(d);
    print("  ", name, "woke");
    return name;
  } catch (e) {
    if (isCancel(e)) print("  ", name, "cancelled");
    throw e;
  }
});

const fail = aio.coroutine(function* fail(n, msg) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  throw new ValueError(msg);
});

const fail_on_cancel = aio.coroutine(function* fail_on_cancel(msg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  ", msg, "fails on cancel");
    throw new KeyError(msg);
  }
});

function group(coros, result = "group-result") {
  return aio.coroutine(function* group() {
    yield* aio.taskGroup(function* (tg) {
      for (const c of coros) tg.createTask(c);
    });
    return result;
  })();
}

const attempt = aio.coroutine(function* attempt(label, aw) {
  print("--", label);
  try {
    const r = yield* aw;
    print("  result", repr(r));
  } catch (e) {
    print("  raised", desc(e));
  }
});

const uncancelling_body = aio.coroutine(function* uncancelling_body() {
  const me = aio.currentTask();
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(fail(1, "boom"));
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  body uncancels ->", me.uncancel());
    }
  });
  return "unreached";
});

await aio.run(function* main() {
  yield* attempt("wait_for expires over a group", aio.waitFor(group([sleeper("a", 10)]), 0.1));
  yield* attempt("wait_for: a child fails in reply to the deadline", aio.waitFor(group([fail_on_cancel("k"), aio.sleep(10)]), 0.1));
  yield* attempt("wait_for: the group ends in time", aio.waitFor(group([sleeper("c", 0.01)]), 5));
  yield* attempt("wait_for: a child fails first", aio.waitFor(group([fail(2, "early"), sleeper("d", 10)]), 5));

  print("-- shield: the outer await cancelled, the group goes on");
  const inner = aio.ensureFuture(group([sleeper("e", 0.2)], "shielded"));
  const outer = aio.createTask(attempt("shielded await", aio.shield(inner)));
  yield* aio.sleep(0.05);
  outer.cancel();
  yield* aio.gather(outer, { returnExceptions: true });
  print("  outer cancelled", outer.cancelled(), "inner done", inner.done());
  print("  inner result", yield* inner);

  print("-- gather with return_exceptions over groups");
  const rs = yield* aio.gather(group([fail(1, "g1")]), group([sleeper("f", 0.01)]), group([fail(3, "g3"), fail(3, "g3b")]), {
    returnExceptions: true,
  });
  for (const r of rs) print("  ", r instanceof Error ? desc(r) : repr(r));

  print("-- gather without return_exceptions: the first group error, the others go on");
  const g2 = aio.gather(group([fail(1, "first")]), group([sleeper("g", 0.05)], "late"));
  try {
    yield* g2;
  } catch (e) {
    print("  raised", desc(e));
  }
  yield* aio.sleep(0.1);
  print("  gather done", g2.done());

  yield* attempt("body uncancels its own task", aio.createTask(uncancelling_body()));
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
