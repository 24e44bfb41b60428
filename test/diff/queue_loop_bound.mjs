import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const q = new aio.Queue();

await aio.run(function* () {
  try {
    yield* aio.waitFor(q.get(), 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("first: timed out (q is now bound to this loop)");
  }
  q.putNowait("a");
  print("first: got", yield* q.get());
});

await aio.run(function* () {
  q.putNowait(1);
  print("second: got", yield* q.get());
  try {
    yield* q.get();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("second: RuntimeError", e.message.includes("is bound to a different event loop"));
  }
  print("second: qsize", q.qsize(), "empty", q.empty());
  q.putNowait(2);
  print("second: still usable", q.getNowait());
  const r = new aio.Queue();
  const t = aio.createTask(r.get());
  yield* aio.sleep(0);
  r.putNowait("fresh");
  print("second: fresh queue", yield* t);
});
