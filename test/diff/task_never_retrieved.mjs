import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Python reports unretrieved exceptions when the future is garbage-collected (gc.collect() here);
// aionode reports them at the latest when the loop closes. Both happen before "closed".
const reports = [];
const keep = []; // keep the futures alive so that aionode reports them at close(), with context.future

function handler(loop, context) {
  const exc = context.exception;
  const fut = context.future;
  reports.push(tuple(context.message, exc.name, exc.message, fut === undefined ? "None" : fut.constructor.name));
}

const fails = aio.coroutine(function* (msg) {
  yield* aio.sleep(0);
  throw new ValueError(msg);
});

const main = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  keep.push(aio.createTask(fails("lost task")));
  const seen = aio.createTask(fails("seen via exception()"));
  const awaited = aio.createTask(fails("seen via await"));
  const res = aio.createTask(fails("seen via result()"));
  const canc = aio.createTask(fails("cancel() after failure"));
  const f = loop.createFuture();
  f.setException(new ValueError("lost future"));
  keep.push(f);
  const g = loop.createFuture();
  g.setException(new ValueError("retrieved future"));
  g.exception();
  yield* aio.sleep(0.01);
  seen.exception();
  try {
    yield* awaited;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
  }
  try {
    res.result();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
  }
  print("cancel after failure ->", canc.cancel());
  print("main done");
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
loop.close();
aio.setEventLoop(null);
print("closed; reports:");
for (const r of reports.sort()) print(" ", r);
