import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Custom exception handlers that raise: for a failing callback, a failing done callback, a direct
// callExceptionHandler() from a task and from outside the loop, while reporting unretrieved
// exceptions at the end; a handler raising CancelledError; a handler that swaps itself for
// another (or for null) and then raises; the (instance-overridden) default handler receives
// 'Unhandled error in exception handler' with the original context, and when it raises as
// well nothing escapes. Reports from the end of the run are sorted.
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const late = [];
let collecting = false;

function describe(ctx) {
  const exc = ctx.exception;
  const excText = exc === undefined ? "NoneType 'None'" : `${exc.name} ${repr(exc.message)}`;
  return `${ctx.message ?? "<no message>"} | ${repr(Object.keys(ctx).sort())} | ${excText}`;
}

function defaultOverride(ctx) {
  const inner = ctx.context;
  const line = "default | " + describe(ctx) + " | inner: " + (inner !== undefined ? describe(inner) : "-");
  if (collecting) late.push(line);
  else print(line);
  if (ctx.message === "Unhandled error in exception handler" && inner !== undefined && inner.message === "please fail the default too") {
    throw new RuntimeError("default broke as well");
  }
}
loop.defaultExceptionHandler = defaultOverride;

const AppError = errorClass("AppError");
const HandlerError = errorClass("HandlerError");
const RuntimeError = errorClass("RuntimeError");

function raising(lp, ctx) {
  const line = "raising | " + describe(ctx) + " | current handler is me: " + (lp.getExceptionHandler() === raising ? "True" : "False");
  if (collecting) late.push(line);
  else print(line);
  throw new HandlerError("handler broke on " + (ctx.message ?? "?").slice(0, 20));
}
function raising_cancel(lp, ctx) {
  print("raising_cancel |", describe(ctx));
  throw new aio.CancelledError("cancel from handler");
}
function polite(lp, ctx) {
  print("polite |", describe(ctx));
}
function swap_then_raise(lp, ctx) {
  print("swap_then_raise |", describe(ctx));
  lp.setExceptionHandler(polite);
  throw new HandlerError();
}
function reset_then_raise(lp, ctx) {
  print("reset_then_raise |", describe(ctx));
  lp.setExceptionHandler(null);
  throw new HandlerError("after reset");
}
function boom(...a) {
  throw new AppError("boom");
}
function fine(tag) {
  print("fine", tag);
}
const fails = aio.coroutine(async function fails(msg) {
  await aio.sleep(0);
  throw new AppError(msg);
});

let keep = [];

// a few loop iterations, independent of the machine's speed
const settle = aio.coroutine(async function settle(n = 12) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const main = aio.coroutine(async function main() {
  const lp = aio.getRunningLoop();
  print("-- raising handler: callbacks");
  lp.setExceptionHandler(raising);
  lp.callSoon(boom, 1);
  lp.callSoon(fine, 1);
  const f = lp.createFuture();
  f.addDoneCallback(boom);
  f.setResult(0);
  await aio.sleep(0);
  await aio.sleep(0);
  print("-- raising handler: direct calls from a task");
  lp.callExceptionHandler({ message: "direct from task", task: aio.currentTask() });
  print("task goes on");
  lp.callExceptionHandler({ message: "please fail the default too" });
  print("task still goes on");
  lp.callExceptionHandler({ exception: new AppError("no message key") });
  print("-- handler raising CancelledError");
  lp.setExceptionHandler(raising_cancel);
  lp.callSoon(boom);
  lp.callSoon(fine, 2);
  await aio.sleep(0);
  lp.callExceptionHandler({ message: "direct, cancel from handler" });
  print("not cancelled:", aio.currentTask().cancelling());
  print("-- swap then raise");
  lp.setExceptionHandler(swap_then_raise);
  lp.callSoon(boom);
  lp.callSoon(boom, 2);
  await aio.sleep(0);
  print("handler now polite:", lp.getExceptionHandler() === polite);
  print("-- reset then raise");
  lp.setExceptionHandler(reset_then_raise);
  lp.callSoon(boom);
  lp.callSoon(boom, 3);
  await aio.sleep(0);
  print("handler now", lp.getExceptionHandler());
  print("-- unretrieved at the end, raising handler");
  lp.setExceptionHandler(raising);
  keep.push(aio.createTask(fails("lost 1"), { name: "lost-1" }));
  keep.push(aio.createTask(fails("lost 2"), { name: "lost-2" }));
  const g = lp.createFuture();
  g.setException(new AppError("lost future"));
  keep.push(g);
  await settle();
  print("main done");
});

await loop.runUntilComplete(main());
loop.callExceptionHandler({ message: "outside the loop" });
collecting = true;
keep = [];
loop.close();
collecting = false;
for (const line of late.sort()) print(line);
print("closed");
