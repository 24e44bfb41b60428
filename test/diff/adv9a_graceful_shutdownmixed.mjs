import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Mixed twin of adv9a_graceful_shutdown.mjs: the tasks' bodies are async functions awaited
// (yield*) from a generator wrapper, main is a generator.

// Graceful shutdown of a service with tasks in every state: sleeping, blocked on Queue.get, on a
// held Lock, on Event.wait, on Condition.wait, on Barrier.wait, inside waitFor, behind a shield
// (the shielded job runs on), resisting (returns a value), cleaning up in finally (an await in the
// finally), converting the cancellation into RuntimeError, uncancelling and going on, awaiting a
// sibling task (cancelled twice: by its waiter and by the sweep), already finished with a result
// or an error, never started, and one that cancelled itself. Every task is cancelled with its
// own message in creation order; cancel()'s return value, the order the tasks see their
// CancelledError, gather(returnExceptions)'s outcome for each, cancelled()/cancelling() after,
// the shielded job's fate, and the primitives' state after (lock re-acquired by the condition
// waiter and released) are traced; a last task left running is cancelled by run() itself.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class RuntimeError extends Error { constructor(m) { super(m ?? ""); this.name = "RuntimeError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];

try {
  await aio.run(function* () {
    const q = new aio.Queue();
    const lock = new aio.Lock();
    const ev = new aio.Event();
    const cond = new aio.Condition();
    const bar = new aio.Barrier(2);
    let shieldedJob = null;

    const guard = (name, f) => aio.coroutine(function* (...a) {
      try {
        const r = yield* f(...a);
        log.push(`${name} returned ${repr(r)}`);
        return r;
      } catch (e) {
        if (isCancel(e)) log.push(`${name} cancelled ${repr(str(e))}`);
        else log.push(`${name} raised ${e.name}(${repr(str(e))})`);
        throw e;
      }
    });

    const sleeper = aio.coroutine(async function () { await aio.sleep(30); });
    const getter = aio.coroutine(async function () { return await q.get(); });
    const locker = aio.coroutine(async function () {
      return await lock.with(async function () { return "had lock"; });
    });
    const eventer = aio.coroutine(async function () { await ev.wait(); });
    const conder = aio.coroutine(async function () {
      return await cond.with(async function () {
        await cond.wait();
        return "notified";
      });
    });
    const barrier = aio.coroutine(async function () { return await bar.wait(); });
    const waitforer = aio.coroutine(async function () { return await aio.waitFor(aio.sleep(30), 10); });
    const job = aio.coroutine(async function () {
      await aio.sleep(0);
      await aio.sleep(0);
      await aio.sleep(0);
      log.push("shielded job finished");
      return "job result";
    });
    const shielder = aio.coroutine(async function () {
      shieldedJob = aio.ensureFuture(job());
      return await aio.shield(shieldedJob);
    });
    const resister = aio.coroutine(async function () {
      try {
        await aio.sleep(30);
      } catch (e) {
        if (!isCancel(e)) throw e;
        return "resisted";
      }
    });
    const cleaner = aio.coroutine(async function () {
      try {
        await aio.sleep(30);
      } finally {
        log.push("cleaner cleaning up");
        await aio.sleep(0);
        log.push("cleaner cleaned");
      }
    });
    const converter = aio.coroutine(async function () {
      try {
        await aio.sleep(30);
      } catch (e) {
        if (!isCancel(e)) throw e;
        throw new RuntimeError("converted " + str(e));
      }
    });
    const uncanceller = aio.coroutine(async function () {
      const me = aio.currentTask();
      try {
        await aio.sleep(30);
      } catch (e) {
        if (!isCancel(e)) throw e;
        const n = me.uncancel();
        log.push(`uncanceller uncancel -> ${n}`);
      }
      await aio.sleep(0);
      return `carried on, cancelling ${me.cancelling()}`;
    });
    const awaiter = aio.coroutine(async function (other) { return await other; });
    const ok = aio.coroutine(async function () { return "done early"; });
    const bad = aio.coroutine(async function () { throw new ValueError("failed early"); });
    const suicidal = aio.coroutine(async function () {
      aio.currentTask().cancel("by myself");
      await aio.sleep(0);
      return "unreachable";
    });
    const neverStarted = aio.coroutine(async function () { return "never"; });

    yield* lock.acquire();
    const fns = { sleeper, getter, locker, eventer, conder, barrier, waitforer, shielder,
      resister, cleaner, converter, uncanceller, ok, bad, suicidal };
    const tasks = new Map();
    for (const [n, f] of Object.entries(fns)) tasks.set(n, aio.createTask(guard(n, f)(), { name: n }));
    tasks.set("awaiter", aio.createTask(guard("awaiter", awaiter)(tasks.get("sleeper")), { name: "awaiter" }));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    tasks.set("never_started", aio.createTask(guard("never_started", neverStarted)(), { name: "never_started" }));
    print("startup |", log.join("; "));
    log.length = 0;
    print("done before shutdown", [...tasks].filter(([, t]) => t.done()).map(([n]) => n));

    const lingering = aio.createTask(guard("lingering", sleeper)(), { name: "lingering" });
    const rets = [];
    for (const [n, t] of tasks) rets.push(`${n}:${repr(t.cancel("shutdown " + n))}`);
    print("cancel() ->", rets.join(" "));
    print("cancelling", Object.fromEntries([...tasks].filter(([, t]) => t.cancelling()).map(([n, t]) => [n, t.cancelling()])));
    lock.release();
    const res = yield* aio.gather(...tasks.values(), { returnExceptions: true });
    print("order |", log.join("; "));
    log.length = 0;
    [...tasks].forEach(([n, t], i) => {
      const r = res[i];
      const out = r instanceof Error ? `${r.name}(${repr(str(r))})` : repr(r);
      print(`  ${n.padEnd(13)} ${out.padEnd(40)} cancelled=${repr(t.cancelled())} cancelling=${t.cancelling()}`);
    });
    print("shielded job", shieldedJob.done(), yield* shieldedJob, "|", log.join("; "));
    log.length = 0;
    print("lock", lock.locked(), "cond lock", cond.locked(), "barrier waiting", bar.nWaiting,
      "broken", bar.broken, "queue getters empty", q.empty());
    q.putNowait("late item");
    print("queue after late put", q.qsize(), q.getNowait());
    yield* aio.sleep(0);
    print("main returns; lingering pending", !lingering.done());
  });
} finally {
  print("after run |", log.join("; "));
}
