import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A single-flight group with reference counting: callers of do(key) share one in-flight task per
// key and await it through shield(), so a caller that leaves (cancelled, waitFor timeout,
// timeout() expiry) does not cancel the shared work; but when the last caller has left, the work
// is abandoned (cancelled with a message). A caller arriving while an abandoned flight is still
// winding down starts a new flight. forget(key) detaches a flight: later callers start afresh
// while the old callers still get the old result. Every caller of one flight receives the same
// result object, or the same exception object. The trace shows joins, leaves, refcounts,
// abandonments and each caller's outcome; real-time deadlines are 200 ms or more apart, and main
// observes the callers leaving by waiting for them, not by sleeping.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const dict = (m) => `{${[...m].map(([k, v]) => `${repr(k)}: ${repr(v)}`).join(", ")}}`;

class Flight {
  constructor(key, n, task) {
    this.key = key;
    this.n = n;
    this.task = task;
    this.refs = 0;
  }
}

class Group {
  constructor() {
    this.flights = new Map();
    this.count = new Map();
  }

  start(key, fn) {
    const n = (this.count.get(key) ?? 0) + 1;
    this.count.set(key, n);
    const f = new Flight(key, n, aio.createTask(fn(key, n), { name: `${key}#${n}` }));
    f.task.addDoneCallback((t) => this.landed(f, t));
    this.flights.set(key, f);
    return f;
  }

  landed(f, t) {
    if (this.flights.get(f.key) === f) this.flights.delete(f.key);
    const state = t.cancelled() ? "cancelled" : t.exception() ? "failed" : "ok";
    log.push(`flight ${f.key}#${f.n} landed ${state} refs=${f.refs}`);
  }

  do(who, key, fn) {
    const self = this;
    return aio.coroutine(function* () {
      let f = self.flights.get(key);
      if (f === undefined || f.task.cancelling()) {
        if (f !== undefined) log.push(`${who}: ${key}#${f.n} is being abandoned`);
        f = self.start(key, fn);
        log.push(`${who} starts ${key}#${f.n}`);
      } else {
        log.push(`${who} joins ${key}#${f.n}`);
      }
      f.refs += 1;
      try {
        return yield* aio.shield(f.task);
      } catch (e) {
        if (e instanceof aio.CancelledError) {
          if (f.task.cancelled()) log.push(`${who}: flight ${key}#${f.n} was cancelled`);
          else log.push(`${who} leaves ${key}#${f.n}`);
        }
        throw e;
      } finally {
        f.refs -= 1;
        if (f.refs === 0 && !f.task.done()) {
          log.push(`abandon ${key}#${f.n} -> ${repr(f.task.cancel(`abandoned ${key}#${f.n}`))}`);
        }
      }
    })();
  }

  forget(key) {
    const f = this.flights.get(key);
    if (f === undefined) return null;
    this.flights.delete(key);
    return `${key}#${f.n}`;
  }
}

const SHARED = new Map();

const fetch = aio.coroutine(function* (key, n) {
  log.push(`fetch ${key}#${n} begins`);
  try {
    if (key.startsWith("slow")) {
      yield* aio.sleep(0.6);
    } else if (key.startsWith("bad")) {
      yield* aio.sleep(0);
      throw new ValueError(`${key}#${n} broke`);
    } else {
      for (let i = 0; i < 3; i++) yield* aio.sleep(0);
    }
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      log.push(`fetch ${key}#${n} cancelled ${repr(str(e))}`);
      yield* aio.sleep(0);
      log.push(`fetch ${key}#${n} cleaned up`);
    }
    throw e;
  }
  if (!SHARED.has(key)) SHARED.set(key, []);
  SHARED.get(key).push(n);
  return [`${key}#${n}`];
});

function outcome(x) {
  if (x instanceof Error) return `${x.name}(${repr(str(x))})`;
  return repr(x);
}

