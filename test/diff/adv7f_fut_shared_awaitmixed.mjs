import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

// Several tasks awaiting one future: a result (every task gets the same object), an exception
// (the same exception object in each), a cancellation with a message (each task gets it; those
// that do not catch it end cancelled, with cancelling() still 0, and their result() gives the
// message). Awaiting a done future does not suspend (a callSoon scheduled before it runs later);
// a future whose result is another future gives the inner future itself.
// (Mixed twin: async-function waiters, a generator main.)
const KeyError = errorClass("KeyError");
const seen = [];

const w = aio.coroutine(async function w(fut, label, catchIt = true) {
  try {
    const v = await fut;
    seen.push(v);
    print(label, "got", repr(v));
    return v;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(label, "CancelledError", repr(str(e)), "cancelling", aio.currentTask().cancelling());
      if (!catchIt) throw e;
      return "caught";
    }
    seen.push(e);
    print(label, "raised", repr(e));
    return "handled";
  }
});

await aio.run(function* main() {
  const loop = aio.getRunningLoop();

  print("-- shared result");
  const f = loop.createFuture();
  const obj = ["shared"];
  let ts = [0, 1, 2].map((i) => aio.ensureFuture(w(f, `r${i}`)));
  yield* aio.sleep(0);
  print("pending", f.done());
  f.setResult(obj);
  print("results", yield* aio.gather(...ts));
  print("same object", seen.every((x) => x === obj));

  print("-- shared exception");
  seen.length = 0;
  const g = loop.createFuture();
  ts = [0, 1, 2].map((i) => aio.ensureFuture(w(g, `e${i}`)));
  yield* aio.sleep(0);
  const err = new ValueError("shared failure");
  g.setException(err);
  print("results", yield* aio.gather(...ts));
  print("same exception", seen.every((x) => x === err), seen.length);

  print("-- shared cancellation");
  const h = loop.createFuture();
  ts = [0, 1, 2, 3].map((i) => aio.ensureFuture(w(h, `c${i}`, i % 2 === 0)));
  yield* aio.sleep(0);
  print("cancel ->", h.cancel("shared msg"));
  const res = yield* aio.gather(...ts, { returnExceptions: true });
  print("results", res.map((x) => (x instanceof Error ? `${x.name}: ${str(x)}` : x)));
  ts.forEach((t, i) => {
    print(`c${i}`, "cancelled", t.cancelled(), "cancelling", t.cancelling());
    if (t.cancelled()) {
      try {
        t.result();
      } catch (e) {
        print("  result() CancelledError", repr(str(e)));
      }
    }
  });

  print("-- done futures do not suspend");
  const d = loop.createFuture();
  d.setResult("ready");
  loop.callSoon(print, "call_soon scheduled before the awaits");
  print("await done ->", yield* d);
  print("await done again ->", yield* d);
  const e = loop.createFuture();
  e.setException(new KeyError("k"));
  for (let i = 0; i < 2; i++) {
    try {
      yield* e;
    } catch (x) {
      print("await failed", i, repr(x));
    }
  }
  print("before the first real suspension");
  yield* aio.sleep(0);

  print("-- a future of a future");
  const inner = loop.createFuture();
  const outer = loop.createFuture();
  outer.setResult(inner);
  const got = yield* outer;
  print("got inner itself", got === inner, String(got));
  inner.setResult("inner value");
  print("then", yield* got);
  print("loop still works", yield* aio.sleep(0, "yes"));
});
