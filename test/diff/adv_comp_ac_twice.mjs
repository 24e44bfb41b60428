import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  f.setResult("f");
  const it = aio.asCompleted([f]);
  for (const aw of it) print("first pass", yield* aw);
  let n = 0;
  for (const aw of it) {
    n += 1;
    try {
      print("second pass", yield* aio.waitFor(aw, 0.05));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("second pass: awaiting the extra coroutine hangs (timed out)");
    }
  }
  print("second pass yielded", n);
});
