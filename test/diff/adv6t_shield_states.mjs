import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// shield() of a task in every state: done (the task itself comes back), failed, cancelled
// (awaiting it raises the saved CancelledError, then a fresh one), pending and then cancelled
// with a message (the outer is cancelled without one), pending and the outer cancelled with a
// message while the inner later fails (its exception is retrieved by shield: nothing is
// reported) or is cancelled, the outer and the inner cancelled in the same iteration (the
// inner's callback finds the outer cancelled), and a shield of a shield. An exception handler
// prints anything reported; the loop keeps working after each case.

function desc(x) {
  if (x instanceof Error) return x.name + "(" + repr(str(x)) + ")";
  return repr(x);
}

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return "exception " + desc(f.exception());
  return "result " + repr(f.result());
}

const work = aio.coroutine(function* work(label, delay, mode = "ok") {
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("   ", label, "inner cancelled", repr(str(e)));
    throw e;
  }
  if (mode === "fail") throw new ValueError(label);
  return label;
});

const guarded = aio.coroutine(function* guarded(label, aw) {
  const me = aio.currentTask();
  try {
    const r = yield* aw;
    print("   ", label, "awaiter got", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) print("   ", label, "awaiter CancelledError", repr(str(e)), "cancelling", me.cancelling());
    else if (e instanceof ValueError) print("   ", label, "awaiter", desc(e));
    else throw e;
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler((l, ctx) => print("   HANDLER", ctx.message, desc(ctx.exception)));

  print("-- done, failed and cancelled tasks come back as they are");
  const tOk = aio.createTask(work("ok", 0));
  const tBad = aio.createTask(work("bad", 0, "fail"));
  const tCan = aio.createTask(work("can", 1));
  yield* aio.sleep(0);
  tCan.cancel("can msg");
  yield* aio.sleep(0.01);
  for (const t of [tOk, tBad, tCan]) {
    const s = aio.shield(t);
    print("  shield is task", s === t, !t.cancelled() ? state(t) : "cancelled");
  }
  yield* guarded("ok", aio.shield(tOk));
  yield* guarded("bad", aio.shield(tBad));
  yield* guarded("can-1", aio.shield(tCan));
  yield* guarded("can-2", aio.shield(tCan));

  print("-- inner cancelled with a message while shielded");
  let inner = aio.createTask(work("i1", 1));
  let outer = aio.shield(inner);
  let g = aio.createTask(guarded("i1", outer));
  yield* aio.sleep(0);
  print("  inner.cancel ->", inner.cancel("inner msg"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("  outer", state(outer), "inner", state(inner), "awaiter done", g.done());
  try {
    outer.result();
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  outer result raises", repr(str(e)));
  }

  print("-- outer cancelled with a message, inner later fails / is cancelled / succeeds");
  for (const mode of ["fail", "cancel", "ok"]) {
    inner = aio.createTask(work("i2-" + mode, 0.02, mode === "fail" ? "fail" : "ok"));
    outer = aio.shield(inner);
    g = aio.createTask(guarded("i2-" + mode, outer));
    yield* aio.sleep(0);
    print("  outer.cancel ->", outer.cancel("outer msg"), "inner cancelling", inner.cancelling());
    yield* aio.sleep(0);
    print("  awaiter done", g.done(), "inner", state(inner));
    if (mode === "cancel") inner.cancel("later");
    yield* aio.sleep(0.05);
    print("  inner finally", state(inner));
  }

  print("-- outer and inner cancelled in the same iteration");
  for (const first of ["outer", "inner"]) {
    inner = aio.createTask(work("i3-" + first, 1));
    outer = aio.shield(inner);
    yield* aio.sleep(0);
    if (first === "outer") print("  cancels ->", outer.cancel("o"), inner.cancel("i"));
    else print("  cancels ->", inner.cancel("i"), outer.cancel("o"));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print("  outer", state(outer), "inner", state(inner));
    try {
      outer.result();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  outer message", repr(str(e)));
    }
  }

  print("-- shield of a shield, the middle one cancelled");
  inner = aio.createTask(work("i4", 0.02));
  const mid = aio.shield(inner);
  const top = aio.shield(mid);
  g = aio.createTask(guarded("top", top));
  yield* aio.sleep(0);
  print("  mid.cancel ->", mid.cancel("mid msg"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("  top", state(top), "mid", state(mid), "inner", state(inner), "awaiter done", g.done());
  yield* aio.sleep(0.05);
  print("  inner", state(inner));

  print("-- shield of a coroutine: the task it makes");
  outer = aio.shield(work("coro", 0));
  print("  outer is a future", aio.isFuture(outer), "task count", [...aio.allTasks()].filter((t) => t !== aio.currentTask()).length);
  print("  got", yield* outer);
  print("loop goes on", yield* aio.sleep(0, "ok"));
});

await aio.run(main);
