import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// No async twin: an async function that returns a Task would resolve to the task's result
// (JavaScript unwraps returned thenables), while a generator coroutine returns the object.

const child = aio.coroutine(function* () {
  yield* aio.sleep(0);
  return "child";
});

const returnsTask = aio.coroutine(function* (t) {
  yield* aio.sleep(0);
  return t;
});

const returnsNone = aio.coroutine(function* () {
  yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const co = child();
  let t = aio.createTask(co);
  print("get_loop is the loop", t.getLoop() === loop);
  print("Task is a Future", t instanceof aio.Future, aio.isFuture(t));
  print("pending", t.done(), t.cancelled());
  yield* t;
  print("finished", t.done(), t.cancelled(), t.result());

  const inner = aio.createTask(child());
  const outer = aio.createTask(returnsTask(inner));
  const r = yield* outer;
  print("outer returned the task object", r === inner, "inner done", inner.done());
  print("inner result via the returned task", yield* r);

  t = aio.createTask(returnsNone());
  print("None result", yield* t, t.result(), t.exception());

  const f = loop.createFuture();
  print("future get_loop", f.getLoop() === loop);
  print("create_future is a Future", f instanceof aio.Future, f instanceof aio.Task);
  f.cancel();
});
