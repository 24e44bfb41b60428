import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Mixed twin of adv10r_job_scheduler.mjs: the jobs and the backoff tasks are async
// functions, the workers and shutdown generators.

// A job scheduler over a PriorityQueue of [priority, seq, name]: three workers run jobs under
// waitFor(limit) (5 s; 0.4 s for d, 0.65 s for h); a failed attempt is retried after an
// exponential backoff (2**attempt sleep(0) ticks, in a backoff task) with its priority demoted by
// 10, up to 3 attempts, then the job goes to a dead-letter list with its last error. Jobs: fine,
// failing their first n attempts, always failing, hanging (every attempt of d times out), raising
// CancelledError themselves (a failure, not a cancellation of the worker: the worker tells them
// apart with cancelling()), swallowing their own waitFor cancellation, and jobs released by
// loop.callAt at +0.1 s and +0.3 s; one more is due at +1.5 s and its timer is cancelled at
// shutdown. The jobs that take real time (d, h) are submitted once the tick-only jobs are done,
// and the times above count from then. Shutdown (at 1.35 s): stop accepting (submit raises
// RuntimeError), cancel backoff tasks (their jobs dead-lettered as "shutdown"), cancel the
// workers, and drain the queue in priority order. One worker is cancelled in the iteration its
// job fails: 3.11's wait_for then raises the job's error and the cancellation is lost, so the
// worker goes on (it starts a backoff task, whose requeue is refused), survives wait(timeout=0.2)
// and is cancelled again. Real-time events are 100 ms or more apart.
class JobFailed extends Error { constructor(m) { super(m ?? ""); this.name = "JobFailed"; } }
class RuntimeError extends Error { constructor(m) { super(m ?? ""); this.name = "RuntimeError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const byName = (a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0);

class Scheduler {
  constructor(behaviours, limits, nworkers = 3, maxAttempts = 3) {
    this.q = new aio.PriorityQueue();
    this.seq = 0;
    this.behaviours = behaviours;
    this.attempts = new Map();
    this.done = new Map();
    this.dead = [];
    this.backoffs = new Set();
    this.accepting = true;
    this.maxAttempts = maxAttempts;
    this.limits = limits;
    this.workers = [...Array(nworkers).keys()].map((i) => aio.createTask(this.worker(`w${i}`), { name: `w${i}` }));
  }

  submit(name, prio) {
    if (!this.accepting) throw new RuntimeError(`scheduler stopped, ${name} refused`);
    this.seq += 1;
    this.q.putNowait([prio, this.seq, name]);
    return this.seq;
  }

  runJob(name, attempt) {
    const kind = this.behaviours[name];
    return aio.coroutine(async function () {
      if (kind.startsWith("fail")) {
        await aio.sleep(0);
        if (attempt <= Number(kind.slice(4))) throw new JobFailed(`${name} attempt ${attempt}`);
      } else if (kind === "always") {
        throw new JobFailed(`${name} always fails`);
      } else if (kind === "hang") {
        await aio.sleep(30);
      } else if (kind === "selfcancel") {
        await aio.sleep(0);
        throw new aio.CancelledError(`${name} gave up on itself`);
      } else if (kind === "headstrong") {
        try {
          await aio.sleep(30);
        } catch (e) {
          if (!(e instanceof aio.CancelledError)) throw e;
          return `${name} ignored the timeout`;
        }
      }
      return `${name} ok#${attempt}`;
    })();
  }

  backoff(name, prio, attempt) {
    const self = this;
    return aio.coroutine(async function () {
      const ticks = 2 ** attempt;
      try {
        for (let i = 0; i < ticks; i++) await aio.sleep(0);
      } catch (e) {
        if (e instanceof aio.CancelledError) self.dead.push([name, "shutdown during backoff"]);
        throw e;
      }
      try {
        self.submit(name, prio);
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        self.dead.push([name, str(e)]);
        log.push(`requeue ${name} refused`);
        return;
      }
      log.push(`requeue ${name} prio ${prio} after ${ticks} ticks`);
    })();
  }

  failed(w, name, prio, attempt, why) {
    if (attempt >= this.maxAttempts) {
      this.dead.push([name, why]);
      log.push(`${w}: ${name} dead (${why})`);
      return;
    }
    log.push(`${w}: ${name} failed (${why}), backoff`);
    const t = aio.createTask(this.backoff(name, prio + 10, attempt), { name: "backoff-" + name });
    this.backoffs.add(t);
    t.addDoneCallback((x) => this.backoffs.delete(x));
  }

