import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// asyncio's as_completed hands completed futures out through a Queue: a completed future stays
// queued until the awaiter that was woken for it actually resumes and takes it.
const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const consumer = aio.coroutine(function* (name, aw) {
  try {
    const r = yield* aw;
    print(name, "got", r);
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "cancelled");
    throw e;
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- 1: the woken awaiter is cancelled before it resumes");
  let f1 = loop.createFuture();
  let f2 = loop.createFuture();
  let aws = [...aio.asCompleted([f1, f2])];
  let a = aio.createTask(consumer("A", aws[0]));
  yield* ticks(1);                 // A waits for the first completion
  f1.setResult("one");             // schedules as_completed's done callback
  yield* ticks(1);                 // the callback ran: A is woken, not yet resumed
  print("A done?", a.done());
  a.cancel();
  yield* ticks(1);
  print("A cancelled", a.cancelled());
  const b = aio.createTask(consumer("B", aws[1]));
  yield* ticks(3);
  print("B done after 3 ticks?", b.done());
  if (!b.done()) f2.setResult("two");
  print("B result", yield* b);

  print("-- 2: a newcomer awaits before the woken awaiter resumes");
  f1 = loop.createFuture();
  f2 = loop.createFuture();
  aws = [...aio.asCompleted([f1, f2])];
  a = aio.createTask(consumer("A", aws[0]));
  yield* ticks(1);                 // A waits
  f1.setResult("one");             // done callback scheduled for the next iteration
  const c = aio.createTask(consumer("C", aws[1]));   // its first step runs right after that callback
  yield* ticks(2);
  print("A done", a.done(), "C done", c.done());
  f2.setResult("two");
  yield* ticks(2);
  print("A", a.result(), "C", c.result());
});
