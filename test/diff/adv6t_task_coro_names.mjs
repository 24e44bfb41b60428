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

const work = aio.coroutine(function* work(v) {
  const me = aio.currentTask();
  seen[v] = me;
  print("  in", v, me.getName(), me.getCoro().name, "coro is mine", me.getCoro() === (coros[v] ?? me.getCoro()));
  yield* aio.sleep(0);
  return v;
});

function mk(v) {
  const c = work(v);
  coros[v] = c;
  return c;
}

const renamer = aio.coroutine(function* renamer(target) {
  yield* aio.sleep(0);
  target.setName("renamed by a sibling");
  return "renamed";
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("main", me.getName(), me.getCoro().name);
  print("gather", yield* aio.gather(mk("g1"), mk("g2")));
  print("wait_for", yield* aio.waitFor(mk("wf"), 1));
  print("shield", yield* aio.shield(mk("sh")));
  for (const aw of aio.asCompleted([mk("ac")])) print("as_completed", yield* aw);
  const t = aio.ensureFuture(mk("ef"));
  print("ensure_future", t.getName(), yield* t, "coro after done", t.getCoro() === coros.ef);
  print("-- names given");
  const a = aio.createTask(mk("named-a"), { name: "A" });
  const b = loop.createTask(mk("named-b"), { name: "B" });
  const c = aio.createTask(mk("unnamed"));
  print("  ", a.getName(), b.getName(), c.getName());
  yield* aio.gather(a, b, c);
  print("-- a task running sleep() itself");
  const s = aio.createTask(aio.sleep(0, "slept"));
  print("  ", s.getName(), s.getCoro().name, String(s));
  print("  ", yield* s, String(s));
  print("-- renamed while it runs and while awaited");
  const target = aio.createTask(aio.sleep(0.05, "t"), { name: "before" });
  const r = aio.createTask(renamer(target));
  const holder = aio.createTask(aio.waitFor(target, 1), { name: "holder" });
  yield* aio.sleep(0);
  print("  ", target.getName(), "|", String(holder));
  yield* r;
  print("  ", target.getName());
  yield* holder;
  target.setName(null);
  print("  done, set_name(None):", repr(target.getName()), String(target));
  target.setName(42);
  print("  set_name(42):", repr(target.getName()));
  print("-- tasks running asyncio's own coroutines: their reprs");
  const lock = new aio.Lock();
  yield* lock.acquire();
  const ev = new aio.Event();
  const cond = new aio.Condition();
  const sem = new aio.BoundedSemaphore(1);
  yield* sem.acquire();
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
  yield* aio.sleep(0);
  for (const t of ts) {
    if (t.done()) print("  ", t.getName(), "done:", t.exception() ? repr(t.exception()) : repr(t.result()));
    t.cancel();
  }
  yield* aio.sleep(0);
  print("  ", ts.filter((t) => t.cancelled()).length, "cancelled");
  const d = aio.createTask(mk("last"));
  yield* d;
  print("  next default name", d.getName(), "seen is the task", seen.last === d);
});

await aio.run(main);
