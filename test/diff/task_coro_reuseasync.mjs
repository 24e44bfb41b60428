import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const once = aio.coroutine(async function () {
  await aio.sleep(0);
  return "once";
});

await aio.run(async () => {
  const c = once();
  print("first await", await c);
  try {
    await c;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("second await raised", e.name, repr(str(e)));
  }
});
