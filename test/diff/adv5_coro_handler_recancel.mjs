import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// The bottom of a three-level chain catches a cancellation and, in its handler, cancels its
// own task again, optionally uncancel()ing once or twice (the request stays: uncancel() only
// lowers the count), then awaits a done future (no suspension: the request waits), and then
// either sleeps (the request lands there), returns at once (the task ends cancelled with the
// handler's message), or swallows the second cancellation and returns.

const lvl = aio.coroutine(function* (d, uncancels, after) {
  try {
    if (d) {
      const r = yield* lvl(d - 1, uncancels, after);
      print(`  L${d} got ${repr(r)}`);
      return r;
    }
    const t = aio.currentTask();
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(`  L0 caught ${repr(str(e))} cancelling ${t.cancelling()}`);
      print("  L0 self-cancel ->", t.cancel("again"), "cancelling", t.cancelling());
      for (let k = 0; k < uncancels; k++) print("  L0 uncancel ->", t.uncancel());
      const fut = aio.getRunningLoop().createFuture();
      fut.setResult("done fut");
      print("  L0 awaited", yield* fut, "cancelling", t.cancelling());
      if (after === "return") return "returned with a request pending";
      try {
        const r = yield* aio.sleep(0, "slept");
        print("  L0 sleep gave", r);
      } catch (e2) {
        if (!(e2 instanceof aio.CancelledError)) throw e2;
        print(`  L0 second ${repr(str(e2))} cancelling ${t.cancelling()}`);
        if (after === "raise") throw e2;
      }
      return "end";
    }
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`  L${d} passes ${repr(str(e))}`);
    throw e;
  } finally {
    print(`  L${d} finally`);
  }
});

await aio.run(function* () {
  for (const after of ["sleep", "raise", "return"]) {
    for (const uncancels of [0, 1, 2]) {
      print(`== then ${after}, ${uncancels} uncancel(s)`);
      const t = aio.createTask(lvl(2, uncancels, after));
      yield* aio.sleep(0);
      print(" cancel ->", t.cancel("first"));
      try {
        print(` result ${repr(yield* t)} cancelling ${t.cancelling()}`);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print(` cancelled ${repr(str(e))} cancelling ${t.cancelling()}`);
      }
    }
  }
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
