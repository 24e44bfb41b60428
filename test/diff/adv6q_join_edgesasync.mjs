import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6q_join_edges.mjs.

// join()/task_done() edge cases: the unfinished count (tasks=N in str) as puts succeed, fail with
// QueueFull, or wait and are cancelled; task_done() for items still queued; joiners that start
// after the count reached zero (no wait) or after a put in the same iteration (they wait for the
// new item); a joiner cancelled after it was woken (CancelledError all the same) and one
// cancelled before; join() under shield() whose outer await is cancelled; task_done() too often
// inside a task (the task fails with ValueError, RangeError here; the loop goes on); a worker
// pool with task_done() in finally and items that raise.
class ValueError extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "ValueError";
  }
}
const ename = (e) => (e instanceof RangeError ? "ValueError" : e.name);

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return ename(t.exception()) + ":" + t.exception().message;
  return "result " + repr(t.result());
}

const spin = aio.coroutine(async function (k) {
  for (let i = 0; i < k; i++) await aio.sleep(0);
});

await aio.run(async function () {
  const log = [];

  const joiner = aio.coroutine(async function (q, name) {
    try {
      await q.join();
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(tuple(name, "cancelled"));
      throw e;
    }
    log.push(tuple(name, "joined", String(q)));
    return name;
  });

  const flush = (tag, q) => {
    print(tag, ...log, "|", String(q));
    log.length = 0;
  };

  print("-- the count");
  let q = new aio.Queue(2);
  q.putNowait(1);
  q.putNowait(2);
  try {
    q.putNowait(3);
  } catch (e) {
    if (!(e instanceof aio.QueueFull)) throw e;
    flush("QueueFull", q);
  }
  const p = aio.createTask(q.put(3));
  await spin(1);
  p.cancel();
  await spin(1);
  flush("put waited and was cancelled: " + state(p), q);
  q.taskDone();
  q.taskDone();
  flush("two task_done with both items queued", q);
  let j = aio.createTask(joiner(q, "j0"));
  await spin(1);
  flush("j0 started: " + state(j), q);
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    flush("ValueError " + e.message, q);
  }
  print("items still there", q.getNowait(), q.getNowait(), String(q));

  print("-- joiners around zero");
  q = new aio.Queue();
  q.putNowait("a");
  const j1 = aio.createTask(joiner(q, "j1"));
  const j2 = aio.createTask(joiner(q, "j2"));
  const j3 = aio.createTask(joiner(q, "j3"));
  await spin(1);
  flush("three wait", q);
  j1.cancel();
  q.getNowait();
  q.taskDone();
  j2.cancel();
  q.putNowait("b");
  const late = aio.createTask(joiner(q, "late"));
  flush("j1 cancelled, done, j2 cancelled after the wake-up, put b, late joiner", q);
  await spin(1);
  flush("tick1", q);
  await spin(1);
  flush("tick2 " + repr([j1, j2, j3, late].map(state)), q);
  q.getNowait();
  q.taskDone();
  await spin(2);
  flush("b done " + state(late), q);

  print("-- join under shield");
  q = new aio.Queue();
  q.putNowait("s");
  const inner = aio.ensureFuture(joiner(q, "inner"));
  const outer = aio.coroutine(async function () {
    try {
      await aio.shield(inner);
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(tuple("outer", "cancelled", inner.done()));
      throw e;
    }
  });
  const o = aio.createTask(outer());
  await spin(1);
  o.cancel();
  await spin(1);
  flush("outer cancelled " + state(o) + " inner " + state(inner), q);
  q.taskDone();
  await spin(2);
  flush("task_done " + state(inner), q);

  print("-- task_done too often inside a task");
  q = new aio.Queue();
  const bad = aio.coroutine(async function () {
    q.putNowait("x");
    q.taskDone();
    q.taskDone();
  });
  const t = aio.createTask(bad());
  await spin(1);
  flush("bad: " + state(t), q);
  j = aio.createTask(joiner(q, "after-bad"));
  await spin(1);
  flush("joiner after the failure: " + state(j), q);

  print("-- worker pool");
  q = new aio.Queue(2);
  const worker = aio.coroutine(async function (name) {
    while (true) {
      const item = await q.get();
      try {
        await aio.sleep(0);
        if (item % 3 === 0) throw new ValueError(String(item));
        log.push(tuple(name, item));
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        log.push(tuple(name, "failed", e.message));
      } finally {
        q.taskDone();
      }
    }
  });
  const ws = [0, 1].map((i) => aio.createTask(worker(`w${i}`)));
  const jj = aio.createTask(joiner(q, "pool-joiner"));
  for (let i = 1; i < 8; i++) {
    await q.put(i);
    log.push(tuple("put", i, q.qsize()));
  }
  await jj;
  flush("all done", q);
  for (const w of ws) w.cancel();
  const res = await aio.gather(...ws, { returnExceptions: true });
  print("workers", res.map((x) => x.name), String(q));
  const c = q.join();
  await c;
  try {
    await c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
});
