import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// timeout() expiry and external cancel() requests arriving in the same iteration, in every order
// (expiry forced with reschedule() into the past, which queues it with call_soon; cancels either
// direct or queued with call_soon), crossed with what the body does with the CancelledError:
// re-raise, withdraw every request with uncancel() first, await during cleanup, swallow. Prints
// the message each CancelledError carries, cancelling() at each point, what comes out of the
// block, and whether a request is still pending afterwards (the next await is cancelled).
const INF = Infinity;
const fmt = (e) => `${e.name}(${repr(e.message)})`;

const victim = aio.coroutine(function* (h, mode) {
  const me = aio.currentTask();
  let cm = null;
  try {
    yield* aio.timeout(INF, function* (c) {
      cm = c;
      h.cm = c;
      try {
        yield* aio.sleep(INF);
        print("    body slept?!");
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("    body caught", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired());
        if (mode === "uncancel") {
          let n = 0;
          while (me.cancelling()) {
            me.uncancel();
            n += 1;
          }
          print("    body withdrew", n);
        }
        if (mode === "sleep" || mode === "sleep-swallow") {
          for (let i = 0; i < 2; i++) {
            try {
              yield* aio.sleep(0);
              print("    cleanup tick", i, "ok");
            } catch (e2) {
              if (!(e2 instanceof aio.CancelledError)) throw e2;
              print("    cleanup tick", i, "cancelled", fmt(e2), "cancelling", me.cancelling());
            }
          }
        }
        if (mode !== "swallow" && mode !== "sleep-swallow") throw e;
      }
      print("    body ends normally");
    });
    print("    block exited normally, expired", cm.expired(), "cancelling", me.cancelling());
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("    block raised TimeoutError cause", fmt(e.cause), "cancelling", me.cancelling());
    else if (e instanceof aio.CancelledError) print("    block raised", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired());
    else throw e;
  }
  try {
    yield* aio.sleep(0);
    print("    next await ok, cancelling", me.cancelling());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("    next await cancelled", fmt(e), "cancelling", me.cancelling());
  }
  return repr(cm);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const orders = [
    "expiry",
    "cancel expiry",
    "expiry soon-cancel",
    "soon-cancel expiry",
    "cancel cancel expiry",
    "expiry soon-cancel soon-cancel",
    "cancel expiry soon-cancel",
    "expiry tick cancel",
  ];
  for (const mode of ["raise", "uncancel", "sleep", "swallow", "sleep-swallow"]) {
    print("== body mode", mode);
    for (const order of orders) {
      print("--", order);
      const h = {};
      const t = aio.createTask(victim(h, mode));
      yield* aio.sleep(0);
      let k = 0;
      for (const step of order.split(" ")) {
        k += 1;
        if (step === "expiry") h.cm.reschedule(loop.time() - 1);
        else if (step === "cancel") print("  cancel ->", t.cancel(`ext${k}`));
        else if (step === "soon-cancel") loop.callSoon((m) => t.cancel(m), `soon${k}`);
        else if (step === "tick") yield* aio.sleep(0);
      }
      try {
        const r = yield* t;
        print("  task ->", r, "cancelling", t.cancelling());
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("  task cancelled", fmt(e), "cancelling", t.cancelling());
      }
    }
  }
});