  worker(w) {
    const self = this;
    return aio.coroutine(function* () {
      const me = aio.currentTask();
      while (true) {
        const [prio, seq, name] = yield* self.q.get();
        const attempt = (self.attempts.get(name) ?? 0) + 1;
        self.attempts.set(name, attempt);
        log.push(`${w} takes ${name} (prio ${prio} seq ${seq} try ${attempt})`);
        try {
          let r;
          try {
            r = yield* aio.waitFor(self.runJob(name, attempt), self.limits[name] ?? 5);
          } catch (e) {
            if (e instanceof aio.TimeoutError) {
              self.failed(w, name, prio, attempt, "timeout");
            } else if (e instanceof JobFailed) {
              self.failed(w, name, prio, attempt, `JobFailed: ${str(e)}`);
            } else if (e instanceof aio.CancelledError) {
              if (me.cancelling()) {
                log.push(`${w} cancelled while running ${name}`);
                self.dead.push([name, "worker cancelled"]);
                throw e;
              }
              self.failed(w, name, prio, attempt, `CancelledError: ${str(e)}`);
            } else {
              throw e;
            }
            continue;
          }
          self.done.set(name, r);
          log.push(`${w}: ${name} -> ${repr(r)}`);
        } finally {
          self.q.taskDone();
        }
      }
    })();
  }

  shutdown() {
    const self = this;
    return aio.coroutine(function* () {
      self.accepting = false;
      const bs = [...self.backoffs].sort(byName);
      for (const t of bs) t.cancel();
      yield* aio.gather(...bs, { returnExceptions: true });
      for (const w of self.workers) w.cancel("shutdown");
      const [, pending] = yield* aio.wait(self.workers, { timeout: 0.2 });
      for (const w of [...pending].sort(byName)) {
        log.push(`${w.getName()} survived the cancel, cancelling=${w.cancelling()}, again -> ${repr(w.cancel("shutdown, really"))}`);
      }
      const res = yield* aio.gather(...self.workers, { returnExceptions: true });
      const left = [];
      while (!self.q.empty()) left.push(tuple(...self.q.getNowait()));
      return [res.map((r) => r.name), left];
    })();
  }
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const behaviours = { a: "ok", b: "fail1", c: "always", d: "hang", e: "selfcancel",
    f: "fail2", g: "ok", h: "headstrong", late1: "fail1", late2: "ok",
    never: "ok", x: "ok", y: "ok", z: "fail1",
    q: "fail2", r: "hang", s1: "hang", s2: "ok", s3: "ok" };
  const s = new Scheduler(behaviours, { d: 0.4, h: 0.65 });
  for (const [name, prio] of [["a", 5], ["b", 1], ["c", 3], ["e", 2], ["f", 2], ["g", 9]]) s.submit(name, prio);
  print("queued", s.q.qsize());
  for (let i = 0; i < 60; i++) yield* aio.sleep(0);
  flush("first ticks");
  print("done so far", [...s.done.keys()].sort(), "backoffs", [...s.backoffs].map((t) => t.getName()).sort());
  const t0 = loop.time();
  const until = (t) => aio.sleep(t0 + t - loop.time());
  s.submit("d", 0);
  s.submit("h", 4);
  const submit = (name, prio) => s.submit(name, prio);
  const h1 = loop.callAt(t0 + 0.1, submit, "late1", 0);
  const h2 = loop.callAt(t0 + 0.3, submit, "late2", 7);
  const h3 = loop.callAt(t0 + 1.5, submit, "never", 0);
  yield* until(0.2);
  flush("0.2 s");
  yield* until(0.55);
  flush("0.55 s");
  s.submit("x", 1);
  s.submit("z", 0);
  s.submit("y", 1);
  yield* until(1.35);
  flush("1.35 s");
  for (const [name, prio] of [["q", 0], ["r", 1], ["s1", 2], ["s2", 3], ["s3", 3]]) s.submit(name, prio);
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  flush("last jobs");
  print("timers", h1.cancelled(), h2.cancelled(), "cancel h3 ->", h3.cancel(), h3.cancelled());
  const [workers, left] = yield* s.shutdown();
  flush("shutdown");
  print("workers", workers, "left", left);
  try {
    s.submit("after", 0);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print("submit after stop ->", repr(e));
  }
  print("attempts", [...s.attempts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => tuple(k, v)));
  for (const name of [...s.done.keys()].sort()) print("  done", name, repr(s.done.get(name)));
  for (const [name, why] of s.dead) print("  dead", name, why);
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
