import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Mixed twin of adv10r_circuit_breaker.mjs: the service and the clients are async
// functions, the breaker a generator.

// A circuit breaker (closed / open / half-open) around a flaky service. The service follows a
// script, one outcome per call it sees: ok after a few sleep(0) ticks, an error (ValueError or
// KeyError), or a hang that the breaker's waitFor(callTimeout) turns into TimeoutError. Three
// failures in a row open the breaker (a success resets the count); while open, calls are refused
// at once with CircuitOpen; after resetAfter seconds (measured with loop.time()) the next caller
// becomes the half-open trial and the others are refused while it runs; a trial that succeeds
// closes the breaker, one that fails reopens it; a trial cancelled by its caller is not counted
// and frees the slot for the next caller. Calls that were in flight when the breaker opened come
// back late and are ignored. A cancel lands at each step of a call. A second breaker with
// callTimeout 0 fails calls without the service ever running them, and ones with thresholds -1
// and 0 open at the first failure. Sleeps between phases are 100 ms or more away from the reset
// deadline.
class CircuitOpen extends Error { constructor(m) { super(m ?? ""); this.name = "CircuitOpen"; } }
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(k) { super(`'${k}'`); this.name = "KeyError"; this.key = k; } }
const erepr = (e) => (e instanceof KeyError ? `KeyError(${repr(e.key)})` : repr(e));
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

class Breaker {
  constructor(name, threshold, resetAfter, callTimeout) {
    this.name = name;
    this.threshold = threshold;
    this.resetAfter = resetAfter;
    this.callTimeout = callTimeout;
    this.state = "closed";
    this.failures = 0;
    this.openedAt = null;
    this.trial = null;
    this.transitions = [];
  }

  move(state, why) {
    this.transitions.push(`${this.state}>${state}(${why})`);
    this.state = state;
    if (state === "open") {
      this.openedAt = aio.getRunningLoop().time();
      this.failures = 0;
    }
  }

  call(who, fn, ...args) {
    const self = this;
    return aio.coroutine(function* () {
      const loop = aio.getRunningLoop();
      const me = aio.currentTask();
      if (self.state === "open") {
        if (loop.time() - self.openedAt >= self.resetAfter) {
          self.move("half-open", who);
        } else {
          log.push(`${who} refused (open)`);
          throw new CircuitOpen(`${self.name} is open`);
        }
      }
      if (self.state === "half-open") {
        if (self.trial !== null) {
          log.push(`${who} refused (trial ${self.trial.getName()} running)`);
          throw new CircuitOpen(`${self.name} is half-open`);
        }
        self.trial = me;
        log.push(`${who} is the trial`);
      }
      const startedIn = self.state;
      let r;
      try {
        r = yield* aio.waitFor(fn(...args), self.callTimeout);
      } catch (e) {
        if (e instanceof aio.CancelledError) {
          if (self.trial === me) self.trial = null;
          log.push(`${who} gave up (${repr(str(e))}), not counted, cancelling=${me.cancelling()}`);
          throw e;
        }
        self.failure(who, me, startedIn, e);
        throw e;
      }
      self.success(who, me, startedIn);
      return r;
    })();
  }

  failure(who, me, startedIn, e) {
    if (this.trial === me) {
      this.trial = null;
      this.move("open", `trial ${who} failed: ${e.name}`);
    } else if (this.state !== startedIn || this.state !== "closed") {
      log.push(`${who} late failure ${erepr(e)} ignored (${this.state})`);
    } else {
      this.failures += 1;
      log.push(`${who} failure ${this.failures}/${this.threshold} ${erepr(e)}`);
      if (this.failures >= this.threshold) this.move("open", `${this.failures} failures`);
    }
  }

  success(who, me, startedIn) {
    if (this.trial === me) {
      this.trial = null;
      this.move("closed", `trial ${who} ok`);
    } else if (this.state !== startedIn) {
      log.push(`${who} late success ignored (${this.state})`);
    } else {
      if (this.failures) log.push(`${who} success resets ${this.failures} failures`);
      this.failures = 0;
    }
  }
}

class Service {
  constructor(script) {
    this.script = [...script];
    this.seen = 0;
  }

  handle(req) {
    const self = this;
    return aio.coroutine(async function () {
      self.seen += 1;
      const step = self.script.length ? self.script.shift() : "ok:0";
      log.push(`svc #${self.seen} ${req} ${step}`);
      const [kind, n] = step.split(":");
      if (kind === "hang") await aio.sleep(30);
      for (let i = 0; i < Number(n); i++) await aio.sleep(0);
      if (kind === "val") throw new ValueError(`${req} rejected`);
      if (kind === "key") throw new KeyError(req);
      return `${req}:done`;
    })();
  }
}

function outcome(r) {
  if (r instanceof Error) return `${r.name}(${repr(str(r))})`;
  return repr(r);
}

