import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Twin of adv5_to_cancel_subclass.py: a CancelledError subclass raised by a timeout() body is not
// converted into TimeoutError (asyncio converts only the exact class).
const MyCancel = errorClass("MyCancel", aio.CancelledError);

aio.run(aio.coroutine(function* () {
  const me = aio.currentTask();
  for (const mode of ["exact", "subclass", "subclass-no-expiry"]) {
    try {
      yield* aio.timeout(mode !== "subclass-no-expiry" ? 0.01 : null, function* () {
        try {
          if (mode === "subclass-no-expiry") {
            yield* aio.sleep(0);
            throw new MyCancel("sub");
          }
          yield* aio.sleep(1);
        } catch (e) {
          if (!(e instanceof aio.CancelledError)) throw e;
          print(mode, "body caught", e.name, repr(str(e)));
          if (mode === "subclass") throw new MyCancel("sub");
          throw e;
        }
      });
    } catch (e) {
      if (e instanceof aio.TimeoutError) print(mode, "-> TimeoutError, cause", e.cause.name);
      else if (e instanceof aio.CancelledError) print(mode, "->", e.name, repr(str(e)));
      else throw e;
    }
    print(mode, "cancelling", me.cancelling());
    while (me.cancelling()) me.uncancel();
  }
  print("loop alive", yield* aio.sleep(0, "yes"));
}));
