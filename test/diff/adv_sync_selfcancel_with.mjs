import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// `barrier.with((i) => ...)` / `lock.with(...)` / `sem.with(...)` with a body that does not
// suspend, in a task whose cancellation is pending (it cancelled itself): nothing suspends, so
// the bodies run and the code after them runs too; the CancelledError arrives at the first
// await that waits (sleep(0)).
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const lock = new aio.Lock();
  const sem = new aio.Semaphore(1);
  const b = new aio.Barrier(1);

  const body = aio.coroutine(function* () {
    const task = aio.currentTask();
    task.cancel("self");
    yield* b.with(function* (i) {
      log.push(tuple("barrier body", i));
    });
    log.push(tuple("after barrier", b.nWaiting));
    yield* lock.with(function* () {
      log.push(tuple("lock body", lock.locked()));
    });
    log.push(tuple("after lock", lock.locked()));
    yield* sem.with(function* () {
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
