import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// The message embeds Python reprs of the task and the future, which differ by design: print the fixed parts.

const awaitForeign = aio.coroutine(async function (fut) {
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    const msg = str(e);
    print("foreign await raised", e.name, msg.startsWith("Task "), msg.endsWith("attached to a different loop"));
    return "foreign handled";
  }
});

await aio.run(async () => {
  const other = aio.newEventLoop();
  const fut = other.createFuture();
  print("->", await aio.createTask(awaitForeign(fut)));
  print("foreign future still pending", !fut.done());
  other.close();
});
