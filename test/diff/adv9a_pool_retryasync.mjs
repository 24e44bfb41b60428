import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv9a_pool_retry.mjs.

// A worker pool drains a job queue; each job runs under waitFor() with a per-item timeout and is
// retried (re-queued with its attempt count) up to a limit. Jobs: fast ones (a few sleep(0)),
// hangers (sleep 30: they always time out), one that fails with ValueError on its first
// attempt only, one that swallows its cancellation once and then finishes (waitFor then returns
// its result), timeouts of 0, a negative one and null. The trace: who took which job, each
// attempt's outcome (the timeouts that fire are 100 ms or more apart), cancelling() of the
// workers after every timeout (waitFor must leave it 0), the results table, join(), and the
// pool's shutdown (cancel + gather(returnExceptions)).
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const attempts = new Map();
const pyr = (x) => (x === null ? "None" : repr(x));

const job = aio.coroutine(async function (name, kind, n) {
  attempts.set(name, (attempts.get(name) ?? 0) + 1);
  const a = attempts.get(name);
  if (kind === "fast") {
    for (let i = 0; i < n; i++) await aio.sleep(0);
    return `${name} ok after ${n} ticks`;
  }
  if (kind === "hang") {
    await aio.sleep(30);
    return "never";
  }
  if (kind === "flaky") {
    await aio.sleep(0);
    if (a === 1) throw new ValueError(`${name} flaked`);
    return `${name} ok on try ${a}`;
  }
  if (kind === "obstinate") {
    try {
      await aio.sleep(30);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print(`    ${name} swallows CancelledError(${repr(str(e))})`);
      return `${name} finished anyway`;
    }
  }
  if (kind === "slow-then-fast") {
    if (a === 1) await aio.sleep(30);
    return `${name} ok on try ${a}`;
  }
  throw new Error(kind);
});

await aio.run(async function () {
  const q = new aio.Queue();
  const results = new Map();
  const MAXTRY = 3;

  const worker = aio.coroutine(async function (w) {
    const me = aio.currentTask();
    let done = 0;
    try {
      while (true) {
        const [name, kind, n, timeout, tries] = await q.get();
        try {
          print(`  ${w} takes ${name} (try ${tries}, timeout ${pyr(timeout)})`);
          let r;
          try {
            r = await aio.waitFor(job(name, kind, n), timeout);
          } catch (e) {
            if (e instanceof aio.TimeoutError) {
              print(`  ${w}: ${name} timed out ${repr(str(e))} cancelling=${me.cancelling()}`);
              if (tries < MAXTRY) q.putNowait([name, kind, n, timeout, tries + 1]);
              else results.set(name, "gave up");
              continue;
            }
            if (e instanceof ValueError) {
              print(`  ${w}: ${name} failed ${repr(e)}`);
              q.putNowait([name, kind, n, timeout, tries + 1]);
              continue;
            }
            throw e;
          }
          print(`  ${w}: ${name} -> ${repr(r)}`);
          results.set(name, r);
          done += 1;
        } finally {
          q.taskDone();
        }
      }
    } catch (e) {
      if (isCancel(e)) print(`  ${w} stops after ${done} jobs, msg ${repr(str(e))}, cancelling ${me.cancelling()}`);
      throw e;
    }
  });

  const jobs = [["a", "fast", 1, 0.1], ["b", "hang", 0, 0.2], ["c", "flaky", 0, 0.1],
    ["d", "fast", 3, null], ["e", "obstinate", 0, 0.5], ["f", "slow-then-fast", 0, 0.9],
    ["g", "fast", 0, 0], ["h", "fast", 2, -1], ["i", "fast", 0, 5]];
  for (const [name, kind, n, t] of jobs) q.putNowait([name, kind, n, t, 1]);
  print("queue", q.qsize(), "jobs");
  const ws = [0, 1, 2].map((i) => aio.createTask(worker(`w${i}`), { name: `w${i}` }));
  await q.join();
  print("joined; queue empty", q.empty());
  for (const name of [...results.keys()].sort()) {
    print("  result", name, repr(results.get(name)), "attempts", attempts.get(name) ?? 0);
  }
  print("pending workers", ws.filter((w) => !w.done()).map((w) => w.getName()));
  ws.forEach((w, i) => w.cancel(`pool closing ${i}`));
  const res = await aio.gather(...ws, { returnExceptions: true });
  print("shutdown", res.map((r) => r.name), ws.map((w) => w.cancelled()));
  print("extra:", q.qsize(), await aio.waitFor(aio.sleep(0, "still running"), 0.5));
});
