import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A coroutine awaits the task that runs it, possibly several awaits deep. asyncio throws
// RuntimeError('Task cannot await on itself: <Task ...>') into it on the task's next step (the
// repr differs by design: print the fixed part). The task then goes on as usual.
const log = [];

const nested = aio.coroutine(async function (depth) {
  if (depth > 0) return await nested(depth - 1);
  const me = aio.currentTask();
  aio.getRunningLoop().callSoon((x) => log.push(x), "cb");
  try {
    await me;
    print("not reached");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  RuntimeError", repr(str(e).split(":")[0]), "log", log);
  }
  print("  current task is the task", aio.currentTask() === me);
  await aio.sleep(0);
  print("  after sleep(0), current task is the task", aio.currentTask() === me);
  try {
    await aio.sleep(0.5);
    print("  slept: not cancelled");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  cancelled at its await", repr(str(e)));
    throw e;
  } finally {
    log.length = 0;
  }
});

const noop = aio.coroutine(async function () {});

await aio.run(async () => {
  // each in a fresh task (CPython leaves the task's _asyncio_future_blocking set after a
  // self-await, so a second one in the same task fails differently)
  for (let depth = 0; depth < 4; depth++) {
    print("depth", depth);
    const t = aio.createTask(nested(depth), { name: `t${depth}` });
    for (let i = 0; i < 3; i++) await aio.sleep(0);
    print(" cancel ->", t.cancel(`stop ${depth}`));
    const [done, pending] = await aio.wait(new Set([t]), { timeout: 0.2 });
    print(" done in time", done.has(t), "cancelled", t.cancelled());
    if (pending.size > 0) break;
    print(" next task name", aio.createTask(noop()).getName());
  }
});
