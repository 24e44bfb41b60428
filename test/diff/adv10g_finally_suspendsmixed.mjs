import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Cleanup that suspends while a CancelledError is in flight, at each level of a three-level
// chain (L1 a coroutine, L2 a raw generator, L3 a coroutine waiting on a future nobody sets):
// a finally clause or a catch clause that relinquishes with bare yields, sleeps, awaits a
// future a callback sets, or yields a bad value. The task is cancelled once, or twice (the
// second request lands on whichever cleanup is suspended then: at a bare yield it is thrown in
// at the next step, at a future it cancels that future, and either way it replaces the error in
// flight, its message with it). A bad yield inside a finally replaces the CancelledError with
// the bad-yield error, so the task fails instead of ending cancelled. A catch clause that
// relinquishes and then returns swallows the cancellation. Trace: iterations, each level's
// cleanup steps, what the levels above see, and how the task ends.
// (aionode's bad-yield error is a TypeError, asyncio's a RuntimeError: printed as BadYield.)
// Mixed: L1 and L3 are async functions awaiting the generator cleanups; L2 and main generators.

const it = [0];
let loop = null;

function kind(e) {
  if (e instanceof TypeError && String(e.message).includes("got bad yield")) return "BadYield";
  return e.constructor.name;
}

function p(...a) {
  print("   ", ...a);
}

const clock = aio.coroutine(function* (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    yield* aio.sleep(0);
  }
});

function* cleanup(tag, how) {
  if (how === "none") return;
  p(tag, "cleanup", how, "starts, cancelling", aio.currentTask().cancelling());
  if (how === "bare") {
    const r = yield;
    p(tag, "bare yield gave", repr(r));
  } else if (how === "bare2") {
    yield;
    p(tag, "after the first bare yield");
    yield;
  } else if (how === "sleep") {
    const r = yield* aio.sleep(0, "slept");
    p(tag, "sleep gave", repr(r));
  } else if (how === "fut") {
    const f = loop.createFuture();
    loop.callSoon(() => f.done() || f.setResult("set"));
    const r = yield* f;
    p(tag, "future gave", repr(r));
  } else if (how === "bad") {
    yield 42;
    p(tag, "after the bad yield?");
  }
  p(tag, "cleanup", how, "done");
}
const cleanupC = aio.coroutine(cleanup);

const l3 = aio.coroutine(async function (cfg, fut) {
  try {
    p("L3 waits");
    return await fut;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    p("L3 except", repr(e.message));
    if (cfg.l3except) {
      await cleanupC("L3-except", cfg.l3except);
      p("L3 swallows and returns");
      return "swallowed";
    }
    throw e;
  } finally {
    p("L3 finally");
    await cleanupC("L3", cfg.l3 ?? "none");
  }
});

const l2 = aio.coroutine(function* (cfg, fut) {
  try {
    const r = yield* l3(cfg, fut);
    p("L2 got", repr(r));
    const r2 = yield* aio.sleep(0, "after");
    p("L2 slept again:", r2);
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) p("L2 sees CancelledError", repr(e.message));
    else p("L2 sees", kind(e));
    throw e;
  } finally {
    p("L2 finally");
    yield* cleanup("L2", cfg.l2 ?? "none");
  }
});

const l1 = aio.coroutine(async function (cfg, fut) {
  try {
    return await l2(cfg, fut);
  } finally {
    p("L1 finally");
    await cleanupC("L1", cfg.l1 ?? "none");
  }
});

await aio.run(function* () {
  loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);
  const cases = [
    ["bare yields in every finally", { l3: "bare", l2: "bare2", l1: "bare" }, null],
    ["sleep, future, sleep", { l3: "sleep", l2: "fut", l1: "sleep" }, null],
    ["second cancel at L3's bare yield", { l3: "bare2", l2: "bare" }, 1],
    ["second cancel at L3's future", { l3: "fut", l2: "bare" }, 1],
    ["second cancel at L2's bare yields", { l3: "none", l2: "bare2", l1: "bare" }, 2],
    ["second cancel at L1's sleep", { l3: "bare", l2: "bare", l1: "sleep" }, 3],
    ["bad yield in L3's finally", { l3: "bad", l2: "bare" }, null],
    ["bad yield in L1's finally", { l3: "bare", l1: "bad" }, null],
    ["L3 except relinquishes and returns", { l3except: "bare2", l3: "bare" }, null],
    ["L3 except sleeps, second cancel there", { l3except: "sleep" }, 1],
  ];
  for (const [title, cfg, second] of cases) {
    print("==", title);
    const fut = loop.createFuture();
    const t = aio.createTask(l1(cfg, fut), { name: "T" });
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print("cancel ->", t.cancel("first"), "at iteration", it[0]);
    if (second !== null) {
      for (let i = 0; i < second; i++) yield* aio.sleep(0);
      print("second cancel ->", t.cancel("second"), "at iteration", it[0]);
    }
    try {
      const r = yield* t;
      print("T result", repr(r), "cancelling", t.cancelling());
    } catch (e) {
      if (e instanceof aio.CancelledError) print("T cancelled", repr(e.message), "cancelling", t.cancelling());
      else print("T failed", kind(e), "cancelling", t.cancelling());
    }
    print("   the future it waited on: cancelled", fut.cancelled());
  }
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
  stop.setResult(null);
  yield* ck;
});
