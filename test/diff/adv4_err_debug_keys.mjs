import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// In debug mode, which contexts carry the creation traceback ('source_traceback'; aionode's key
// is camelCase, sourceTraceback, mapped back here): failing callSoon / callLater callbacks
// scheduled inside and outside the loop, failing done callbacks, a cancelled-then-raising
// callback, never-retrieved futures and tasks created in debug mode, and a future created before
// debug mode was switched on; a direct callExceptionHandler call keeps its keys. Reports are
// sorted.
const reports = [];
let keep = [];
const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
// (asyncio's future repr ends in its creation location in debug mode, cut by reprlib: drop it all)
const stable = (s) => s.replace(/\(<Future .*\)$/, "(<Future ...>)");

function handler(lp, ctx) {
  const exc = ctx.exception;
  const st = ctx.sourceTraceback;
  reports.push(tuple(stable(ctx.message), Object.keys(ctx).map(snake).sort(), exc === undefined ? "NoneType" : exc.name, exc === undefined ? "None" : exc.message, Boolean(st)));
}

const AppError = errorClass("AppError");
function boom(...a) {
  throw new AppError(`boom ${a.length}`);
}
const fails = aio.coroutine(function* fails(msg) {
  yield* aio.sleep(0);
  throw new AppError(msg);
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.slowCallbackDuration = 100;
keep.push(loop.createFuture());
keep[keep.length - 1].setException(new AppError("created before debug"));
loop.setDebug(true);
loop.setExceptionHandler(handler);
loop.callSoon(boom, "outside");
loop.callLater(0, boom);

const main = aio.coroutine(function* main() {
  const lp = aio.getRunningLoop();
  lp.callSoon(boom, 1, 2);
  lp.callLater(0, boom, "timer");
  const h = lp.callSoon(boom);
  h.cancel();
  const f = lp.createFuture();
  f.addDoneCallback(boom);
  f.setResult(3);
  const g = lp.createFuture();
  g.setException(new AppError("debug future"));
  keep.push(g);
  keep.push(lp.createTask(fails("debug task"), { name: "dt" }));
  lp.callExceptionHandler({ message: "direct", extra: 1 });
  for (let i = 0; i < 5; i++) yield* aio.sleep(0);
  print("main done");
});

await loop.runUntilComplete(main());
keep = [];
loop.close();
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