await aio.run(function* () {
  const svc = new Service(["ok:1", "val:1", "ok:0", "val:0", "key:2", "hang:0",
    "ok:3", "val:4",
    "val:1", "hang:0", "ok:2", "ok:0", "val:0", "ok:0", "ok:1"]);
  const br = new Breaker("db", 3, 0.5, 0.2);
  const handle = (req) => svc.handle(req);

  const client = aio.coroutine(async function (who, req) {
    let r;
    try {
      r = await br.call(who, handle, req);
    } catch (e) {
      if (e instanceof CircuitOpen || e instanceof ValueError || e instanceof KeyError || e instanceof aio.TimeoutError) {
        log.push(`${who} <- ${outcome(e)}`);
      }
      throw e;
    }
    log.push(`${who} <- ${repr(r)}`);
    return r;
  });

  print("-- closed: failures counted, a success resets, the third in a row opens");
  let res;
  for (let i = 0; i < 3; i++) res = yield* aio.gather(client(`c${i}`, `r${i}`), { returnExceptions: true });
  flush("sequential");
  print("state", br.state, "failures", br.failures);
  res = yield* aio.gather(...[0, 1, 2].map((i) => client(`d${i}`, `q${i}`)), { returnExceptions: true });
  flush("burst");
  print("results", res.map(outcome));
  print("state", br.state, "failures", br.failures, "seen", svc.seen);

  print("-- open: refused at once, service not called");
  res = yield* aio.gather(...[0, 1].map((i) => client(`e${i}`, "x")), { returnExceptions: true });
  flush("refused");
  print("results", res.map(outcome), "seen", svc.seen);

  print("-- calls in flight when it opens come back late");
  const br2 = new Breaker("cache", 2, 0.5, 5);
  const slow = aio.createTask(br2.call("s0", handle, "slow"));
  const slow2 = aio.createTask(br2.call("s1", handle, "slower"));
  yield* aio.sleep(0);
  br2.move("open", "forced");
  res = yield* aio.gather(slow, slow2, { returnExceptions: true });
  flush("late");
  print("results", res.map(outcome), "br2", br2.state, br2.transitions);

  print("-- still open 0.2 s later");
  yield* aio.sleep(0.2);
  res = yield* aio.gather(client("f0", "y"), { returnExceptions: true });
  flush("0.2 s");
  print("state", br.state);

  print("-- half-open: one trial, the rest refused; the trial fails and reopens");
  yield* aio.sleep(0.4);
  res = yield* aio.gather(client("g0", "t1"), client("g1", "t2"), client("g2", "t3"), { returnExceptions: true });
  flush("trial 1");
  print("results", res.map(outcome), "state", br.state);

  print("-- half-open again: the trial's caller gives up; the next caller is the trial");
  yield* aio.sleep(0.6);
  let t = aio.createTask(client("h0", "t4"), { name: "h0" });
  yield* aio.sleep(0);
  print("trial", br.trial ? br.trial.getName() : null, "state", br.state);
  const other = yield* aio.gather(client("h1", "t5"), { returnExceptions: true });
  print("h1:", outcome(other[0]));
  print("cancel h0 ->", t.cancel("caller left"));
  res = yield* aio.gather(t, { returnExceptions: true });
  print("h0:", outcome(res[0]), "trial", br.trial, "state", br.state);
  res = yield* aio.gather(client("h2", "t6"), client("h3", "t7"), { returnExceptions: true });
  flush("trial 2");
  print("results", res.map(outcome), "state", br.state, "failures", br.failures);

  print("-- closed again: normal traffic");
  res = yield* aio.gather(...[0, 1, 2].map((i) => client(`k${i}`, `n${i}`)), { returnExceptions: true });
  flush("normal");
  print("results", res.map(outcome), "state", br.state, "failures", br.failures);

  print("-- a cancel landing at each step of a call (one sleep(0) in the service)");
  const svc3 = new Service(Array(5).fill("ok:1"));
  const br3 = new Breaker("late", 3, 10, 5);
  for (let k = 0; k < 5; k++) {
    t = aio.createTask(br3.call(`m${k}`, (req) => svc3.handle(req), `late${k}`), { name: `m${k}` });
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
    print(`k=${k} cancel ->`, t.cancel(`cut ${k}`), "cancelling", t.cancelling());
    res = yield* aio.gather(t, { returnExceptions: true });
    flush(`  k=${k}`);
    print(`  m${k}:`, outcome(res[0]), "cancelled", t.cancelled(), "cancelling",
      t.cancelling(), "seen", svc3.seen, "br3", br3.state, br3.failures);
  }
  print("transitions", br.transitions);

  print("-- call_timeout 0: the service never runs");
  const br0 = new Breaker("zero", 2, 10, 0);
  const before = svc.seen;
  for (let i = 0; i < 3; i++) {
    try {
      yield* br0.call(`z${i}`, handle, "zz");
    } catch (e) {
      if (!(e instanceof CircuitOpen || e instanceof aio.TimeoutError)) throw e;
      log.push(`z${i} <- ${outcome(e)}`);
    }
  }
  flush("zero");
  print("seen before", before, "after", svc.seen, "br0", br0.state, br0.transitions);

  print("-- threshold -1 opens at the first failure; threshold 0 at the first too");
  for (const th of [-1, 0]) {
    const b = new Breaker(`t${th}`, th, 10, 1);
    const bad = aio.coroutine(async function () {
      throw new ValueError("nope");
    });
    for (let i = 0; i < 2; i++) {
      try {
        yield* b.call(`b${i}`, bad);
      } catch (e) {
        if (e instanceof aio.CancelledError) throw e;
        log.push(`b${i} <- ${outcome(e)}`);
      }
    }
    flush(`threshold ${th}`);
    print("state", b.state, b.transitions);
  }
  print("loop still fine:", yield* aio.waitFor(aio.sleep(0, "yes"), 1));
});
