import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// repr() of a task while it waits on each kind of awaitable: a sleep, a plain future, a task
// (itself waiting on a task), a gather, a held lock, an event, a queue, a shield, waitFor
// with a timeout, wait(), and then the same tasks right after cancel() (state 'cancelling',
// the waiter already cancelled) and after they ended. Mixed: generator tasks whose
// coroutine awaits an async body (catch_cancel) that waits. Source locations are stripped on the
// Python side.

function show(label, obj) {
  print(label, String(obj));
}

const catchCancel = aio.coroutine(async function catch_cancel(aw) {
  try {
    return await aw;
  } catch (e) {
    if (e instanceof aio.CancelledError) return "caught";
    throw e;
  }
});

const waits = aio.coroutine(function* waits(aw) {
  // The repr shows the task's coroutine (waits) and the innermost future it waits for.
  return yield* catchCancel(aw);
});

const leaf = aio.coroutine(function* leaf(fut) {
  return yield* fut;
});

const mid = aio.coroutine(function* mid(t) {
  return yield* t;
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  const lock = new aio.Lock();
  yield* lock.acquire();
  const ev = new aio.Event();
  const q = new aio.Queue();
  const fLeaf = loop.createFuture();
  const tLeaf = aio.createTask(leaf(fLeaf), { name: "leaf" });
  const tMid = aio.createTask(mid(tLeaf), { name: "mid" });
  const g1 = loop.createFuture();
  const g2 = loop.createFuture();
  const sh = loop.createFuture();
  const wf = loop.createFuture();
  const wt = loop.createFuture();
  const tasks = new Map([
    ["sleep", aio.createTask(waits(aio.sleep(100)), { name: "sleep" })],
    ["future", aio.createTask(waits(fut), { name: "future" })],
    ["task", aio.createTask(waits(tMid), { name: "task" })],
    ["gather", aio.createTask(waits(aio.gather(g1, g2)), { name: "gather" })],
    ["lock", aio.createTask(waits(lock.acquire()), { name: "lock" })],
    ["event", aio.createTask(waits(ev.wait()), { name: "event" })],
    ["queue", aio.createTask(waits(q.get()), { name: "queue" })],
    ["shield", aio.createTask(waits(aio.shield(sh)), { name: "shield" })],
    ["wait_for", aio.createTask(waits(aio.waitFor(wf, 100)), { name: "wait_for" })],
    ["wait", aio.createTask(waits(aio.wait([wt])), { name: "wait" })],
  ]);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  show("leaf", tLeaf);
  show("mid", tMid);
  for (const [k, t] of tasks) show("waiting " + k, t);
  show("gather child", g1);
  show("shield inner", sh);
  show("wait_for inner", wf);
  show("wait inner", wt);
  for (const [k, t] of tasks) {
    print("cancel", k, t.cancel("m-" + k));
    show("cancelling " + k, t);
  }
  show("mid after task cancelled", tMid);
  show("leaf after task cancelled", tLeaf);
  for (let i = 0; i < 4; i++) yield* aio.sleep(0);
  for (const [k, t] of tasks) show("ended " + k, t);
  show("leaf ended", tLeaf);
  show("mid ended", tMid);
  show("gather child ended", g1);
  show("shield inner ended", sh);
  show("wait_for inner ended", wf);
  show("wait inner ended", wt);
  wt.cancel();
  sh.cancel();
  lock.release();
});

await aio.run(main);
