import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// wrapFuture()/ensureFuture() of outside futures (Promises and thenables) that resolve, reject,
// never settle, settle twice, or settle after the wrapping future was cancelled or its loop
// closed; isFuture() of every kind of value; wrapFuture() of a future of another loop returns it
// as it is. Only outcomes are compared, each after a 0.1 s barrier.

/** A promise and the function that settles it with outcomes (the first wins, as in Python). */
function deferred() {
  let res, rej;
  const p = new Promise((a, b) => {
    res = a;
    rej = b;
  });
  return { p, settle: (...outcomes) => outcomes.forEach(([kind, v]) => (kind === "ok" ? res(v) : rej(v))) };
}

/** A thenable (not a Promise) over a deferred: Python's Holdout awaitable. */
function holdout(d) {
  return { then: (f, r) => d.p.then(f, r) };
}

const outcome = aio.coroutine(async function (label, aw) {
  try {
    print(label, "->", repr(await aw));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(label, "cancelled");
    else print(label, "raised", e.name, repr(str(e)));
  }
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  print("-- resolves later");
  let d = deferred();
  let w = aio.wrapFuture(d.p);
  print("isfuture", aio.isFuture(w), aio.isFuture(d.p), "done", w.done());
  loop.callLater(0.1, d.settle, ["ok", "later"]);
  await outcome("resolved", w);
  print("repr", String(w), w.getLoop() === loop);

  print("-- rejects later");
  d = deferred();
  w = aio.wrapFuture(d.p);
  loop.callLater(0.1, d.settle, ["err", new ValueError("rejected")]);
  await outcome("rejected", w);
  print("repr", String(w));

  print("-- settled before wrapping");
  d = deferred();
  d.settle(["ok", [1, 2]]);
  w = aio.wrapFuture(d.p);
  print("done at once", w.done());
  await aio.sleep(0.1);
  print("after barrier", w.done(), String(w));
  await outcome("pre-resolved", w);

  print("-- settles twice");
  d = deferred();
  w = aio.wrapFuture(d.p);
  loop.callLater(0.1, d.settle, ["ok", "first"], ["ok", "second"], ["err", new ValueError("third")]);
  await outcome("twice", w);
  d = deferred();
  w = aio.wrapFuture(d.p);
  loop.callLater(0.1, d.settle, ["err", new ValueError("first")], ["ok", "second"]);
  await outcome("reject then resolve", w);

  print("-- never settles");
  d = deferred();
  w = aio.wrapFuture(d.p);
  await outcome("wait_for", aio.waitFor(w, 0.1));
  print("wrapped", w.cancelled(), String(w));
  await outcome("await again", w);

  print("-- settles after the wrapper was cancelled");
  d = deferred();
  w = aio.wrapFuture(d.p);
  print("cancel ->", w.cancel("no more"));
  await aio.sleep(0.1);
  d.settle(["ok", "too late"]);
  await aio.sleep(0.1);
  print("wrapped", w.cancelled(), String(w));
  await outcome("cancelled wrapper", w);

  print("-- ensure_future of awaitables");
  d = deferred();
  let e = aio.ensureFuture(holdout(d));
  print("isfuture", aio.isFuture(e), "done", e.done());
  loop.callLater(0.1, d.settle, ["ok", "via ensure_future"]);
  await outcome("ensured", e);
  d = deferred();
  e = aio.ensureFuture(holdout(d));
  loop.callLater(0.1, d.settle, ["err", new ValueError("ensured reject")]);
  await outcome("ensured reject", e);
  print("await a bare awaitable:");
  d = deferred();
  loop.callLater(0.1, d.settle, ["ok", 7]);
  await outcome("bare", aio.wrapFuture(holdout(d)));

  print("-- futures pass through");
  const f = loop.createFuture();
  print("wrap same", aio.wrapFuture(f) === f, aio.ensureFuture(f) === f);
  let other = aio.newEventLoop();
  const g = other.createFuture();
  print("wrap other loop's future", aio.wrapFuture(g, loop) === g, aio.wrapFuture(f, other) === f);
  other.close();
  const t = aio.ensureFuture(aio.sleep(0, "t"));
  print("wrap task", aio.wrapFuture(t) === t, aio.isFuture(t));
  await outcome("task", t);

  const co = aio.coroutine(function* () {
    return 1;
  });
  const c = co();
  print("isfuture:", aio.isFuture(null), aio.isFuture(42), aio.isFuture("f"), aio.isFuture(aio.Future), aio.isFuture(c), aio.isFuture(holdout(deferred())), aio.isFuture(f));
  f.cancel();

  print("-- a loop closed before its wrapped future settles");
  other = aio.newEventLoop();
  d = deferred();
  const w2 = aio.wrapFuture(d.p, other);
  print("other loop's wrapper", w2.getLoop() === other, w2.done());
  other.close();
  loop.callLater(0.1, d.settle, ["ok", "after close"]);
  await aio.sleep(0.2);
  print("after close", w2.done(), w2.cancelled());
  print("loop still works", await aio.sleep(0, "yes"));
});
