import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task cancelling itself: where the request is delivered (not at awaits that do not suspend),
// what it does to the task or gather it then awaits, uncancel() afterwards, and a child that
// cancels the very task awaiting it.

const isCancel = (e) => e instanceof aio.CancelledError;

const noSuspend = aio.coroutine(async function () {
  return "no-suspend";
});

const child = aio.coroutine(async function (name) {
  print(name, "started");
  try {
    await aio.sleep(0);
    await aio.sleep(0);
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled", repr(str(e)));
    throw e;
  }
  return name;
});

const outcome = aio.coroutine(async function (label, t) {
  try {
    const r = await t;
    print(label, "result", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

const throughDoneAwaits = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  const done = loop.createFuture();
  done.setResult("done-fut");
  print("cancel self ->", me.cancel("self-1"));
  print("await done future ->", await done);
  print("await coroutine ->", await noSuspend());
  const t = aio.createTask(noSuspend());
  try {
    await aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("delivered at sleep(0):", repr(str(e)), "task created meanwhile done:", t.done());
  }
  await aio.sleep(0);
  print("t", t.result());
  return "t1";
});

const thenUncancel = aio.coroutine(async function () {
  const me = aio.currentTask();
  me.cancel("self-2");
  print("uncancel ->", me.uncancel(), "cancelling", me.cancelling());
  try {
    await aio.sleep(0);
    print("not cancelled");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("still delivered:", repr(str(e)), "cancelling", me.cancelling());
  }
  return "t2";
});

const thenAwaitChild = aio.coroutine(async function () {
  const me = aio.currentTask();
  const c = aio.createTask(child("c3"));
  me.cancel("self-3");
  try {
    await c;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("awaiting the child raised", repr(str(e)), "child cancelled", c.cancelled(), "child cancelling", c.cancelling());
  }
  return "t3";
});

const thenAwaitGather = aio.coroutine(async function () {
  const me = aio.currentTask();
  const a = aio.createTask(child("a4"));
  const b = aio.createTask(child("b4"));
  await aio.sleep(0);
  me.cancel("self-4");
  try {
    await aio.gather(a, b);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)), "a", a.cancelled(), "b", b.cancelled());
  }
  await aio.sleep(0);
  return "t4";
});

const thenAwaitGatherReturnExceptions = aio.coroutine(async function () {
  const me = aio.currentTask();
  const a = aio.createTask(child("a5"));
  me.cancel("self-5");
  try {
    const r = await aio.gather(a, noSuspend(), { returnExceptions: true });
    print("gather returned", r);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("gather raised", repr(str(e)), "a", a.cancelled());
  }
  return "t5";
});

const cancelsItsAwaiter = aio.coroutine(async function (awaiterBox) {
  await aio.sleep(0);
  const awaiter = awaiterBox[0];
  const me = aio.currentTask();
  print("child cancels its awaiter ->", awaiter.cancel("from-child"), "awaiter cancelling", awaiter.cancelling(), "child cancelling", me.cancelling());
  try {
    await aio.sleep(0);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("child got it back", repr(str(e)));
    return "child-swallowed";
  }
  return "child-normal";
});

const awaitsChild = aio.coroutine(async function (box) {
  const c = aio.createTask(cancelsItsAwaiter(box));
  const r = await c;
  print("awaiter got", repr(r), "cancelling", aio.currentTask().cancelling());
  try {
    await aio.sleep(0);
    print("awaiter not cancelled again");
  } catch (e) {
    if (isCancel(e)) print("awaiter cancelled later");
    throw e;
  }
  return "t6";
});

await aio.run(async () => {
  print("-- self-cancel: awaits that do not suspend do not deliver it");
  await outcome("t1", aio.createTask(throughDoneAwaits()));
  print("-- self-cancel then uncancel (3.11: the request stays pending)");
  await outcome("t2", aio.createTask(thenUncancel()));
  print("-- self-cancel then await a new task: the cancel moves to it");
  await outcome("t3", aio.createTask(thenAwaitChild()));
  print("-- self-cancel then await gather");
  await outcome("t4", aio.createTask(thenAwaitGather()));
  print("-- self-cancel then await gather(return_exceptions=True)");
  await outcome("t5", aio.createTask(thenAwaitGatherReturnExceptions()));
  print("-- a child cancels the task that awaits it");
  const box = [];
  const t = aio.createTask(awaitsChild(box));
  box.push(t);
  await outcome("t6", t);
});
