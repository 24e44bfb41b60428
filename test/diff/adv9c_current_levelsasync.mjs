import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// current_task() checked at every level of two tasks running the same three-level chain of
// directly awaited coroutines side by side (their steps interleave): on entry, after each await,
// after an inner coroutine returned, inside a timeout() block and a TaskGroup body (the same
// task), in a TaskGroup child, in gather()'s, wait_for()'s and shield()'s children (tasks of
// their own, default names), after a caught ValueError and a caught self-cancellation, in a
// call_soon callback and a done callback (None), in a task created from the deepest level that
// awaits a coroutine of its own. Return values flow back up the chain.

class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}

function who() {
  const t = aio.currentTask();
  return t === null ? "None" : t.getName();
}
const P = print;

const child = aio.coroutine(async function child(tag, me) {
  P(me, "  child", tag, "start", who());
  await aio.sleep(0);
  P(me, "  child", tag, "after sleep", who());
  return tag;
});

const failing = aio.coroutine(async function failing(me) {
  P(me, "  failing in", who());
  await aio.sleep(0);
  throw new ValueError("f");
});

const grandchild = aio.coroutine(async function grandchild(me) {
  P(me, "  grandchild", who());
  await aio.sleep(0);
  return await child("gc", me);
});

const leafOps = aio.coroutine(async function leaf_ops(me) {
  const loop = aio.getRunningLoop();
  const task = aio.currentTask();
  loop.callSoon(() => P(me, "  call_soon callback sees", who()));
  await aio.timeout(10, async function () {
    P(me, "  timeout body", who());
    await aio.sleep(0);
    P(me, "  timeout body after await", who());
  });
  let c;
  await aio.taskGroup(async function (tg) {
    P(me, "  tg body", who());
    c = tg.createTask(child("tgc", me), { name: me + "-tgchild" });
    await aio.sleep(0);
    P(me, "  tg body after await", who());
  });
  P(me, "  after tg", who(), c.result());
  const rs = await aio.gather(child("g1", me), child("g2", me));
  P(me, "  gather ->", rs, who());
  let r = await aio.waitFor(child("wf", me), 5);
  P(me, "  wait_for ->", r, who());
  r = await aio.shield(child("sh", me));
  P(me, "  shield ->", r, who());
  try {
    await failing(me);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    P(me, "  caught", repr(e), who());
  }
  task.cancel("self");
  try {
    await aio.sleep(0);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    P(me, "  caught cancel", repr(e.message), who(), "uncancel", task.uncancel());
  }
  const f = loop.createFuture();
  f.addDoneCallback(() => P(me, "  done callback sees", who()));
  loop.callSoon((v) => f.setResult(v), "fv");
  P(me, "  future ->", await f, who());
  const t = aio.createTask(grandchild(me), { name: me + "-gc" });
  P(me, "  created", t.getName(), "still", who());
  r = await t;
  P(me, "  task ->", r, who());
  return me + ":leaf";
});

const level = aio.coroutine(async function level(n, me) {
  P(me, `L${n} enter`, who());
  await aio.sleep(0);
  P(me, `L${n} after sleep`, who());
  const r = n < 3 ? await level(n + 1, me) : await leafOps(me);
  P(me, `L${n} after inner`, who(), r);
  return `L${n}(${r})`;
});

await aio.run(async function main() {
  P("main", who());
  const a = aio.createTask(level(1, "A"), { name: "A" });
  const b = aio.createTask(level(1, "B"), { name: "B" });
  const ra = await a;
  P("main got", ra, who());
  const rb = await b;
  P("main got", rb, who());
  P("main done", who(), [...aio.allTasks()].map((t) => t.getName()).sort());
});
