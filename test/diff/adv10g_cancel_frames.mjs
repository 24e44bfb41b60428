import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// A three-level chain below a task: L1 (a coroutine) yield*s L2 (a raw generator, delegating
// with yield*) which delegates to L3 (a coroutine) which awaits a future set by a callback
// after two iterations. Every level awaits before and after delegating, and has a catch for
// CancelledError and a finally clause. The task is cancelled after k iterations, for every k
// until it finishes first. Either nobody swallows the cancellation, or one level swallows it:
// returning at once, or awaiting sleep(0) first (not interrupted: in 3.11 the request is spent)
// and then returning. Trace: which levels see the CancelledError (innermost first, then the
// finally clauses outward), what the levels above get back, what the task ends with,
// cancelling() and cancelled(). With k = 0 none of the bodies ever runs.

function p(...a) {
  print("   ", ...a);
}

function cur() {
  return aio.currentTask();
}

const swallow = aio.coroutine(function* (level, how) {
  if (how === "await") {
    const r = yield* aio.sleep(0, "slept");
    p(level, "handler awaited", r, "cancelling", cur().cancelling());
  }
  return "swallowed-" + level;
});

const l3 = aio.coroutine(function* (cfg, fut) {
  try {
    p("L3 start");
    yield* aio.sleep(0);
    const r = yield* fut;
    p("L3 got", r);
    return "L3:" + r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    p("L3 sees CancelledError", repr(e.message), "cancelling", cur().cancelling());
    if (cfg[0] === "L3") return yield* swallow("L3", cfg[1]);
    throw e;
  } finally {
    p("L3 finally");
  }
});

function* l2(cfg, fut) {
  try {
    p("L2 start");
    yield* aio.sleep(0);
    const r = yield* l3(cfg, fut);
    p("L2 got", r);
    yield* aio.sleep(0);
    return "L2:" + r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    p("L2 sees CancelledError", repr(e.message), "cancelling", cur().cancelling());
    if (cfg[0] === "L2") return yield* swallow("L2", cfg[1]);
    throw e;
  } finally {
    p("L2 finally");
  }
}

const l1 = aio.coroutine(function* (cfg, fut) {
  try {
    p("L1 start");
    const r = yield* l2(cfg, fut);
    p("L1 got", r);
    yield* aio.sleep(0);
    return "L1:" + r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    p("L1 sees CancelledError", repr(e.message), "cancelling", cur().cancelling());
    if (cfg[0] === "L1") return yield* swallow("L1", cfg[1]);
    throw e;
  } finally {
    p("L1 finally");
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  for (const cfg of [tuple("none", ""), tuple("L3", "return"), tuple("L2", "await"), tuple("L1", "return"), tuple("L3", "await")]) {
    let k = 0;
    for (;;) {
      print("== swallow", cfg, "cancel after", k);
      const fut = loop.createFuture();
      loop.callSoon(() => loop.callSoon(() => fut.done() || fut.setResult("F")));
      const t = aio.createTask(l1(cfg, fut), { name: "T" });
      for (let i = 0; i < k; i++) yield* aio.sleep(0);
      const finished = t.done();
      if (!finished) print("cancel ->", t.cancel(`c@${k}`));
      try {
        const r = yield* t;
        print("T result", repr(r), "cancelling", t.cancelling());
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("T cancelled", repr(e.message), t.cancelled(), "cancelling", t.cancelling());
      }
      if (!fut.done()) fut.cancel();
      if (finished) break;
      k += 1;
    }
  }
});
