import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Tasks cancelled before their first step, on raw generator objects (which asyncio 3.11's tasks
// take) in every state a generator can be handed over in. A fresh generator: the CancelledError
// is thrown in before its body starts, so nothing runs (no finally: the try was never entered),
// and the generator is finished: a later next() is done at once (value None).
// One advanced by hand to a bare yield inside its try: the CancelledError lands there, in the
// task's first step, where the generator catches it and yields again or returns (the task then
// ends with a result, cancelling() still 1), or lets it through its finally. One advanced by hand
// into a `yield*` of a pending future: the error lands at that await (the future, marked by
// the hand-run, stays pending: a direct await of it raises "await wasn't used with future"). One
// run to its end by hand: the task is cancelled without stepping it. Each case also without
// the cancel (the hand-run future's await then fails at the first step), and with two cancels
// (the last message wins). Then the loop goes on.

const ran = [];

function name() {
  const t = aio.currentTask();
  return t !== null ? t.getName() : null;
}

function* body(tag, mode, fut = null) {
  ran.push(tag);
  try {
    print("  ", tag, "body entered in", name());
    let r;
    if (fut !== null) {
      r = yield* fut;
      print("  ", tag, "future gave", repr(r), "in", name());
    } else {
      r = yield;
      print("  ", tag, "bare yield gave", repr(r), "in", name());
    }
    yield;
    return tag + "-done";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  ", tag, "caught CancelledError", repr(e.message), "in", name(),
      "cancelling", aio.currentTask().cancelling());
    if (mode === "raise") throw e;
    if (mode === "reyield") {
      const r = yield;
      print("  ", tag, "yielded again, got", repr(r), "in", name());
      yield;
    }
    return tag + "-swallowed";
  } finally {
    print("  ", tag, "finally in", name());
  }
}

const direct = aio.coroutine(function* (f) {
  try {
    print("   direct await got", repr(yield* f));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("   direct await RuntimeError", repr(e.message));
  }
});

const run = aio.coroutine(function* (tag, g, cancels) {
  const t = aio.createTask(g, { name: tag });
  for (let i = 0; i < cancels; i++) {
    print(tag, "cancel ->", t.cancel(`${tag}-${i}`), "cancelling", t.cancelling());
  }
  try {
    const r = yield* t;
    print(tag, "result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  } catch (e) {
    if (e instanceof aio.CancelledError) print(tag, "cancelled", repr(e.message), t.cancelled(), "cancelling", t.cancelling());
    else print(tag, "failed", e.constructor.name, repr(e.message), "cancelling", t.cancelling());
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  for (const cancels of [0, 1, 2]) {
    print("=== cancels:", cancels);
    print("== fresh generator");
    ran.length = 0;
    let g = body("fresh", "raise");
    yield* run("fresh", g, cancels);
    print("ran", ran);
    const n = g.next();
    if (n.done) print("next: StopIteration", repr(n.value));
    else print("next ->", repr(n.value));

    print("== advanced by hand to a bare yield");
    for (const mode of ["raise", "return", "reyield"]) {
      g = body("bare-" + mode, mode);
      print("by hand ->", repr(g.next().value));
      yield* run("bare-" + mode, g, cancels);
    }

    print("== advanced by hand into an await of a pending future");
    for (const mode of ["raise", "return"]) {
      const fut = loop.createFuture();
      g = body("fut-" + mode, mode, fut);
      print("by hand yields the future:", g.next().value === fut);
      yield* run("fut-" + mode, g, cancels);
      yield* aio.createTask(direct(fut));
      print("future pending", !fut.done());
      fut.setResult("late");
      yield* aio.createTask(direct(fut));
    }

    print("== run to its end by hand");
    g = body("ended", "raise");
    print("by hand:", [...g]);
    yield* run("ended", g, cancels);
  }
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
});
