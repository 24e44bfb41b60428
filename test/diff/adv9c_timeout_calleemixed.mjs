import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Two timeout() blocks entered in two coroutines awaited directly one inside the other
// (L1 enters cm1 and awaits L2; L2 enters cm2 and awaits L3, a loop of five rounds whose finally
// clauses await). From L3, at round r (before its await) or inside round 1's finally clause,
// cm1, cm2 or both (in either order) are moved into the past. Nobody catches, L3 catches the
// CancelledError and returns its total, or L2 catches TimeoutError and returns -2. Trace: where
// the cancellation lands, the finally clauses' awaits, which block turns it into TimeoutError,
// cancelling() at each level, expired() and the reprs of both blocks, the values flowing up.
// Mixed: L1 is a generator with an async body, L2 an async function with a generator body, L3 a
// generator.

const log = [];
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();

function fire(plan, where) {
  if (plan.at === where) {
    const loop = aio.getRunningLoop();
    for (const which of plan.which) {
      plan.cms[which].reschedule(loop.time() - 1);
      L(`    L3 moves cm${which + 1} into the past`);
    }
  }
}

const l3 = aio.coroutine(function* l3(plan) {
  let total = 0;
  for (let r = 0; r < 5; r++) {
    try {
      fire(plan, r);
      yield* aio.sleep(0);
      total += r + 1;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      L("    L3 cancelled in round", r, repr(str(e)), `c=${cnt()}`);
      if (plan.catch === "L3") return total;
      throw e;
    } finally {
      yield* aio.sleep(0);
      L("    L3 finally", r, `c=${cnt()}`);
      if (r === 1) fire(plan, "fin1");
    }
  }
  return total;
});

const l2 = aio.coroutine(async function l2(plan, cm1) {
  let cm2 = null;
  try {
    const r = await aio.timeout(null, function* (cm) {
      cm2 = cm;
      plan.cms = [cm1, cm2];
      const r = yield* l3(plan);
      L("  L2 body got", r, `c=${cnt()}`);
      return r;
    });
    L("  L2 after block, expired", cm2.expired());
    return r;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    L(`  L2 caught TimeoutError c=${cnt()} expired`, cm2.expired());
    if (plan.catch === "L2") {
      await aio.sleep(0);
      L("  L2 goes on");
      return -2;
    }
    throw e;
  }
});

const l1 = aio.coroutine(function* l1(plan) {
  let cm1 = null;
  try {
    const r = yield* aio.timeout(null, async function (cm) {
      cm1 = cm;
      const r = await l2(plan, cm1);
      L("L1 body got", r, `c=${cnt()}`);
      await aio.sleep(0);
      L("L1 body after sleep");
      return r;
    });
    L("L1 after block, expired", cm1.expired(), `c=${cnt()}`);
    return r;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    L(`L1 caught TimeoutError c=${cnt()} expired`, cm1.expired());
    return "L1-timeout";
  }
});

await aio.run(function* main() {
  for (const which of [[0], [1], [0, 1], [1, 0]]) {
    for (const at of [0, 2, "fin1"]) {
      for (const catch_ of [null, "L3", "L2"]) {
        log.length = 0;
        const plan = { which, at, catch: catch_, cms: null };
        const t = aio.createTask(l1(plan));
        const r = yield* t;
        print("move", which.map((w) => `cm${w + 1}`), "at", at, "catch", catch_, "->", repr(r), "cancelling", t.cancelling());
        for (const line of log) print("   ", line);
        print("    reprs", String(plan.cms[0]), String(plan.cms[1]));
      }
    }
  }
});
