import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const whoami = aio.coroutine(function* (tag, outer) {
  const t = aio.currentTask();
  print("  ", tag, "same task as caller", t === outer, "name", t.getName());
  yield* aio.sleep(0);
  return tag;
});

const victim = aio.coroutine(function* (name, onCancel = "raise", delay = 10) {
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  ", name, "cancelled", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    if (onCancel === "timeout") throw new aio.TimeoutError("own timeout from " + name);
    if (onCancel === "ignore") {
      yield* ticks(2);
      print("  ", name, "ignored the cancel and finishes");
      return "ignored-" + name;
    }
    throw e;
  }
  return name;
});

const causeName = (e) => (e.cause === undefined || e.cause === null ? null : e.cause.name);

const run = aio.coroutine(function* (label, aw, timeout) {
  const me = aio.currentTask();
  try {
    const r = yield* aio.waitFor(aw, timeout);
    print("  ", label, "->", repr(r));
  } catch (e) {
    if (isTimeout(e)) print("  ", label, "-> TimeoutError", repr(str(e)), "cause", causeName(e));
    else if (isCancel(e)) print("  ", label, "-> CancelledError", repr(str(e)));
    else print("  ", label, "->", e.name, repr(str(e)));
  }
  print("  ", label, "caller cancelling", me.cancelling());
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  print("-- where the awaitable runs");
  yield* run("None", whoami("none", me), null);
  yield* run("5", whoami("five", me), 5);
  yield* run("inf", whoami("inf", me), Infinity);
  let t = aio.createTask(ticks(0));
  print("  next task name", t.getName());
  yield* t;

  print("-- the inner raises TimeoutError itself");
  const ownTimeout = aio.coroutine(function* () {
    yield* ticks(1);
    throw new aio.TimeoutError("inner's own");
  });
  yield* run("own, 5", ownTimeout(), 5);
  yield* run("own, None", ownTimeout(), null);

  print("-- the timeout fires and the inner answers with its own TimeoutError");
  yield* run("converted", victim("v1", "timeout"), 0.01);

  print("-- the inner task is cancelled by someone else");
  t = aio.createTask(victim("v2"));
  loop.callLater(0.005, (m) => t.cancel(m), "by a third party");
  yield* run("third party, 5", t, 5);
  print("   inner cancelled", t.cancelled());
  let f = loop.createFuture();
  loop.callSoon((m) => f.cancel(m), "future cancelled");
  yield* run("third party, None", f, null);
  const f2 = loop.createFuture();
  loop.callSoon((m) => f2.cancel(m), "future cancelled 2");
  yield* run("third party, 0.5", f2, 0.5);

  print("-- nested wait_for: the outer one expires first");
  yield* run("nested", aio.waitFor(victim("v3"), 10), 0.01);
  print("-- nested wait_for: the inner one expires first");
  yield* run("nested2", aio.waitFor(victim("v4"), 0.01), 10);

  print("-- wait_for inside a timeout block that expires first");
  let cm = null;
  try {
    yield* aio.timeout(0.01, function* (c) {
      cm = c;
      yield* run("in timeout", victim("v5"), 10);
      print("   body goes on after wait_for, cancelling", me.cancelling());
      yield* ticks(1);
      print("   body finishes: wait_for's caller swallowed the timeout's cancellation");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("   not reached: timeout block -> TimeoutError");
  }
  print("   after the block: expired", cm.expired(), "cancelling", me.cancelling());

  print("-- wait_for on gather: the children are cancelled");
  const a = aio.createTask(victim("ga"));
  const b = aio.createTask(victim("gb", "ignore"));
  yield* run("gather", aio.gather(a, b), 0.01);
  print("   a cancelled", a.cancelled(), "b", b.result());

  print("-- wait_for on a task that ignores the cancellation: waits for it, returns its value");
  t = aio.createTask(victim("v6", "ignore"));
  yield* run("ignoring", t, 0.01);
  t = aio.createTask(victim("v7", "ignore"));
  yield* ticks(1);
  yield* run("ignoring, 0", t, 0);
  yield* run("ignoring, negative", victim("v8", "ignore"), -1);

  print("-- wait_for cancelled from outside, with a message");
  const waiter = aio.coroutine(function* (aw, timeout) {
    yield* run("outside", aw, timeout);
  });
  let inner = aio.createTask(victim("v9"));
  let w = aio.createTask(waiter(inner, 10));
  yield* ticks(2);
  w.cancel("from outside");
  yield* w;
  print("   inner cancelled", inner.cancelled(), "waiter cancelling", w.cancelling());
  inner = aio.createTask(victim("v10"));
  w = aio.createTask(waiter(inner, null));
  yield* ticks(2);
  w.cancel("from outside, no timeout");
  yield* w;
  print("   inner cancelled", inner.cancelled());
});
