import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Which composition functions wrap coroutines in tasks: the default task names (Task-N, a
// per-process counter) show how many tasks each one creates, and in which order.
const who = aio.coroutine(async function (label) {
  const t = aio.currentTask();
  print(label, "runs in", t.getName());
  await aio.sleep(0);
  return label;
});

function probe(label) {
  const t = aio.createTask(aio.sleep(0));
  const name = t.getName();
  print(label, "next task number is", name);
  return t;
}

await aio.run(async function () {
  print("main is", aio.currentTask().getName());
  await probe("start");

  print("-- gather of coroutines, with a duplicate and sleeps");
  const c = who("g-c");
  await aio.gather(c, who("g-d"), c, aio.sleep(0, "s"));
  await probe("after gather");

  print("-- wait_for: timeout None (no task), timeout > 0 and timeout 0");
  await aio.waitFor(who("wf-none"), null);
  await aio.waitFor(who("wf-10"), 10);
  try {
    await aio.waitFor(who("wf-0"), 0);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("wf-0 timed out before starting");
  }
  await probe("after wait_for");

  print("-- shield of a coroutine");
  await aio.shield(who("shield"));
  await probe("after shield");

  print("-- as_completed of one coroutine, lazily");
  const it = aio.asCompleted([who("ac")]);
  await probe("as_completed not iterated yet");
  for (const aw of it) await aw;
  await probe("after as_completed");

  print("-- timeout and TaskGroup");
  await aio.timeout(1, async function () {
    await who("in-timeout");
  });
  await aio.taskGroup(async function (tg) {
    tg.createTask(who("tg-1"));
    tg.createTask(who("tg-2"));
    tg.createTask(who("tg-3"));
  });
  await probe("after tg");

  print("-- ensure_future of a task and a future: no new task");
  const f = aio.getRunningLoop().createFuture();
  print(aio.ensureFuture(f) === f);
  await probe("end");
  f.cancel();
});
