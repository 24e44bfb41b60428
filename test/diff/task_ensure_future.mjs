import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const c = aio.coroutine(function* (x) {
  yield* aio.sleep(0);
  return x * 3;
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  print("future passes through", aio.ensureFuture(f) === f);
  const t = aio.createTask(c(1));
  print("task passes through", aio.ensureFuture(t) === t);
  const co = c(2);
  print("iscoroutine", aio.isCoroutine(co));
  const t2 = aio.ensureFuture(co);
  print("coroutine becomes a Task", t2 instanceof aio.Task, t2.getName(), "done", t2.done());
  print("isfuture", aio.isFuture(t2), aio.isFuture(f), aio.isFuture(42));
  print("results", yield* t, yield* t2);
  print("iscoroutinefunction", aio.isCoroutineFunction(c), aio.isCoroutineFunction(print));
  const t3 = aio.ensureFuture(c(3), loop);
  print("with loop", t3.getLoop() === loop, yield* t3);
  f.setResult("f");
  print("future result", yield* aio.ensureFuture(f));
  try {
    aio.ensureFuture(42);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("ensure_future(42) raised", e.name);
  }
});
