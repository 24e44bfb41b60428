import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10s_queue_pool_churn.mjs.

// A bounded Queue, LifoQueue and PriorityQueue (maxsize 2) between a producer and a pool of
// consumers that main cancels at scripted steps: while holding an item before task_done() (one
// marks it done in finally, one also puts it back with put_nowait(), which succeeds or fails with
// QueueFull), while it waits in get(), twice in one step (the first message wins; the consumer
// swallows one cancellation with uncancel() and goes on with cancelling() still 1); the producer
// cancelled while it waits in put() (its item is never put); put_nowait()/get_nowait() from main
// racing the pool; join() waiters: one plain, one under wait_for(..., 0) (TimeoutError at once),
// one through shield() whose outer await is cancelled. Per step: the events, str() of the queue
// and every task's state; at the end, str() of the queue, what was consumed and what is left.
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];
const consumed = [];

const producer = aio.coroutine(async function (q, items) {
  for (const x of items) {
    try {
      await q.put(x);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("prod", "cancelled at", x, args(e)));
      throw e;
    }
    log.push(tuple("prod", "put", x));
  }
  return "produced";
});

const consumer = aio.coroutine(async function (q, name, policy) {
  let swallowed = false;
  for (;;) {
    let item;
    try {
      item = await q.get();
    } catch (e) {
      if (!isCancel(e)) throw e;
      log.push(tuple(name, "cancelled in get", args(e)));
      if (policy === "swallow" && !swallowed) {
        swallowed = true;
        aio.currentTask().uncancel();
        log.push(tuple(name, "goes on"));
        continue;
      }
      throw e;
    }
    log.push(tuple(name, "got", item));
    try {
      await aio.sleep(0);
      if (item % 3 === 0) await aio.sleep(0);
      consumed.push(item);
      log.push(tuple(name, "done", item));
    } catch (e) {
      if (isCancel(e)) {
        log.push(tuple(name, "cancelled holding", item, args(e)));
        if (policy === "requeue") {
          try {
            q.putNowait(item);
            log.push(tuple(name, "requeued", item));
          } catch (e2) {
            if (!(e2 instanceof aio.QueueFull)) throw e2;
            log.push(tuple(name, "requeue failed: QueueFull", item));
          }
        }
      }
      throw e;
    } finally {
      q.taskDone();
    }
  }
});

const joiner = aio.coroutine(async function (q, name, how) {
  try {
    if (how === "plain") await q.join();
    else if (how === "zero") await aio.waitFor(q.join(), 0);
    else if (how === "shield") await aio.shield(q.join());
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      log.push(tuple(name, "TimeoutError", String(q)));
      return "timeout";
    }
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
  log.push(tuple(name, "joined", String(q)));
  return "joined";
});

const scenario = aio.coroutine(async function (cls, actions) {
  log.length = 0;
  consumed.length = 0;
  const q = new cls(2);
  const ts = new Map();
  ts.set("prod", aio.createTask(producer(q, [5, 3, 8, 1, 9, 2, 7, 4, 6])));
  ts.set("c0", aio.createTask(consumer(q, "c0", "finally")));
  ts.set("c1", aio.createTask(consumer(q, "c1", "requeue")));
  ts.set("c2", aio.createTask(consumer(q, "c2", "swallow")));
  ts.set("j1", aio.createTask(joiner(q, "j1", "plain")));
  ts.set("j2", aio.createTask(joiner(q, "j2", "zero")));
  ts.set("j3", aio.createTask(joiner(q, "j3", "shield")));
  for (let step = 0; step < 16; step++) {
    for (const a of actions[step] ?? []) {
      if (a[0] === "cancel") log.push(tuple("main cancels", a[1], ts.get(a[1]).cancel(a[2])));
      else if (a[0] === "put") {
        try {
          q.putNowait(a[1]);
          log.push(tuple("main put", a[1]));
        } catch (e) {
          if (!(e instanceof aio.QueueFull)) throw e;
          log.push(tuple("main put", a[1], "QueueFull"));
        }
      } else if (a[0] === "get") {
        try {
          const x = q.getNowait();
          log.push(tuple("main got", x));
          q.taskDone();
        } catch (e) {
          if (!(e instanceof aio.QueueEmpty)) throw e;
          log.push(tuple("main got", "QueueEmpty"));
        }
      }
    }
    await aio.sleep(0);
    if (log.length) {
      print(`   ${String(step).padStart(2)}`, ...log, "|", String(q), ...[...ts].map(([n, t]) => `${n}=${st(t)}`));
      log.length = 0;
    }
  }
  // cancel until everything is done (c2 swallows one cancellation)
  while ([...ts.values()].some((t) => !t.done())) {
    for (const t of ts.values()) t.cancel();
    await aio.sleep(0);
    await aio.sleep(0);
  }
  const final = String(q);
  const left = [];
  while (!q.empty()) left.push(q.getNowait());
  print("    end", ...log, "|", final, "consumed", [...consumed].sort((a, b) => a - b), "left", left);
});

const ACTIONS = [
  {},
  { 2: [["cancel", "c0", "a"]], 4: [["cancel", "c2", "b"]], 6: [["cancel", "c1", "c"]], 9: [["cancel", "j3", "d"]] },
  { 0: [["put", 0]], 1: [["cancel", "c1", "w"]], 3: [["get"], ["cancel", "prod", "p"]], 5: [["cancel", "c2", "s"], ["cancel", "c2", "t"]] },
  { 1: [["cancel", "c0", "x"], ["cancel", "c1", "y"]], 2: [["put", 10], ["put", 11]], 7: [["cancel", "j1", "j"]], 8: [["cancel", "c2", "z"]] },
];

aio.run(
  aio.coroutine(async function main() {
    for (const cls of [aio.Queue, aio.LifoQueue, aio.PriorityQueue]) {
      for (let i = 0; i < ACTIONS.length; i++) {
        print("--", cls.name, "actions", i);
        await scenario(cls, ACTIONS[i]);
      }
    }
  })(),
);
