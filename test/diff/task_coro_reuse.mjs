import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const once = aio.coroutine(function* () {
  yield* aio.sleep(0);
  return "once";
});

await aio.run(function* () {
  const c = once();
  print("first await", yield* c);
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("second await raised", e.name, repr(str(e)));
  }
});
