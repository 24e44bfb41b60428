import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Which composition functions wrap coroutines in tasks: the default task names (Task-N, a
// per-process counter) show how many tasks each one creates, and in which order.
const who = aio.coroutine(function* (label) {
  const t = aio.currentTask();
  print(label, "runs in", t.getName());
  yield* aio.sleep(0);
  return label;
});

function probe(label) {
  const t = aio.createTask(aio.sleep(0));
  const name = t.getName();
  print(label, "next task number is", name);
  return t;
}

await aio.run(function* () {
  print("main is", aio.currentTask().getName());
  yield* probe("start");

  print("-- gather of coroutines, with a duplicate and sleeps");
  const c = who("g-c");
  yield* aio.gather(c, who("g-d"), c, aio.sleep(0, "s"));
  yield* probe("after gather");

  print("-- wait_for: timeout None (no task), timeout > 0 and timeout 0");
  yield* aio.waitFor(who("wf-none"), null);
  yield* aio.waitFor(who("wf-10"), 10);
  try {
    yield* aio.waitFor(who("wf-0"), 0);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("wf-0 timed out before starting");
  }
  yield* probe("after wait_for");

  print("-- shield of a coroutine");
  yield* aio.shield(who("shield"));
  yield* probe("after shield");

  print("-- as_completed of one coroutine, lazily");
  const it = aio.asCompleted([who("ac")]);
  yield* probe("as_completed not iterated yet");
  for (const aw of it) yield* aw;
  yield* probe("after as_completed");

  print("-- timeout and TaskGroup");
  yield* aio.timeout(1, function* () {
    yield* who("in-timeout");
  });
  yield* aio.taskGroup(function* (tg) {
    tg.createTask(who("tg-1"));
    tg.createTask(who("tg-2"));
    tg.createTask(who("tg-3"));
  });
  yield* probe("after tg");

  print("-- ensure_future of a task and a future: no new task");
  const f = aio.getRunningLoop().createFuture();
  print(aio.ensureFuture(f) === f);
  yield* probe("end");
  f.cancel();
});
