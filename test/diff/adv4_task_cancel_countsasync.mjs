import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// cancel() return values, cancelling()/uncancel() arithmetic and which message wins when a
// task is cancelled several times: before its first step, while it waits on a future, while
// it runs (self-cancel), and while it waits on a task that swallows the cancellation. 3.11's
// uncancel() down to 0 does not withdraw a pending request (the repr goes back to 'pending').
// Each task's coroutine awaits an inner coroutine that does the work.

function show(label, obj) {
  print(label, String(obj));
}

function isCancel(e) {
  return e instanceof aio.CancelledError;
}

const body = aio.coroutine(async function body(label, fut) {
  return await bodyInner(label, fut);
});

const bodyInner = aio.coroutine(async function body_inner(label, fut) {
  try {
    await fut;
  } catch (e) {
    if (!isCancel(e)) throw e;
    const t = aio.currentTask();
    print(label, "caught", repr(str(e)), "cancelling", t.cancelling());
    print(label, "uncancel ->", t.uncancel(), "uncancel ->", t.uncancel());
    try {
      await aio.sleep(0);
      print(label, "slept on after uncancel");
    } catch (e2) {
      if (isCancel(e2)) print(label, "cancelled again", repr(str(e2)));
      throw e2;
    }
    return "survived";
  }
  return "not cancelled";
});

const never = aio.coroutine(async function never(label) {
  print(label, "body ran");
});

const selfish = aio.coroutine(async function selfish(label) {
  return await selfishInner(label);
});

const selfishInner = aio.coroutine(async function selfish_inner(label) {
  const t = aio.currentTask();
  print(label, "self cancel ->", t.cancel("self"), "cancelling", t.cancelling());
  show(label + " running repr", t);
  if (label === "E2") print(label, "second self cancel ->", t.cancel("again"), "cancelling", t.cancelling());
  if (label === "E3") print(label, "self cancel without msg ->", t.cancel(), "cancelling", t.cancelling());
  try {
    await aio.sleep(0);
  } catch (e) {
    if (isCancel(e)) print(label, "caught", repr(str(e)), "cancelling", t.cancelling());
    throw e;
  }
});

const swallow = aio.coroutine(async function swallow(fut) {
  return await swallowInner(fut);
});

const swallowInner = aio.coroutine(async function swallow_inner(fut) {
  try {
    await fut;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("inner swallowed", repr(str(e)), "cancelling", aio.currentTask().cancelling());
  }
  await aio.sleep(0);
  return "inner result";
});

const outerOf = aio.coroutine(async function outer_of(t) {
  const r = await t;
  print("outer got", repr(r), "cancelling", aio.currentTask().cancelling());
  return r;
});

function outcome(label, t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      if (isCancel(e)) print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
      else throw e;
    }
  } else {
    print(label, "result", repr(t.result()), "cancelling", t.cancelling());
  }
}

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();

  print("-- A: two messages before the first step, then uncancel to 0");
  const a = aio.createTask(never("A"), { name: "A" });
  print("cancel A ->", a.cancel("A1"), a.cancel("A2"), "cancelling", a.cancelling());
  show("A", a);
  print("uncancel", a.uncancel(), a.uncancel(), a.uncancel());
  show("A after uncancel", a);
  await aio.sleep(0);
  outcome("A", a);
  print("cancel done A ->", a.cancel("late"), "cancelling", a.cancelling(), "uncancel", a.uncancel());

  print("-- B: message then no message before the first step");
  const b = aio.createTask(never("B"), { name: "B" });
  print("cancel B ->", b.cancel("B1"), b.cancel());
  await aio.sleep(0);
  outcome("B", b);
  const b2 = aio.createTask(never("B2"), { name: "B2" });
  print("cancel B2 ->", b2.cancel(), b2.cancel("B2 msg"));
  await aio.sleep(0);
  outcome("B2", b2);

  print("-- C: waiting on a future, cancelled twice; the body catches and uncancels");
  for (const [label, msgs] of [["C1", ["first", "second"]], ["C2", [undefined, "second"]], ["C3", ["first", undefined]], ["C4", ["only"]]]) {
    const f = loop.createFuture();
    const c = aio.createTask(body(label, f), { name: label });
    await aio.sleep(0);
    print("cancel", label, "->", msgs.map((m) => c.cancel(m)), "cancelling", c.cancelling());
    show(label, c);
    print(label, "future", f.cancelled());
    for (let i = 0; i < 3; i++) await aio.sleep(0);
    outcome(label, c);
  }

  print("-- E: self-cancel while running");
  for (const label of ["E1", "E2", "E3"]) {
    const e = aio.createTask(selfish(label), { name: label });
    await aio.sleep(0);
    await aio.sleep(0);
    outcome(label, e);
  }

  print("-- F: cancelling a task that waits on a task that swallows");
  const f = loop.createFuture();
  const inner = aio.createTask(swallow(f), { name: "inner" });
  const outer = aio.createTask(outerOf(inner), { name: "outer" });
  await aio.sleep(0);
  print("cancel outer ->", outer.cancel("o1"), outer.cancel("o2"));
  print("cancelling outer", outer.cancelling(), "inner", inner.cancelling());
  show("outer", outer);
  for (let i = 0; i < 4; i++) await aio.sleep(0);
  outcome("inner", inner);
  outcome("outer", outer);
});

await aio.run(main);
