import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Cancellation as an error source: a callback, a timer and a done callback that raise
// CancelledError are reported like any failing callback ('Exception in callback ...' with the
// CancelledError, its message kept), and the loop goes on; a task whose coroutine raises
// CancelledError by itself (never cancelled) ends cancelled, with the message, and is never
// reported; a cancelled task or future with no one looking is not reported; a task that turns its
// cancellation into another exception is reported as never retrieved; a done callback that
// cancels another pending task; the handler sees the context keys. Reports at the end are sorted.
const RuntimeError = errorClass("RuntimeError");
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const reports = [];
let late = false;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

loop.setExceptionHandler((lp, ctx) => {
  const exc = ctx.exception;
  const line = tuple(ctx.message, Object.keys(ctx).sort(), exc === undefined ? "NoneType" : exc.name, exc === undefined ? "None" : exc.message);
  if (late) reports.push(line);
  else print("  handler:", line);
});

function raise_cancel(msg = null) {
  if (aio.isFuture(msg)) msg = "done cb";
  print("  raising CancelledError", repr(msg));
  if (msg === null) throw new aio.CancelledError();
  throw new aio.CancelledError(msg);
}
function mark(tag) {
  print("  mark", tag);
}
const selfCancel = aio.coroutine(function* self_cancel() {
  yield* aio.sleep(0);
  throw new aio.CancelledError("by itself");
});
const converter = aio.coroutine(function* converter() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    throw new RuntimeError(`converted: ${e.message}`);
  }
});
const sleeper = aio.coroutine(function* sleeper() {
  yield* aio.sleep(10);
});
let keep = [];
const cancelOther = (other) =>
  function on_done() {
    print("  s1 done; cancelling s2:", other.cancel("from s1's callback"));
  };

const main = aio.coroutine(function* main() {
  const lp = aio.getRunningLoop();
  lp.callSoon(raise_cancel);
  lp.callSoon(mark, 1);
  lp.callAt(lp.time() - 50, raise_cancel, "timer msg");
  const f = lp.createFuture();
  f.addDoneCallback(raise_cancel);
  f.setResult(null);
  lp.callSoon(mark, 2);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  const t = lp.createTask(selfCancel(), { name: "self" });
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await self-cancelling task:", e.name, args(e));
  }
  print("self: cancelled", t.cancelled(), "cancelling", t.cancelling());
  for (let i = 0; i < 2; i++) {
    try {
      t.result();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("self result():", args(e));
    }
  }
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await it again:", args(e));
  }
  const c = lp.createTask(converter(), { name: "conv" });
  const s1 = lp.createTask(sleeper(), { name: "s1" });
  const s2 = lp.createTask(sleeper(), { name: "s2" });
  yield* aio.sleep(0);
  s1.addDoneCallback(cancelOther(s2));
  c.cancel("go");
  s1.cancel();
  const cf = lp.createFuture();
  cf.cancel("unwatched");
  keep.push(c, s1, s2, cf);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  for (const x of [c, s1, s2, cf]) print("  done", x.done(), "cancelled", x.cancelled());
  for (const x of [s1, s2, cf]) {
    try {
      x.result();
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  result() raised CancelledError", args(e));
    }
  }
  return "main done";
});

print(await loop.runUntilComplete(main()));
late = true;
keep = [];
loop.close();
print("closed; reports:");
for (const r of reports.sort()) print(" ", r);
