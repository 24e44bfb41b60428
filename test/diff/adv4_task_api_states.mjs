import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// The Task API in odd states: result()/exception() of a pending task, of one being cancelled
// (still pending), of a cancelled one (with and without a message, read twice), of a failed
// one; getCoro() identity before, during and after; done callbacks interleaved with the
// wake-ups of tasks awaiting the same task (registration order), a callback added to a done
// task, removeDoneCallback() counts, cancel() from a task's own done callback; currentTask()
// inside an exception handler called from a task and from a loop callback; results of
// unusual types shown in the repr (floats, nan, inf, -0.0, long lists, nested lists).

const KeyError = errorClass("KeyError");
const ValueError = errorClass("ValueError");

function show(label, obj) {
  print(label, String(obj));
}

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    // Python's str() of a KeyError is the repr of its key.
    print(label, "raised", e.name, repr(e.name === "KeyError" ? repr(e.message) : str(e)));
  }
}

const waitOn = aio.coroutine(function* wait_on(fut) {
  return yield* fut;
});

const fails = aio.coroutine(function* fails() {
  yield* aio.sleep(0);
  throw new KeyError("k");
});

const awaiter = aio.coroutine(function* awaiter(name, t) {
  const r = yield* t;
  print("  awaiter", name, "woke with", repr(r));
});

const give = aio.coroutine(function* give(v) {
  return v;
});

function handler(loop, context) {
  const t = aio.currentTask();
  print("  handler:", context.message, "current:", t === null ? null : t.getName());
}

function callback1(fut) {
  print("  callback 1, current:", aio.currentTask());
}

function callback2(fut) {
  print("  callback 2");
}

function added_by_3(fut) {
  print("  callback added by callback 3");
}

function soon_from_3() {
  print("  call_soon from callback 3");
}

function cb3(fut) {
  print("  callback 3 cancel() on itself ->", fut.cancel(), "cancelling", fut.cancelling());
  aio.getRunningLoop().callSoon(soon_from_3);
  fut.addDoneCallback(added_by_3);
}

function bad() {
  throw new ValueError("cb failed");
}

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);

  print("-- result()/exception() by state");
  let f = loop.createFuture();
  const t = aio.createTask(waitOn(f), { name: "t" });
  const coro = t.getCoro();
  attempt("pending result", () => t.result());
  attempt("pending exception", () => t.exception());
  yield* aio.sleep(0);
  print("get_coro same while waiting", t.getCoro() === coro);
  t.cancel("m1");
  attempt("cancelling result", () => t.result());
  attempt("cancelling exception", () => t.exception());
  print("done", t.done(), "cancelled", t.cancelled());
  yield* aio.sleep(0);
  attempt("cancelled exception", () => t.exception());
  attempt("cancelled result", () => t.result());
  attempt("cancelled result again", () => t.result());
  print("get_coro same when done", t.getCoro() === coro);
  const e = aio.createTask(fails(), { name: "e" });
  yield* aio.wait([e]);
  attempt("failed result", () => e.result());
  attempt("failed exception", () => e.exception());
  show("failed repr", e);

  print("-- done callbacks and awaiters of one task, in registration order");
  f = loop.createFuture();
  const target = aio.createTask(waitOn(f), { name: "target" });
  target.addDoneCallback(callback1);
  const w1 = aio.createTask(awaiter("w1", target), { name: "w1" });
  yield* aio.sleep(0);
  target.addDoneCallback(callback2);
  const w2 = aio.createTask(awaiter("w2", target), { name: "w2" });
  yield* aio.sleep(0);

  target.addDoneCallback(cb3);
  target.addDoneCallback(cb3);
  show("target", target);
  print("removed cb3", target.removeDoneCallback(cb3), "again", target.removeDoneCallback(cb3));
  target.addDoneCallback(cb3);
  show("target", target);
  f.setResult("F");
  loop.callSoon(() => print("  call_soon after set_result"));
  yield* aio.gather(w1, w2);
  target.addDoneCallback((fut) => print("  callback on a done task"));
  loop.callSoon(() => print("  call_soon after it"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  print("-- current_task() in exception handlers");
  loop.callExceptionHandler({ message: "from main" });
  loop.callSoon((ctx) => loop.callExceptionHandler(ctx), { message: "from call_soon" });

  loop.callSoon(bad);
  yield* aio.sleep(0);

  print("-- results of odd types");
  for (const v of [0.1, 1e-7, NaN, Infinity, -0, 2.5e20, Array.from({ length: 10 }, (_, i) => i), [[[[[[[1]]]]]]], [[[[[[1]]]]]], [], ["a".repeat(40)]]) {
    const r = aio.createTask(give(v), { name: "r" });
    yield* r;
    show("  result", r);
  }
});

await aio.run(main);
