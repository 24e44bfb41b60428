import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// One coroutine object wanted by two tasks: task A is suspended inside it (a few levels deep)
// when task B awaits it too. B gets a RuntimeError at once, at its await (asyncio says 'coroutine
// is being awaited already', aionode 'cannot reuse already awaited coroutine': printed as its
// type), unwinding B's own finally clauses, while A goes on undisturbed inside the coroutine and
// gets its result. Once the coroutine finished, or was closed by a cancellation of A, or failed,
// every further await raises 'cannot reuse already awaited coroutine'. The loop goes on.
// Mixed: the shared coroutine and the holders are async functions, the levels generators.

function say(...a) {
  print("   ", ...a);
}

const shared = aio.coroutine(async function (tag, fut) {
  say(tag, "shared starts in", aio.currentTask().getName());
  try {
    const v = await fut;
    say(tag, "shared got", repr(v), "in", aio.currentTask().getName());
    if (v === "fail") throw new ValueError("shared failed");
    return "S-" + v;
  } finally {
    say(tag, "shared finally in", aio.currentTask().getName());
  }
});

const level = aio.coroutine(function* (n, c) {
  try {
    if (n === 0) return yield* c;
    return yield* level(n - 1, c);
  } finally {
    say(aio.currentTask().getName(), "level", n, "finally");
  }
});

const holder = aio.coroutine(async function (c, depth) {
  try {
    const r = await level(depth, c);
    say(aio.currentTask().getName(), "got", repr(r));
    return r;
  } catch (e) {
    if (e instanceof aio.RuntimeError) {
      say(aio.currentTask().getName(), "RuntimeError");
      return "refused";
    }
    if (e instanceof ValueError) {
      say(aio.currentTask().getName(), "ValueError", repr(str(e)));
      return "failed";
    }
    throw e;
  }
});

const late = aio.coroutine(function* (c, name) {
  try {
    yield* c;
    say(name, "awaited it?");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    say(name, "->", repr(str(e)));
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  for (const outcome of ["ok", "fail", "cancel"]) {
    print("== outcome", outcome);
    const fut = loop.createFuture();
    const c = shared(outcome, fut);
    const a = aio.createTask(holder(c, 2), { name: "A" });
    yield* aio.sleep(0);
    const b = aio.createTask(holder(c, 1), { name: "B" });
    yield* aio.sleep(0);
    print("B done", b.done(), "result", b.done() ? repr(b.result()) : null, "A done", a.done());
    if (outcome === "cancel") print("cancel A ->", a.cancel("stop A"));
    else fut.setResult(outcome);
    try {
      print("A result", repr(yield* a));
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("A cancelled", repr(str(e)));
    }
    yield* late(c, "main");
    yield* aio.createTask(late(c, "C"), { name: "C" });
  }
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
});
