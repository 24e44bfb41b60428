import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Cancellation meeting cleanup code: a second cancel while a finally block awaits, a task that
// catches CancelledError and returns, cancel() requested inside finally / right before return,
// several cancels with different messages, a cancel that lands after the awaited future is done.

class Oops extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "Oops";
  }
}

const isCancel = (e) => e instanceof aio.CancelledError;

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const outcome = aio.coroutine(function* (label, t) {
  try {
    const r = yield* t;
    print(label, "result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  } catch (e) {
    if (isCancel(e)) print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
    else print(label, "raised", e.name, repr(str(e)), "cancelling", t.cancelling());
  }
});

const cleanupInFinally = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(10);
  } finally {
    print(name, "finally starts");
    try {
      yield* ticks(3);
      print(name, "cleanup done");
    } catch (e) {
      if (isCancel(e)) print(name, "cleanup interrupted", repr(str(e)));
      throw e;
    }
  }
});

const catchAndReturn = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(name, "caught", repr(str(e)));
    yield* aio.sleep(0);
    return name + " returned";
  }
});

const exceptThenAwait = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(name, "caught", repr(str(e)));
    try {
      yield* aio.sleep(10);
    } catch (e2) {
      if (isCancel(e2)) print(name, "caught again", repr(str(e2)));
      throw e2;
    }
  }
});

const cancelInFinally = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(0);
    return 5;
  } finally {
    print(name, "cancels itself in finally ->", aio.currentTask().cancel("fin"));
  }
});

const cancelThenRaise = aio.coroutine(function* (name) {
  yield* aio.sleep(0);
  aio.currentTask().cancel("ignored");
  throw new Oops("after cancel");
});

const cancelThenCatchThenReturn = aio.coroutine(function* (name) {
  const me = aio.currentTask();
  me.cancel("one");
  me.cancel("two");
  print(name, "cancelling", me.cancelling());
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(name, "caught", repr(str(e)), "cancelling", me.cancelling());
  }
  print(name, "uncancel ->", me.uncancel(), me.uncancel(), me.uncancel());
  yield* aio.sleep(0);
  return "survived";
});

const neverStarted = aio.coroutine(function* (name) {
  print(name, "should not run");
});

const waitsOn = aio.coroutine(function* (fut, name) {
  try {
    const v = yield* fut;
    print(name, "got", v);
    return v;
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled although the future is done:", fut.done(), "result", fut.result(), repr(str(e)));
    throw e;
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- a second cancel while finally awaits");
  let t = aio.createTask(cleanupInFinally("f1"));
  yield* ticks(1);
  t.cancel("first");
  yield* ticks(2);
  print("cancel again ->", t.cancel("second"));
  yield* outcome("f1", t);

  print("-- the finally block completes: the first message stays");
  t = aio.createTask(cleanupInFinally("f2"));
  yield* ticks(1);
  t.cancel("first");
  yield* outcome("f2", t);

  print("-- catch CancelledError and return a value");
  t = aio.createTask(catchAndReturn("c1"));
  yield* ticks(1);
  print("cancel ->", t.cancel("please"));
  yield* outcome("c1", t);
  print("uncancel ->", t.uncancel(), "cancel done task ->", t.cancel());

  print("-- the except block awaits and is cancelled again");
  t = aio.createTask(exceptThenAwait("e1"));
  yield* ticks(1);
  t.cancel("m1");
  yield* ticks(1);
  t.cancel("m2");
  yield* outcome("e1", t);

  print("-- cancel() inside finally after return");
  t = aio.createTask(cancelInFinally("r1"));
  yield* outcome("r1", t);
  attempt("r1 result again", () => t.result());

  print("-- cancel() then raise another exception");
  t = aio.createTask(cancelThenRaise("x1"));
  yield* outcome("x1", t);

  print("-- two self-cancels, caught, uncancel below zero");
  t = aio.createTask(cancelThenCatchThenReturn("s1"));
  yield* outcome("s1", t);

  print("-- cancelled twice before the first step, different messages");
  t = aio.createTask(neverStarted("n1"));
  print("cancel a ->", t.cancel("a"), "cancel b ->", t.cancel("b"), "cancelling", t.cancelling());
  yield* outcome("n1", t);
  attempt("n1 result", () => t.result());

  print("-- cancelled after its future got a result, before the wake-up ran");
  let fut = loop.createFuture();
  t = aio.createTask(waitsOn(fut, "w1"));
  yield* ticks(1);
  fut.setResult(42);
  print("cancel ->", t.cancel("late"));
  yield* outcome("w1", t);

  print("-- cancelled after its future failed, before the wake-up ran");
  fut = loop.createFuture();
  t = aio.createTask(waitsOn(fut, "w2"));
  yield* ticks(1);
  fut.setException(new Oops("fut failed"));
  print("cancel ->", t.cancel("late2"));
  yield* outcome("w2", t);
  attempt("fut exception", () => str(fut.exception()));
});
