import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Done callbacks of TaskGroup children relative to the group's exit: the group's own callback is
// added first, so a child's user callbacks run after it and before the parent resumes; a callback
// added after the child finished; a callback cancelling a sibling (counted as cancelled, not an
// error); a callback on a failing child reading its exception; the parent task's own done callback;
// callSoon callbacks queued by the body before it exits.

const ValueError = errorClass("ValueError");
const isCancel = (e) => e instanceof aio.CancelledError;
const say = (...a) => print(" ", ...a);

const ticks = aio.coroutine(function* ticks(n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const child = aio.coroutine(function* child(name, n, exc = null) {
  try {
    yield* ticks(n);
  } catch (e) {
    if (isCancel(e)) say(name, "cancelled");
    throw e;
  }
  say(name, "returns");
  if (exc !== null) throw exc;
  return name;
});

function cb(label) {
  return (t) => {
    let state;
    if (t.cancelled()) state = "cancelled";
    else if (t.exception() !== null) state = "exception " + repr(str(t.exception()));
    else state = "result " + repr(t.result());
    say("cb", label, t.getName(), state);
  };
}

const case1 = aio.coroutine(function* case1() {
  print("-- user callbacks of the last child run before the parent resumes");
  let a, b;
  yield* aio.taskGroup(function* (tg) {
    a = tg.createTask(child("a", 1), { name: "a" });
    a.addDoneCallback(cb("first"));
    a.addDoneCallback(cb("second"));
    b = tg.createTask(child("b", 2), { name: "b" });
    b.addDoneCallback(cb("b1"));
    aio.getRunningLoop().callSoon(say, "call_soon from the body");
    say("body ends");
  });
  say("group exited", a.done(), b.done());
});

const case2 = aio.coroutine(function* case2() {
  print("-- a callback added to a finished child during the exit wait");
  yield* aio.taskGroup(function* (tg) {
    const a = tg.createTask(child("a", 1), { name: "a" });
    tg.createTask(child("b", 3), { name: "b" });
    yield* ticks(2);
    say("a done", a.done());
    a.addDoneCallback(cb("late"));
    say("body ends");
  });
  say("group exited");
});

const case3 = aio.coroutine(function* case3() {
  print("-- a child's callback cancels a sibling");
  let a, b;
  yield* aio.taskGroup(function* (tg) {
    b = tg.createTask(child("b", 5), { name: "b" });
    a = tg.createTask(child("a", 1), { name: "a" });
    a.addDoneCallback((t) => say("cancel b", b.cancel()));
    b.addDoneCallback(cb("b"));
  });
  say("group exited", b.cancelled(), a.result());
});

const case4 = aio.coroutine(function* case4() {
  print("-- callbacks on a failing child and on a sibling cancelled by the group");
  const me = aio.currentTask();
  try {
    yield* aio.taskGroup(function* (tg) {
      const f = tg.createTask(child("f", 1, new ValueError("bad")), { name: "f" });
      f.addDoneCallback(cb("f"));
      const s = tg.createTask(child("s", 5), { name: "s" });
      s.addDoneCallback(cb("s"));
      try {
        yield* ticks(10);
      } catch (e) {
        if (isCancel(e)) say("body cancelled", me.cancelling());
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    say("group", str(eg), eg.errors.map(str));
  }
  say("cancelling", me.cancelling());
});

const grouped = aio.coroutine(function* grouped() {
  yield* aio.taskGroup(function* (tg) {
    const c = tg.createTask(child("c", 1), { name: "c" });
    c.addDoneCallback(cb("c"));
  });
  say("grouped body done");
  return "G result";
});

const case5 = aio.coroutine(function* case5() {
  print("-- the parent task's done callback");
  const t = aio.createTask(grouped(), { name: "G" });
  t.addDoneCallback(cb("parent"));
  const r = yield* t;
  say("awaited", r);
});

await aio.run(function* main() {
  for (const c of [case1, case2, case3, case4, case5]) {
    yield* c();
    yield* ticks(2);
  }
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
