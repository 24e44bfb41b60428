import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Six nested timeout(inf) blocks; from the innermost body a chosen set of them is moved into the
// past (reschedule(-inf): each expiry queued with call_soon, in the order given), sometimes with an
// external cancel() queued among them (X) and sometimes with a level that catches what comes out
// of its block and goes on (awaiting again). Each level prints what leaves it and cancelling();
// only the outermost expired timeout with no newer request may turn the cancellation into
// TimeoutError.
const INF = Infinity;
const N = 6;
const cnt = () => aio.currentTask().cancelling();

const nest = aio.coroutine(function* (level, cms, plan, catchAt) {
  if (level === N) {
    const loop = aio.getRunningLoop();
    const me = aio.currentTask();
    for (const p of plan) {
      if (p === "X") loop.callSoon((m) => me.cancel(m), "X");
      else cms[p].reschedule(-INF);
    }
    try {
      yield* aio.sleep(INF);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(`    innermost caught CancelledError(${repr(e.message)}) cancelling ${cnt()}`);
      throw e;
    }
    return "innermost done";
  }
  let cm = null;
  try {
    const r = yield* aio.timeout(INF, function* (c) {
      cm = c;
      cms.push(c);
      return yield* nest(level + 1, cms, plan, catchAt);
    });
    print("    level", level, "exits normally, expired", cm.expired(), "cancelling", cnt());
    return r;
  } catch (e) {
    print("    level", level, "passes", e.name, "expired", cm.expired(), "cancelling", cnt());
    if (level === catchAt) {
      yield* aio.sleep(0);
      print("    level", level, "caught it and slept, cancelling", cnt());
      return `caught at ${level}`;
    }
    throw e;
  }
});

const run = aio.coroutine(function* (plan, catchAt = null) {
  print("-- expire", plan, "catch at", catchAt);
  const body = aio.coroutine(function* () {
    return yield* nest(0, [], plan, catchAt);
  });
  const t = aio.createTask(body());
  try {
    const r = yield* t;
    print("  ->", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  -> cancelled", repr(e.message), "cancelling", t.cancelling());
    else print("  ->", e.name, "cancelling", t.cancelling());
  }
});

await aio.run(function* () {
  for (const plan of [[0], [5], [0, 5], [5, 0], [2, 3, 4], [4, 2], [0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0],
    ["X"], ["X", 3], [3, "X"], [1, "X", 4], [4, "X", 1]]) {
    yield* run(plan);
  }
  for (const [plan, c] of [[[3], 2], [[3], 3], [[3], 4], [[1, 4], 2], [[1, 4], 0], [[4, 1], 3], [[2, "X"], 1],
    [["X", 2], 4], [["X"], 3]]) {
    yield* run(plan, c);
  }
});
