import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10r_pool_taskgroup.mjs.


// A bounded worker pool inside a TaskGroup: a producer feeds a Queue(2) (blocking on put when it
// is full), three workers process jobs (a few sleep(0) ticks each) and one job raises. The group
// then cancels the producer (blocked in put), the workers (blocked in get, or mid-job: their
// cleanup awaits, one of them raises OSError from its cleanup, one swallows the cancellation and
// returns), and the body (blocked in q.join()). Traced: every step in order, the ExceptionGroup
// (message, the errors in order, their types), what is left in the queue, the jobs each worker
// finished. The pool is run again on what was left, with the bad job moved to a dead-letter list
// (it succeeds); then with two jobs failing in the same iteration (both collected); then the
// parent is cancelled from outside after k iterations for k = 0..7 while a job fails (from k=4
// on, the group's error wins and the parent returns), then tg.createTask after the group has
// begun to shut down and after it has finished.
class JobError extends Error { constructor(m) { super(m ?? ""); this.name = "JobError"; } }
class OSError extends Error { constructor(m) { super(m ?? ""); this.name = "OSError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const describe = (eg) => `${eg.name} ${repr(str(eg))} ${repr(eg.errors.map((e) => tuple(e.name, str(e))))}`;
const sortedItems = (m) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => tuple(k, v));

const runPool = aio.coroutine(async function (tag, jobs, bad, nworkers = 3, headstrong = null, cleanupFails = null) {
  const q = new aio.Queue(2);
  const done = new Map();

  const producer = aio.coroutine(async function () {
    try {
      for (const j of jobs) {
        await q.put(j);
        log.push(`put ${j}`);
      }
      log.push("producer finished");
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(`producer cancelled at ${q.qsize()} queued ${repr(str(e))}`);
      throw e;
    }
  });

  const worker = aio.coroutine(async function (w) {
    done.set(w, []);
    while (true) {
      const j = await q.get();
      try {
        log.push(`${w} takes ${j}`);
        for (let i = 0; i < Number(j.slice(1)) % 4; i++) await aio.sleep(0);
        if (bad.has(j)) throw new JobError(`${j} failed in ${w}`);
        done.get(w).push(j);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        log.push(`${w} cancelled during ${j}`);
        if (w === headstrong) {
          log.push(`${w} swallows it`);
          return `headstrong ${w}`;
        }
        await aio.sleep(0);
        log.push(`${w} cleaned up ${j}`);
        if (w === cleanupFails) throw new OSError(`${w} cleanup failed`);
        throw e;
      } finally {
        q.taskDone();
      }
    }
  });

  let ws = [];
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(producer(), { name: "producer" });
      ws = [...Array(nworkers).keys()].map((i) => tg.createTask(worker(`w${i}`), { name: `w${i}` }));
      try {
        await aio.sleep(0);
        await q.join();
        log.push("body joined");
      } catch (e) {
        if (e instanceof aio.CancelledError) log.push(`body cancelled in join, ${q.qsize()} left`);
        throw e;
      }
      for (const w of ws) w.cancel("pool done");
    });
    flush(tag);
    print(tag, "clean exit");
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    flush(tag);
    print(tag, describe(eg));
  }
  const left = [];
  while (!q.empty()) left.push(q.getNowait());
  print(tag, "finished", sortedItems(done), "left in queue", left);
  print(tag, "workers", ws.map((w) => w.getName() + ":" + (w.cancelled() ? "cancelled" : repr(w.exception() ?? w.result()))));
  return left;
});

await aio.run(async function () {
  const jobs = [...Array(10).keys()].map((i) => `j${i + 1}`);
  print("-- one job fails; a worker's cleanup fails; a worker swallows the cancel");
  const left = await runPool("pool1", jobs, new Set(["j4"]), 3, "w1", "w0");
  print("-- rerun on the leftovers, the bad job moved to dead letters");
  const dead = ["j4"];
  const rest = jobs.filter((j) => !dead.includes(j) && !["j1", "j2", "j3", "j5", "j6"].includes(j));
  await runPool("pool2", [...rest, ...left], new Set());
  print("dead letters", dead);
  print("-- two jobs fail in the same iteration");
  await runPool("pool3", ["j5", "j9", "j2", "j6"], new Set(["j5", "j9"]), 2);

  print("-- the parent is cancelled from outside after k iterations, a job fails meanwhile");
  for (let k = 0; k < 8; k++) {
    const t = aio.createTask(runPool(`pool4.${k}`, ["j0", "j3", "j7"], new Set(["j3"]), 2), { name: "parent" });
    for (let i = 0; i < k; i++) await aio.sleep(0);
    print(`k=${k} cancel parent ->`, t.cancel("operator"), "cancelling", t.cancelling());
    try {
      await t;
      print("  parent returned", t.result(), "cancelling", t.cancelling());
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      flush(`  pool4.${k}`);
      print("  parent cancelled", repr(str(e)), t.cancelled(), "cancelling", t.cancelling());
    }
  }

  print("-- create_task on a shutting-down group and on a finished one");
  const holder = [];
  const failer = aio.coroutine(async function () {
    await aio.sleep(0);
    throw new JobError("boom");
  });
  const lateCreator = aio.coroutine(async function (tg) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (e instanceof aio.CancelledError) {
        try {
          tg.createTask(aio.sleep(0, "late"));
        } catch (e2) {
          if (!(e2 instanceof aio.RuntimeError)) throw e2;
          print("shutting down:", repr(e2));
        }
      }
      throw e;
    }
  });
  try {
    await aio.taskGroup(async function (tg) {
      holder.push(tg);
      tg.createTask(failer());
      tg.createTask(lateCreator(tg));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print(describe(eg));
  }
  try {
    holder[0].createTask(aio.sleep(0));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("finished:", repr(e));
  }
  print("loop still fine:", await aio.sleep(0, "yes"));
});
