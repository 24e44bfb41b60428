// Twin of adv5_comp_ensure_names.py.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

function name() {
  const t = aio.currentTask();
  return t === null ? null : t.getName();
}

const who = aio.coroutine(function* (tag, n = 0, result = null) {
  print("  run", tag, "in", name());
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
  return result === null ? tag : result;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("main is", name());

  print("-- create_task, ensure_future, gather of coroutines");
  let t = aio.createTask(who("a"));
  const e = aio.ensureFuture(who("b"));
  let g = aio.gather(who("c"), who("d"), t, who("c2"));
  print("names", t.getName(), e.getName());
  print("gather res", yield* g, "e", yield* e);

  print("-- wait_for: no task without a timeout, a task with one; timeout 0 cancels it unstarted");
  print("res", yield* aio.waitFor(who("e"), null));
  print("res", yield* aio.waitFor(who("f"), 5));
  try {
    yield* aio.waitFor(who("f0"), 0);
  } catch (err) {
    if (!(err instanceof aio.TimeoutError)) throw err;
    print("wait_for(coro, 0): TimeoutError; the coroutine never ran");
  }
  try {
    yield* aio.waitFor(who("fneg", 1), -1);
  } catch (err) {
    if (!(err instanceof aio.TimeoutError)) throw err;
    print("wait_for(coro, -1): TimeoutError");
  }
  print("res", yield* aio.waitFor(aio.sleep(0, "slept"), 0.5));

  print("-- shield and as_completed of coroutines");
  print("res", yield* aio.shield(who("g")));
  for (const c of aio.asCompleted([who("h", 1)])) print("res", yield* c);

  print("-- a task created in a callback, by another task, by a task before it starts");
  loop.callSoon(() => print("  callback sees", name(), "and creates", aio.ensureFuture(who("j")).getName()));
  const creator = aio.coroutine(function* () {
    print("  creator", name(), "creates", aio.createTask(who("k")).getName());
    return "creator";
  });
  const c1 = aio.createTask(creator());
  const c2 = aio.createTask(who("l"));
  print("created", c1.getName(), c2.getName());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);

  print("-- ensure_future gives futures back as they are");
  const f = loop.createFuture();
  const gg = aio.gather(f);
  const sh = aio.shield(f);
  const tt = aio.createTask(who("m"));
  print(aio.ensureFuture(f) === f, aio.ensureFuture(gg) === gg,
        aio.ensureFuture(sh) === sh, aio.ensureFuture(tt) === tt,
        aio.ensureFuture(tt, loop) === tt);
  f.setResult("F");
  print("gg", yield* gg, "sh", yield* sh, "tt", yield* tt);

  print("-- one task awaited by two tasks, a gather, a wait and a wait_for at once");
  const target = aio.createTask(who("target", 2, "T"), { name: "target" });
  const awaiter = aio.coroutine(function* (tag) {
    const r = yield* target;
    print("  awaiter", tag, "got", r, "in", name());
    return r;
  });
  const a1 = aio.createTask(awaiter("x"), { name: "x" });
  const a2 = aio.createTask(awaiter("y"), { name: "y" });
  g = aio.gather(target, target);
  g.addDoneCallback(() => print("  gather done"));
  target.addDoneCallback(() => print("  user callback on target"));
  const w = aio.ensureFuture(aio.wait([target]));
  const wf = aio.ensureFuture(aio.waitFor(target, 5));
  print("wrappers", w.getName(), wf.getName());
  yield* aio.sleep(0);
  print("results", yield* g, yield* a1, yield* a2, (yield* w)[0].size, yield* wf);

  print("-- the same coroutine function, many coroutines: each its own task");
  const ts = [0, 1, 2].map((i) => aio.ensureFuture(who("n" + i)));
  print("names", ts.map((x) => x.getName()));
  print("res", yield* aio.gather(...ts, ...ts));
  print("tasks left", [...aio.allTasks()].map((x) => x.getName()).sort());
});
