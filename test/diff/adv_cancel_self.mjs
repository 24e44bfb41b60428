import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task cancelling itself: where the request is delivered (not at awaits that do not suspend),
// what it does to the task or gather it then awaits, uncancel() afterwards, and a child that
// cancels the very task awaiting it.

const isCancel = (e) => e instanceof aio.CancelledError;

const noSuspend = aio.coroutine(function* () {
  return "no-suspend";
});

const child = aio.coroutine(function* (name) {
  print(name, "started");
  try {
    yield* aio.sleep(0);
    yield* aio.sleep(0);
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled", repr(str(e)));
    throw e;
  }
  return name;
});

const outcome = aio.coroutine(function* (label, t) {
  try {
    const r = yield* t;
    print(label, "result", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

const throughDoneAwaits = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const done = loop.createFuture();
  done.setResult("done-fut");
  print("cancel self ->", me.cancel("self-1"));
  print("await done future ->", yield* done);
  print("await coroutine ->", yield* noSuspend());
  const t = aio.createTask(noSuspend());
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("delivered at sleep(0):", repr(str(e)), "task created meanwhile done:", t.done());
  }
  yield* aio.sleep(0);
  print("t", t.result());
  return "t1";
});

const thenUncancel = aio.coroutine(function* () {
  const me = aio.currentTask();
  me.cancel("self-2");
  print("uncancel ->", me.uncancel(), "cancelling", me.cancelling());
  try {
    yield* aio.sleep(0);
    print("not cancelled");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("still delivered:", repr(str(e)), "cancelling", me.cancelling());
  }
  return "t2";
});

const thenAwaitChild = aio.coroutine(function* () {
  const me = aio.currentTask();
  const c = aio.createTask(child("c3"));
  me.cancel("self-3");
  try {
    yield* c;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("awaiting the child raised", repr(str(e)), "child cancelled", c.cancelled(), "child cancelling", c.cancelling());
  }
  return "t3";
});

const thenAwaitGather = aio.coroutine(function* () {
  const me = aio.currentTask();
  const a = aio.createTask(child("a4"));
  const b = aio.createTask(child("b4"));
  yield* aio.sleep(0);
  me.cancel("self-4");
  try {
    yield* aio.gather(a, b);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)), "a", a.cancelled(), "b", b.cancelled());
  }
  yield* aio.sleep(0);
  return "t4";
});

const thenAwaitGatherReturnExceptions = aio.coroutine(function* () {
  const me = aio.currentTask();
  const a = aio.createTask(child("a5"));
  me.cancel("self-5");
  try {
    const r = yield* aio.gather(a, noSuspend(), { returnExceptions: true });
    print("gather returned", r);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)), "a", a.cancelled());
  }
  return "t5";
});

const cancelsItsAwaiter = aio.coroutine(function* (awaiterBox) {
  yield* aio.sleep(0);
  const awaiter = awaiterBox[0];
  const me = aio.currentTask();
  print("child cancels its awaiter ->", awaiter.cancel("from-child"), "awaiter cancelling", awaiter.cancelling(), "child cancelling", me.cancelling());
  try {
    yield* aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("child got it back", repr(str(e)));
    return "child-swallowed";
  }
  return "child-normal";
});

const awaitsChild = aio.coroutine(function* (box) {
  const c = aio.createTask(cancelsItsAwaiter(box));
  const r = yield* c;
  print("awaiter got", repr(r), "cancelling", aio.currentTask().cancelling());
  try {
    yield* aio.sleep(0);
    print("awaiter not cancelled again");
  } catch (e) {
    if (isCancel(e)) print("awaiter cancelled later");
    throw e;
  }
  return "t6";
});

await aio.run(function* () {
  print("-- self-cancel: awaits that do not suspend do not deliver it");
  yield* outcome("t1", aio.createTask(throughDoneAwaits()));
  print("-- self-cancel then uncancel (3.11: the request stays pending)");
  yield* outcome("t2", aio.createTask(thenUncancel()));
  print("-- self-cancel then await a new task: the cancel moves to it");
  yield* outcome("t3", aio.createTask(thenAwaitChild()));
  print("-- self-cancel then await gather");
  yield* outcome("t4", aio.createTask(thenAwaitGather()));
  print("-- self-cancel then await gather(return_exceptions=True)");
  yield* outcome("t5", aio.createTask(thenAwaitGatherReturnExceptions()));
  print("-- a child cancels the task that awaits it");
  const box = [];
  const t = aio.createTask(awaitsChild(box));
  box.push(t);
  yield* outcome("t6", t);
});
