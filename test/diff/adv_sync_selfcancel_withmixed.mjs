// Generator-task variant of adv_sync_selfcancel_with: same Python original, but the `with()`
// bodies are async functions (allowed by the README: "A with() body may be a generator
// function, an async function or a plain function returning an awaitable"), and one plain
// `yield*` of an async coroutine that returns without awaiting.
// Run: cd /tmp/adv/adv_sync_ && diff <(python3 adv_sync_selfcancel_with.py) <(node adv_sync_selfcancel_with_mixed.mjs)
import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();
  const sem = new aio.Semaphore(1);
  const b = new aio.Barrier(1);

  const body = aio.coroutine(function* () {
    const task = aio.currentTask();
    task.cancel("self");
    yield* b.with(async (i) => {
      log.push(tuple("barrier body", i));
    });
    log.push(tuple("after barrier", b.nWaiting));
    yield* lock.with(async () => {
      log.push(tuple("lock body", lock.locked()));
    });
    log.push(tuple("after lock", lock.locked()));
    yield* sem.with(async () => {
      log.push(tuple("sem body", sem.locked()));
    });
    log.push(tuple("after sem", sem.locked()));
    try {
      yield* aio.sleep(0);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled at sleep", e.message, task.cancelling()));
      throw e;
    }
  });

  const t = aio.createTask(body());
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    log.push(tuple("task cancelled", e.message));
  }
  for (const x of log) print(...x);
});
