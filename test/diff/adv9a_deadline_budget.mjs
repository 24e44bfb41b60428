import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Request handlers with a deadline budget: each request runs under aio.timeout(budget); its
// stages (auth, db under a per-stage waitFor, render) report progress; a stage's own
// TimeoutError is caught inside the budget (degraded answer), the budget's expiry becomes a 504;
// a streaming request extends its deadline with reschedule() after each chunk, another disables
// it with reschedule(null); timeout(0) and timeout(-1) expire at the first suspension, timeout(null)
// never; a request cancelled from outside while under its budget ends cancelled (not a 504). A
// loop exception handler collects the errors of fire-and-forget audit callbacks (callSoon), and
// the loop keeps serving. Deadlines that fire are 100 ms or more apart from other events.
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

const stage = aio.coroutine(function* (rid, name, kind) {
  log.push(`${rid} ${name} start`);
  if (kind === "fast") yield* aio.sleep(0);
  else if (kind === "slow") yield* aio.sleep(0.6);
  else if (kind === "hang") yield* aio.sleep(30);
  log.push(`${rid} ${name} done`);
  return name;
});

function audit(rid, what) {
  if (rid === "r3" && what === "end") throw new KeyError(`audit store down for ${rid}`);
  log.push(`audit ${rid} ${what}`);
}

const handle = aio.coroutine(function* (rid, budget, dbKind, renderKind = "fast", dbTimeout = 0.2) {
  const loop = aio.getRunningLoop();
  loop.callSoon(audit, rid, "begin");
  let cm = null;
  try {
    const result = yield* aio.timeout(budget, function* (c) {
      cm = c;
      yield* stage(rid, "auth", "fast");
      let rows;
      try {
        rows = yield* aio.waitFor(stage(rid, "db", dbKind), dbTimeout);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        log.push(`${rid} db stage timed out, degraded`);
        rows = "cached";
      }
      const page = yield* stage(rid, "render", renderKind);
      return `200 ${rows}+${page}`;
    });
    log.push(`${rid} expired=${repr(cm.expired())}`);
    return result;
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      log.push(`${rid} budget spent, expired=${repr(cm.expired())}`);
      return "504";
    }
    if (isCancel(e)) log.push(`${rid} cancelled ${repr(str(e))} expired=${repr(cm.expired())}`);
    throw e;
  } finally {
    loop.callSoon(audit, rid, "end");
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler((l, ctx) => {
    log.push(`handler: ${ctx.message.split(" at ")[0].split("(")[0]} / ${repr(ctx.exception ?? null)}`);
  });

  {
    print("-- five requests at once");
    const reqs = {
      r1: handle("r1", 2.0, "fast"), //                   all fast
      r2: handle("r2", 2.0, "hang", "fast", 0.2), //      db times out at 0.2, degraded
      r3: handle("r3", 0.4, "fast", "slow"), //           render takes 0.6 > budget: 504 at 0.4
      r4: handle("r4", 0.8, "fast", "hang"), //           504 at 0.8
      r5: handle("r5", 5, "fast", "hang"), //             cancelled from outside at 1.0
    };
    const t0 = loop.time();
    const ts = new Map(Object.entries(reqs).map(([k, v]) => [k, aio.createTask(v, { name: k })]));
    for (const at of [0.1, 0.3, 0.6, 1.0]) { // counted from t0, so the polls do not drift
      yield* aio.sleep(Math.max(0, t0 + at - loop.time()));
      flush(at.toFixed(1));
    }
    print("cancel r5 ->", ts.get("r5").cancel("client went away"));
    const res = yield* aio.gather(...ts.values(), { returnExceptions: true });
    yield* aio.sleep(0);
    flush("done");
    print("results", [...ts.keys()].map((k, i) => tuple(k, res[i] instanceof Error ? res[i].name : res[i])));
  }

  {
    print("-- streaming: extend the deadline per chunk, or drop it");
    const stream = aio.coroutine(function* (rid, chunks, step, extend) {
      const got = [];
      try {
        yield* aio.timeout(0.3, function* (cm) {
          for (let i = 0; i < chunks; i++) {
            yield* aio.sleep(step);
            got.push(i);
            if (extend === "extend") cm.reschedule(loop.time() + 0.3);
            else if (extend === "drop" && i === 0) {
              cm.reschedule(null);
              log.push(`${rid} deadline dropped: when=${repr(cm.when())}`);
            }
          }
        });
        return `${rid} complete ${repr(got)}`;
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        return `${rid} cut after ${repr(got)}`;
      }
    });
    const out = yield* aio.gather(stream("s1", 4, 0.2, "extend"), stream("s2", 4, 0.2, "none"),
      stream("s3", 3, 0.2, "drop"));
    flush("streams");
    print("streams", out);
  }

  {
    print("-- odd budgets");
    for (const budget of [0, -1, null]) {
      let cm = null;
      try {
        yield* aio.timeout(budget, function* (c) {
          cm = c;
          log.push(`body runs, when is None: ${repr(c.when() === null)}`);
          yield* aio.sleep(0);
          log.push("after first await");
        });
        flush(`timeout(${repr(budget)}) passed, expired=${repr(cm.expired())}`);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        flush(`timeout(${repr(budget)}) -> TimeoutError, expired=${repr(cm.expired())}`);
      }
    }
    print("alive", yield* aio.sleep(0, "yes"));
  }
});
