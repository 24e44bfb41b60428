import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Mixed twin of adv10r_graceful_drain.mjs: the request handlers are async functions,
// the audit tasks and the shutdown sequence generators.

// Graceful shutdown with a drain deadline. Requests arrive in batches by loop.callAt (0.0, 0.1,
// 0.2 and, after the stop, 0.6 s); a "SIGTERM" callback at 0.4 s sets the stop event. The server
// then stops accepting (late arrivals get 503 at once), waits for in-flight requests with
// wait() until 0.7 s, cancels the stragglers ("drain deadline"), gives them a second grace of
// wait() until 1.0 s (one cleans up for a few ticks and re-raises, one uncancels itself and
// finishes at 0.8 s with a result (sleeps run to absolute deadlines, so delays do not add up),
// one swallows the first cancel and dies on the second), force-cancels what is left, cancels
// fire-and-forget background tasks, and reports everything with gather(returnExceptions). Times
// are printed in whole tenths (rounded down); real-time events are 100 ms apart, at whole tenths.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const byName = (a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0);
const names = (ts) => [...ts].map((t) => t.getName()).sort();

const audit = aio.coroutine(function* (rid) {
  try {
    yield* aio.sleep(5);
  } catch (e) {
    if (e instanceof aio.CancelledError) log.push(`audit-${rid} cancelled ${repr(str(e))}`);
    throw e;
  }
});

class Server {
  constructor(loop, t0) {
    this.loop = loop;
    this.t0 = t0;
    this.accepting = true;
    this.inflight = new Map();
    this.finished = new Map();
    this.background = new Set();
    this.rejected = [];
    this.stop = new aio.Event();
  }

  at() {
    return Math.floor((this.loop.time() - this.t0 + 0.001) * 10);
  }

  arriveBatch(batch) {
    for (const [rid, kind, arg] of batch) this.arrive(rid, kind, arg);
  }

  arrive(rid, kind, arg) {
    if (!this.accepting) {
      this.rejected.push(rid);
      log.push(`${rid} rejected 503 at ${this.at()}`);
      return;
    }
    const t = aio.createTask(this.handle(rid, kind, arg), { name: rid });
    this.inflight.set(rid, t);
    t.addDoneCallback((x) => this.done(x));
    log.push(`${rid} accepted at ${this.at()}`);
  }

  done(t) {
    const rid = t.getName();
    this.inflight.delete(rid);
    this.finished.set(rid, t);
    if (t.cancelled()) log.push(`${rid} ended cancelled`);
    else if (t.exception() !== null) log.push(`${rid} ended with ${repr(t.exception())}`);
    else log.push(`${rid} ended: ${t.result()}`);
  }

  spawn(coro, name) {
    const t = aio.createTask(coro, { name });
    this.background.add(t);
    t.addDoneCallback((x) => this.background.delete(x));
  }

  handle(rid, kind, arg) {
    const self = this;
    return aio.coroutine(async function () {
      const me = aio.currentTask();
      if (kind === "fast") {
        for (let i = 0; i < arg; i++) await aio.sleep(0);
        self.spawn(audit(rid), "audit-" + rid);
        return "200 fast";
      }
      if (kind === "sleep") {
        await aio.sleep(self.t0 + arg - self.loop.time());
        return `200 after ${self.at()}`;
      }
      if (kind === "fail") {
        await aio.sleep(0);
        throw new ValueError(`${rid}: bad input ${repr(arg)}`);
      }
      try {
        await aio.sleep(5);
        return "200 never";
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        log.push(`${rid} sees cancel ${repr(str(e))} at ${self.at()}`);
        if (kind === "cleanup") {
          for (let i = 0; i < arg; i++) await aio.sleep(0);
          log.push(`${rid} cleaned up in ${arg} ticks`);
          throw e;
        }
        if (kind === "ignore") {
          me.uncancel();
          await aio.sleep(self.t0 + arg - self.loop.time());
          return `200 late at ${self.at()}`;
        }
        if (kind === "obstinate") {
          try {
            await aio.sleep(5);
          } catch (e2) {
            if (e2 instanceof aio.CancelledError) log.push(`${rid} gives in on ${repr(str(e2))} at ${self.at()}`);
            throw e2;
          }
        }
        throw e;
      }
    })();
  }
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  const srv = new Server(loop, t0);
  const plan = [[0.0, [["r1", "fast", 2]]],
    [0.1, [["r2", "sleep", 0.3], ["r3", "plain", null]]],
    [0.2, [["r4", "sleep", 0.5], ["r5", "cleanup", 3], ["r6", "ignore", 0.8],
      ["r7", "obstinate", null], ["r9", "fail", "x"]]],
    [0.6, [["r8", "fast", 0]]]];
  for (const [when, batch] of plan) loop.callAt(t0 + when, (b) => srv.arriveBatch(b), batch);
  const sig = loop.callAt(t0 + 0.4, () => {
    log.push(`SIGTERM at ${srv.at()}`);
    srv.stop.set();
  });
  yield* srv.stop.wait();
  srv.accepting = false;
  flush("running");
  print("stop at", srv.at(), "in flight", [...srv.inflight.keys()].sort(), "finished", [...srv.finished.keys()].sort(),
    "background", names(srv.background), "sig", sig.cancelled());

  const [done, pending] = yield* aio.wait([...srv.inflight.values()], { timeout: t0 + 0.7 - loop.time() });
  flush("drain");
  print("drained at", srv.at(), "done", names(done), "pending", names(pending));
  for (const t of [...pending].sort(byName)) print("  cancel", t.getName(), "->", t.cancel("drain deadline"));
  const [done2, pending2] = yield* aio.wait(pending, { timeout: t0 + 1.0 - loop.time() });
  flush("grace");
  print("grace over at", srv.at(), "done", names(done2), "pending", names(pending2));
  for (const t of [...pending2].sort(byName)) {
    print("  force", t.getName(), "->", t.cancel("forced"), "cancelling", t.cancelling());
  }
  const bg = [...srv.background];
  for (const t of bg) t.cancel("shutdown");
  const everything = [...[...srv.finished.values()].sort(byName), ...[...srv.inflight.values()].sort(byName), ...bg];
  const res = yield* aio.gather(...everything, { returnExceptions: true });
  flush("forced");
  print("report:");
  everything.forEach((t, i) => {
    const r = res[i];
    let what;
    if (r instanceof aio.CancelledError) what = `cancelled ${repr(str(r))}`;
    else if (r instanceof Error) what = `error ${repr(r)}`;
    else what = r;
    print(`  ${t.getName().padEnd(9)} ${what}`);
  });
  print("rejected", srv.rejected, "in flight", [...srv.inflight.keys()].sort(), "background", names(srv.background));
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
