import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Mixed twin of adv10r_hedged_requests.mjs: the replicas are async functions, the hedging
// logic and main generators.

// Hedged requests: send to the primary replica; if it has not answered within hedgeAfter (wait
// with a timeout), or as soon as it fails, send the same request to the backup; take the first
// good answer (wait FIRST_COMPLETED under an overall deadline), cancel the loser and wait for its
// cleanup; if every replica fails, raise RuntimeError naming their errors; past the overall
// deadline, cancel all and raise TimeoutError; if the caller is cancelled mid-hedge, both calls
// are cancelled in a finally. Then a fastest-of-three lookup with asCompleted(timeout) (3.11: the
// iterator raises TimeoutError and leaves the rest running; the caller cancels them). Replica
// latencies and all deadlines are whole tenths of a second, 100 ms or more apart; times are
// printed in whole tenths since the scenario began (rounded down: a late wake-up has 100 ms of
// slack).
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class ConnectionResetError extends Error { constructor(m) { super(m ?? ""); this.name = "ConnectionResetError"; } }
class RuntimeError extends Error { constructor(m) { super(m ?? ""); this.name = "RuntimeError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const byName = (a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0);

class Clock {
  constructor() {
    this.loop = aio.getRunningLoop();
    this.t0 = this.loop.time();
  }

  at() {
    return Math.floor((this.loop.time() - this.t0 + 0.001) * 5) * 2; // see the Python program
  }
}

const replica = aio.coroutine(async function (clock, name, behaviour) {
  const [kind, arg] = behaviour;
  log.push(`${name} starts at ${clock.at()}`);
  try {
    if (kind === "ticks") {
      for (let i = 0; i < arg; i++) await aio.sleep(0);
    } else if (kind === "sleep") {
      await aio.sleep(clock.t0 + arg - clock.loop.time());
    } else if (kind === "fail") {
      for (let i = 0; i < arg; i++) await aio.sleep(0);
      throw new ValueError(`${name} failed`);
    } else if (kind === "slowfail") {
      await aio.sleep(clock.t0 + arg - clock.loop.time());
      throw new ConnectionResetError(`${name} reset`);
    }
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      log.push(`${name} cancelled at ${clock.at()} ${repr(str(e))}`);
      await aio.sleep(0);
      log.push(`${name} closed its socket`);
    }
    throw e;
  }
  log.push(`${name} answers at ${clock.at()}`);
  return `${name}:ok`;
});

const hedged = aio.coroutine(function* (clock, primary, backup, hedgeAfter = 0.2, overall = 0.8) {
  const t1 = aio.createTask(replica(clock, "P", primary), { name: "P" });
  let tasks = [t1];
  const errors = [];
  try {
    const [done] = yield* aio.wait(tasks, { timeout: hedgeAfter });
    if (done.size && !t1.exception()) {
      log.push("no hedge needed");
      return t1.result();
    }
    if (done.size) {
      errors.push(t1.exception());
      log.push("primary failed fast: hedge now");
      tasks = [];
    } else {
      log.push(`hedge at ${clock.at()}`);
    }
    tasks.push(aio.createTask(replica(clock, "B", backup), { name: "B" }));
    const deadline = clock.t0 + overall;
    while (tasks.length) {
      const left = deadline - clock.loop.time();
      const [done2, pending] = yield* aio.wait(tasks, { timeout: left, returnWhen: aio.FIRST_COMPLETED });
      if (!done2.size) {
        log.push(`overall deadline at ${clock.at()}, pending ${repr([...pending].map((t) => t.getName()).sort())}`);
        throw new aio.TimeoutError();
      }
      for (const t of [...done2].sort(byName)) {
        tasks.splice(tasks.indexOf(t), 1);
        if (t.exception() === null) {
          log.push(`winner ${t.getName()} at ${clock.at()}`);
          return t.result();
        }
        errors.push(t.exception());
        log.push(`${t.getName()} failed: ${repr(t.exception())}`);
      }
    }
    throw new RuntimeError(`all replicas failed: ${errors.map(repr).join(", ")}`);
  } finally {
    const losers = tasks.filter((t) => !t.done());
    for (const t of losers) t.cancel("hedge lost");
    if (losers.length) {
      yield* aio.gather(...losers, { returnExceptions: true });
      log.push(`losers cleaned up: ${repr(losers.map((t) => t.getName()))}`);
    }
  }
});

function outcome(x) {
  if (x instanceof Error) return `${x.name}(${repr(str(x))})`;
  return repr(x);
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const scenarios = [
    ["fast primary", ["ticks", 2], ["ticks", 1]],
    ["slow primary, quick backup", ["sleep", 0.6], ["sleep", 0.4]],
    ["primary fails at once", ["fail", 1], ["sleep", 0.4]],
    ["both fail", ["fail", 0], ["fail", 2]],
    ["primary fails late, backup slower", ["slowfail", 0.4], ["sleep", 0.6]],
    ["both too slow", ["sleep", 2.0], ["sleep", 2.0]],
    ["backup wins, primary would fail", ["slowfail", 0.6], ["ticks", 3]],
  ];
  for (const [title, p, b] of scenarios) {
    print("--", title);
    const clock = new Clock();
    try {
      const r = yield* hedged(clock, p, b);
      flush("  trace");
      print("  result", outcome(r), "at", clock.at());
    } catch (e) {
      if (!(e instanceof RuntimeError || e instanceof aio.TimeoutError)) throw e;
      flush("  trace");
      print("  raised", outcome(e), "at", clock.at());
    }
  }

  print("-- the caller is cancelled mid-hedge");
  let clock = new Clock();
  const t = aio.createTask(hedged(clock, ["sleep", 2.0], ["sleep", 2.0]), { name: "caller" });
  loop.callAt(clock.t0 + 0.4, (msg) => t.cancel(msg), "client went away");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    flush("  trace");
    print("  caller cancelled", repr(str(e)), "at", clock.at(), t.cancelled());
  }

  print("-- fastest of three with as_completed(timeout=0.6)");
  clock = new Clock();
  const ts = [["X", ["sleep", 1.0]], ["Y", ["sleep", 0.2]], ["Z", ["ticks", 2]]].map(
    ([n, beh]) => aio.createTask(replica(clock, n, beh), { name: n }));
  const got = [];
  try {
    for (const f of aio.asCompleted(ts, { timeout: 0.6 })) {
      got.push(yield* f);
      log.push(`as_completed gave ${got[got.length - 1]} at ${clock.at()}`);
    }
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log.push(`as_completed timed out at ${clock.at()} ${repr(str(e))}`);
  }
  flush("  trace");
  print("  got", got, "still running", ts.filter((x) => !x.done()).map((x) => x.getName()));
  for (const x of ts) x.cancel("not needed");
  const res = yield* aio.gather(...ts, { returnExceptions: true });
  flush("  cleanup");
  print("  ", res.map(outcome));
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
