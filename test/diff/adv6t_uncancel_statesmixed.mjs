import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// cancelling() and uncancel() across a task's life, with the repr's state word at each point:
// requests before the first step (the last message wins; uncancel() down to 0 does not withdraw
// them in 3.11: the task is still cancelled at its first step), uncancel() below zero, a request
// while the task runs (self-cancel) withdrawn by uncancel() before the next await (still
// delivered there), a task that catches the request, uncancel()s and goes on (a later request
// counts from 0 again), a task that catches and returns (done with cancelling() 1), cancel()
// and uncancel() on a done task (cancel() returns False and counts nothing; uncancel() still
// counts down), and a task that sees its own count from inside. Here the tasks' coroutines are
// async functions and main a generator.

function word(t) {
  return String(t).split(" ")[1];
}

function end(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      return "cancelled " + repr(str(e));
    }
  }
  if (t.exception() !== null) return "exception " + repr(t.exception());
  return "result " + repr(t.result());
}

const plain = aio.coroutine(function* plain() {
  print("    plain ran");
  yield* aio.sleep(0.01);
  return "plain";
});

const selfCanceller = aio.coroutine(async function self_canceller() {
  const me = aio.currentTask();
  print("    self cancel ->", me.cancel("self"), "cancelling", me.cancelling(), word(me));
  print("    uncancel ->", me.uncancel(), word(me));
  try {
    await aio.sleep(0);
    print("    not cancelled");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("    still delivered", repr(str(e)), "cancelling", me.cancelling());
  }
  return "went on";
});

const resister = aio.coroutine(async function resister(rounds) {
  const me = aio.currentTask();
  let n = 0;
  for (;;) {
    try {
      await aio.sleep(1);
      return "slept";
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      n += 1;
      print("    resister caught", repr(str(e)), "cancelling", me.cancelling(), word(me));
      if (n >= rounds) return `gave up resisting after ${n}`;
      print("    resister uncancel ->", me.uncancel(), word(me));
    }
  }
});

const main = aio.coroutine(function* main() {
  print("-- before the first step");
  let t = aio.createTask(plain(), { name: "P" });
  print("  ", [t.cancel("a"), t.cancel("b"), t.cancel("c")], "cancelling", t.cancelling(), word(t));
  print("   uncancel x3 ->", [t.uncancel(), t.uncancel(), t.uncancel()], word(t));
  print("   uncancel below zero ->", t.uncancel(), t.uncancel());
  yield* aio.sleep(0);
  print("  ", end(t), "cancelling", t.cancelling(), word(t));

  print("-- self-cancel withdrawn before the next await");
  t = aio.createTask(selfCanceller(), { name: "S" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("  ", end(t), "cancelling", t.cancelling());

  print("-- resisting with uncancel()");
  t = aio.createTask(resister(3), { name: "R" });
  yield* aio.sleep(0);
  for (const m of ["r1", "r2", "r3"]) {
    print("   cancel", m, "->", t.cancel(m), "cancelling", t.cancelling(), word(t));
    yield* aio.sleep(0);
  }
  print("  ", end(t), "cancelling", t.cancelling(), word(t));
  print("   cancel done ->", t.cancel("late"), "cancelling", t.cancelling());
  print("   uncancel done ->", t.uncancel(), t.uncancel(), word(t));

  print("-- two requests, one caught: the task returns");
  t = aio.createTask(resister(1), { name: "R1" });
  yield* aio.sleep(0);
  print("   cancels ->", t.cancel("x"), t.cancel("y"), "cancelling", t.cancelling());
  yield* aio.sleep(0);
  print("  ", end(t), "cancelling", t.cancelling());

  print("-- uncancel() of a waiting task before its wake-up");
  t = aio.createTask(resister(2), { name: "R2" });
  yield* aio.sleep(0);
  print("   cancel ->", t.cancel("w"), "uncancel ->", t.uncancel(), word(t));
  yield* aio.sleep(0);
  print("   cancel again ->", t.cancel("w2"), word(t));
  yield* aio.sleep(0);
  print("  ", end(t), "cancelling", t.cancelling());
  print("loop goes on", yield* aio.sleep(0, "ok"));
});

await aio.run(main);
