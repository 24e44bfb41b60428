import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// getCoro(), getName() and the Task-N counter for the tasks the composition functions make
// from coroutines (gather, waitFor, shield, asCompleted, ensureFuture), for
// aio.createTask(coro, { name }) (as 3.11's asyncio.create_task it is created unnamed, taking a
// number, then renamed) and loop.createTask(coro, { name }) (takes none), a task running
// sleep() itself, setName() while the task runs as its awaiter's repr shows it, and after it is
// done; getCoro() is the very coroutine object passed in, before, during and after the run.
// Tasks running asyncio's own coroutines (sleep, wait, waitFor, the locks', the barrier's and
// the queues' methods, an asCompleted awaitable) show its __qualname__ in their reprs.

const seen = {};
const coros = {};

const work = aio.coroutine(async function work(v) {
  const me = aio.currentTask();
  seen[v] = me;
  print("  in", v, me.getName(), me.getCoro().name, "coro is mine", me.getCoro() === (coros[v] ?? me.getCoro()));
  await aio.sleep(0);
  return v;
});

function mk(v) {
  const c = work(v);
  coros[v] = c;
  return c;
}

const renamer = aio.coroutine(async function renamer(target) {
  await aio.sleep(0);
  target.setName("renamed by a sibling");
  return "renamed";
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("main", me.getName(), me.getCoro().name);
  print("gather", await aio.gather(mk("g1"), mk("g2")));
  print("wait_for", await aio.waitFor(mk("wf"), 1));
  print("shield", await aio.shield(mk("sh")));
  for (const aw of aio.asCompleted([mk("ac")])) print("as_completed", await aw);
  const t = aio.ensureFuture(mk("ef"));
  print("ensure_future", t.getName(), await t, "coro after done", t.getCoro() === coros.ef);
  print("-- names given");
  const a = aio.createTask(mk("named-a"), { name: "A" });
  const b = loop.createTask(mk("named-b"), { name: "B" });
  const c = aio.createTask(mk("unnamed"));
  print("  ", a.getName(), b.getName(), c.getName());
  await aio.gather(a, b, c);
  print("-- a task running sleep() itself");
  const s = aio.createTask(aio.sleep(0, "slept"));
  print("  ", s.getName(), s.getCoro().name, String(s));
  print("  ", await s, String(s));
  print("-- renamed while it runs and while awaited");
  const target = aio.createTask(aio.sleep(0.05, "t"), { name: "before" });
  const r = aio.createTask(renamer(target));
  const holder = aio.createTask(aio.waitFor(target, 1), { name: "holder" });
  await aio.sleep(0);
  print("  ", target.getName(), "|", String(holder));
  await r;
  print("  ", target.getName());
  await holder;
  target.setName(null);
  print("  done, set_name(None):", repr(target.getName()), String(target));
  target.setName(42);
  print("  set_name(42):", repr(target.getName()));
  print("-- tasks running asyncio's own coroutines: their reprs");
  const lock = new aio.Lock();
  await lock.acquire();
  const ev = new aio.Event();
  const cond = new aio.Condition();
  const sem = new aio.BoundedSemaphore(1);
  await sem.acquire();
  const bar = new aio.Barrier(2);
  const q = new aio.LifoQueue(1);
  q.putNowait(1);
  const q2 = new aio.Queue();
  const f = loop.createFuture();
  const made = [aio.sleep(1), aio.wait([f]), aio.waitFor(f, 5), lock.acquire(), ev.wait(), cond.wait(),
    cond.waitFor(() => false), sem.acquire(), bar.wait(), bar.reset(), bar.abort(), q.put(2), q2.get(),
    q.join(), aio.asCompleted([f])[Symbol.iterator]().next().value];
  const ts = made.map((c, i) => aio.createTask(c, { name: "k" + i }));
  for (const t of ts) print("  ", String(t), "| get_coro", t.getCoro() === made[ts.indexOf(t)]);
  await aio.sleep(0);
  for (const t of ts) {
    if (t.done()) print("  ", t.getName(), "done:", t.exception() ? repr(t.exception()) : repr(t.result()));
    t.cancel();
  }
  await aio.sleep(0);
  print("  ", ts.filter((t) => t.cancelled()).length, "cancelled");
  const d = aio.createTask(mk("last"));
  await d;
  print("  next default name", d.getName(), "seen is the task", seen.last === d);
});

await aio.run(main);
