import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
aio.setEventLoop(loop);

// 1. a future resolved by a call_later callback
const fut = loop.createFuture();
loop.callLater(0.05, (v) => fut.setResult(v), 42);
print("future result", await loop.runUntilComplete(fut), fut.done());

// 2. an already-done future: returns at once
print("done future", await loop.runUntilComplete(fut));

// 3. a future failed by a callback: run_until_complete raises its exception
class ValueError extends Error {
  name = "ValueError";
}
class KeyError extends Error {
  name = "KeyError";
}
const fut2 = loop.createFuture();
loop.callLater(0.05, (e) => fut2.setException(e), new ValueError("bad value"));
try {
  await loop.runUntilComplete(fut2);
} catch (e) {
  print("raised", e.name, str(e));
}

// 4. a task
const work = aio.coroutine(function* (x) {
  print("work start", x);
  yield* aio.sleep(0.05);
  print("work end", x);
  return x * 10;
});
const task = loop.createTask(work(4));
print("task result", await loop.runUntilComplete(task), task.done());

// 5. a coroutine is wrapped in a task
print("coroutine result", await loop.runUntilComplete(work(5)));

// 6. a failing task
const fail = aio.coroutine(function* () {
  yield* aio.sleep(0.025);
  throw new KeyError("'missing'");
});
const t = loop.createTask(fail());
try {
  await loop.runUntilComplete(t);
} catch (e) {
  print("task raised", e.name, str(e), "exception() is e:", t.exception() === e);
}

// 7. a cancelled task
const forever = aio.coroutine(function* () {
  yield* aio.sleep(10);
});
const t2 = loop.createTask(forever());
loop.callLater(0.05, () => t2.cancel());
try {
  await loop.runUntilComplete(t2);
} catch (e) {
  print("cancelled", e.name, t2.cancelled());
}

// 8. other callbacks keep running while waiting; the run stops after the iteration in which
// the future's done callback (which calls stop()) runs
function ticker(n) {
  print("tick", n);
  if (n === 2) {
    fut3.setResult("fut3");
    loop.callSoon(ticker, 3); // queued behind the done callback: still runs
  } else if (n < 2) loop.callLater(0.025, ticker, n + 1);
  else loop.callSoon(ticker, n + 1); // queued after stop(): runs on the next run
}
const fut3 = loop.createFuture();
loop.callSoon(ticker, 0);
print("fut3", await loop.runUntilComplete(fut3));
print("running after", loop.isRunning());
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