await aio.run(function* () {
  const g = new Group();

  const caller = aio.coroutine(function* (who, key, how = null, arg = null) {
    let r;
    try {
      if (how === "wait_for") {
        r = yield* aio.waitFor(g.do(who, key, fetch), arg);
      } else if (how === "timeout") {
        yield* aio.timeout(arg, function* () {
          r = yield* g.do(who, key, fetch);
        });
      } else {
        r = yield* g.do(who, key, fetch);
      }
    } catch (e) {
      if (e instanceof aio.TimeoutError || e instanceof ValueError) log.push(`${who} <- ${outcome(e)}`);
      throw e;
    }
    log.push(`${who} <- ${repr(r)}`);
    return r;
  });

  print("-- three callers share a flight; one result object");
  let res = yield* aio.gather(caller("a1", "k"), caller("a2", "k"), caller("a3", "k"));
  flush("shared");
  print("same object", res[0] === res[1] && res[1] === res[2], res[0], "fetches", dict(g.count));

  print("-- a failing flight: every caller gets the same exception object");
  res = yield* aio.gather(caller("b1", "bad"), caller("b2", "bad"), { returnExceptions: true });
  flush("failed");
  print(res.map(outcome), "same object", res[0] === res[1]);

  print("-- callers leave one by one (wait_for 0.1, timeout 0.3, cancel); the last abandons");
  const t1 = aio.createTask(caller("c1", "slow", "wait_for", 0.1));
  const t2 = aio.createTask(caller("c2", "slow", "timeout", 0.3));
  const t3 = aio.createTask(caller("c3", "slow"));
  yield* aio.sleep(0);
  flush("joined");
  print("refs", g.flights.get("slow").refs);
  yield* aio.wait([t1]);
  flush("c1 gone");
  print("refs", g.flights.get("slow").refs);
  yield* aio.wait([t2]);
  flush("c2 gone");
  print("refs", g.flights.get("slow").refs, "cancel c3 ->", t3.cancel("c3 hung up"));
  yield* aio.sleep(0);
  flush("c3 left");
  print("late joiner while the flight winds down");
  const t4 = aio.createTask(caller("c4", "slow"));
  yield* aio.sleep(0);
  flush("c4");
  res = yield* aio.gather(t1, t2, t3, t4, { returnExceptions: true });
  flush("slow done");
  print(res.map(outcome), "count", dict(g.count), "shared", SHARED.get("slow") ?? null);

  print("-- forget: old callers keep the old flight, new callers start afresh");
  const t5 = aio.createTask(caller("d1", "k"));
  yield* aio.sleep(0);
  print("forget ->", g.forget("k"), "again ->", g.forget("k"));
  const t6 = aio.createTask(caller("d2", "k"));
  res = yield* aio.gather(t5, t6);
  flush("forget");
  print(res, "count", dict(g.count));

  print("-- a flight cancelled from outside reaches its callers");
  const ts = [0, 1].map((i) => aio.createTask(caller(`e${i}`, "slowx")));
  yield* aio.sleep(0);
  g.flights.get("slowx").task.cancel("operator");
  res = yield* aio.gather(...ts, { returnExceptions: true });
  flush("outside cancel");
  print(res.map(outcome));

  print("-- one of two callers cancelled after k iterations of a 3-tick flight");
  for (let k = 1; k < 7; k++) {
    const key = `k${k}`;
    const t7 = aio.createTask(caller("f1", key));
    const t8 = aio.createTask(caller("f2", key));
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
    const landed = g.flights.get(key) === undefined;
    print(`k=${k} landed`, landed, "cancel f1 ->", t7.cancel("f1 late"));
    res = yield* aio.gather(t7, t8, { returnExceptions: true });
    flush(`  k=${k}`);
    print("  ", res.map(outcome), "count", g.count.get(key));
  }
  print("flights left", [...g.flights.keys()].sort(), "loop still fine:", yield* aio.sleep(0, "yes"));
});
