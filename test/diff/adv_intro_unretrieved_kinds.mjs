import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Which unretrieved exceptions get reported ("... exception was never retrieved"), with the
// exception handler's context: a shield() outer nobody awaits, a failed task returned by wait()
// and never looked at, one retrieved by result() in a done callback, a failed future then
// cancel()ed (false, and counts as retrieved), children of gather(return_exceptions=True), a task
// that raises another exception when cancelled, a later failure inside an awaited gather (the
// gather's callback retrieves it), a future with a done callback that ignores it. Python reports
// when the objects are collected (gc.collect()), aionode at the latest when the loop closes
// (the objects are kept alive until then, so context.future is there); reports are sorted.

const reports = [];
const keep = [];

function handler(loop, context) {
  const exc = context.exception;
  const fut = context.future;
  reports.push(tuple(context.message, exc.name, exc.message, fut.constructor.name, fut instanceof aio.Task ? fut.getName() : null));
}

const fails = aio.coroutine(function* fails(msg, ticks = 1) {
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  throw new ValueError(msg);
});

const holdout = aio.coroutine(function* holdout(msg) {
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (e instanceof aio.CancelledError) throw new ValueError(msg);
    throw e;
  }
});

function peekResult(f) {
  try {
    f.result();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
  }
}

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  keep.push(aio.shield(aio.createTask(fails("shielded"))));
  const [done] = yield* aio.wait([aio.createTask(fails("waited"))]);
  keep.push(...done);
  const t4 = aio.createTask(fails("cb result"));
  t4.addDoneCallback(peekResult);
  keep.push(t4);
  const f5 = loop.createFuture();
  f5.setException(new ValueError("cancelled after"));
  print("f5 cancel ->", f5.cancel());
  keep.push(f5);
  const r = yield* aio.gather(fails("gather rx"), { returnExceptions: true });
  print("gather rx ->", r.map((x) => x.name));
  const t7 = aio.createTask(holdout("holdout"), { name: "holdout-task" });
  yield* aio.sleep(0);
  print("t7 cancel ->", t7.cancel());
  keep.push(t7);
  try {
    yield* aio.gather(fails("first", 1), fails("second", 3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("gather raised", e.message);
  }
  const f9 = loop.createFuture();
  f9.setException(new ValueError("with callback"));
  f9.addDoneCallback((f) => undefined);
  keep.push(f9);
  try {
    yield* aio.waitFor(fails("wait_for"), 1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("wait_for raised", e.message);
  }
  yield* aio.sleep(0.01);
  print("main done");
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
loop.close();
aio.setEventLoop(null);
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
