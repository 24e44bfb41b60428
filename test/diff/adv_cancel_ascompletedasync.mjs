import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// as_completed(): the task awaiting one of its coroutines is cancelled after the next completed
// future was already handed to that await (the queue getter got its result) but before the task
// resumed. In asyncio the future stays in as_completed's queue (Queue.get() only takes the item
// after it wakes up), so the next coroutine still returns it.

const work = aio.coroutine(async function (name, gate) {
  await gate;
  print(name, "done");
  return name;
});

const consumer = aio.coroutine(async function (aws) {
  for (const c of aio.asCompleted(aws)) {
    try {
      print("consumer got", await c);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("consumer cancelled", repr(str(e)));
    }
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  const gates = [loop.createFuture(), loop.createFuture(), loop.createFuture()];
  const a = aio.createTask(work("a", gates[0]));
  const b = aio.createTask(work("b", gates[1]));
  const c = aio.createTask(work("c", gates[2]));
  const t = aio.createTask(consumer([a, b, c]));
  await aio.sleep(0);
  gates[0].setResult(null);
  // a's step runs, then its done callback hands `a` to the consumer's pending get: two ticks
  await aio.sleep(0);
  await aio.sleep(0);
  print("cancel ->", t.cancel("now"), "consumer woken but not resumed");
  await aio.sleep(0);
  gates[1].setResult(null);
  await aio.sleep(0);
  gates[2].setResult(null);
  await t;
  print("consumer done");
});
