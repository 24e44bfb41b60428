import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- as_completed with a timeout: done ones first, then TimeoutError");
  const fast = loop.createFuture();
  const slow = loop.createFuture();
  const never = loop.createFuture();
  loop.callLater(0.01, (v) => fast.setResult(v), "fast");
  loop.callLater(0.5, (v) => slow.setResult(v), "slow");
  const it = aio.asCompleted([never, fast, slow], { timeout: 0.15 });
  let n = 0;
  for (const aw of it) {
    n += 1;
    try {
      const r = yield* aw;
      print("got", n, repr(r));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("timeout", n, e.name, repr(e), repr(str(e)));
    }
  }
  print("left:", "slow done", slow.done(), "never done", never.done(), "never cancelled", never.cancelled());
  slow.cancel();

  print("-- as_completed over already-done futures (one done, one failed)");
  const d1 = loop.createFuture(); d1.setResult("d1");
  for (const aw of aio.asCompleted([d1])) print("got", yield* aw);
  const d2 = loop.createFuture(); d2.setException(new ValueError("bad"));
  for (const aw of aio.asCompleted([d2])) {
    try {
      yield* aw;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("raised", repr(e));
    }
  }

  print("-- a done future and a pending one: the done one comes first");
  const d3 = loop.createFuture(); d3.setResult("d3");
  const p3 = loop.createFuture();
  loop.callSoon((v) => p3.setResult(v), "p3");
  for (const aw of aio.asCompleted([p3, d3])) print("got", yield* aw);

  print("-- duplicates are collapsed");
  const d4 = loop.createFuture(); d4.setResult("d4");
  let count = 0;
  for (const aw of aio.asCompleted([d4, d4, d4])) {
    count += 1;
    print("got", yield* aw);
  }
  print("count", count);

  print("-- timeout=0 with all inputs already done");
  const d5 = loop.createFuture(); d5.setResult("d5");
  for (const aw of aio.asCompleted([d5], { timeout: 0 })) {
    try {
      print("got", yield* aw);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("timeout");
    }
  }

  print("-- timeout=0 with a pending input");
  const p6 = loop.createFuture();
  for (const aw of aio.asCompleted([p6], { timeout: 0 })) {
    try {
      print("got", yield* aw);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("timeout");
    }
  }
  p6.setResult("late");
  print("p6 still usable", p6.result());

  print("-- a cancelled input");
  const c7 = loop.createFuture();
  loop.callSoon((m) => c7.cancel(m), "gone");
  for (const aw of aio.asCompleted([c7])) {
    try {
      yield* aw;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("cancelled", repr(str(e)));
    }
  }

  print("-- coroutines are wrapped in tasks");
  const co = aio.coroutine(function* (v, n) {
    yield* ticks(n);
    return v;
  });
  const res = [];
  for (const aw of aio.asCompleted([co("late", 3), co("early", 1)])) res.push(yield* aw);
  print("res", res);

  print("-- awaiting the coroutines out of order, concurrently");
  const f8 = loop.createFuture();
  const g8 = loop.createFuture();
  const aws = [...aio.asCompleted([f8, g8])];
  const tSecond = aio.createTask(aws[1]);
  const tFirst = aio.createTask(aws[0]);
  yield* ticks(1);
  g8.setResult("g8");
  yield* ticks(1);
  f8.setResult("f8");
  print("second coroutine got", yield* tSecond, "first got", yield* tFirst);
});
