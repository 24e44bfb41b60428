import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Exception handlers that act on the loop: close() and runUntilComplete() / runForever() from
// inside the handler (RuntimeError, reported as 'Unhandled error in exception handler'),
// scheduling further failing callbacks (a chain, in order with the rest of the iteration),
// completing a future a task awaits, cancelling the task that called callExceptionHandler()
// directly, and stopping the loop during runUntilComplete() ('Event loop stopped before
// Future completed.'), after which the loop runs again.
const loop = aio.newEventLoop();
aio.setEventLoop(loop);

function defaultOverride(ctx) {
  const inner = ctx.context;
  const exc = ctx.exception;
  print("  default |", ctx.message, "|", exc.name, repr(exc.message), "| inner:", inner ? inner.message : null);
}
loop.defaultExceptionHandler = defaultOverride;

const AppError = errorClass("AppError");
function boom(tag) {
  throw new AppError(tag);
}
function note(tag) {
  print("  note", tag);
}

const actions = new Map();
function handler(lp, ctx) {
  const msg = ctx.message;
  print("H |", msg, "|", Object.keys(ctx).sort());
  const key = ctx.exception !== undefined ? ctx.exception.message : msg;
  const act = actions.get(key);
  if (act !== undefined) act(lp, ctx);
}
loop.setExceptionHandler(handler);

let chain = 0;
actions.set("close", (lp, ctx) => lp.close());
actions.set("ruc", (lp, ctx) => lp.runUntilComplete(aio.sleep(0)));
actions.set("forever", (lp, ctx) => lp.runForever());
actions.set("chain", (lp, ctx) => {
  chain += 1;
  if (chain < 3) lp.callSoon(boom, "chain");
  lp.callSoon(note, `scheduled by handler ${chain}`);
});
const stop = () => loop.stop();

print("-- loop calls from the handler");
loop.callSoon(boom, "close");
loop.callSoon(boom, "ruc");
loop.callSoon(boom, "forever");
loop.callSoon(note, "same iteration");
loop.callSoon(stop);
await loop.runForever();
print("closed?", loop.isClosed());

print("-- chain");
loop.callSoon(boom, "chain");
loop.callSoon(note, "same iteration 1");
loop.callSoon(note, "same iteration 2");
loop.callLater(0.2, stop);
await loop.runForever();

print("-- handler completes a future, cancels a task");
const futBox = {};
actions.set("complete", (lp, ctx) => futBox.f.setResult("set by handler"));
actions.set("please cancel me", (lp, ctx) => print("  cancel ->", ctx.task.cancel("handler says no")));

const waiter = aio.coroutine(async function waiter() {
  const lp = aio.getRunningLoop();
  futBox.f = lp.createFuture();
  lp.callSoon(boom, "complete");
  print("  waiter got", await futBox.f);
  lp.callExceptionHandler({ message: "please cancel me", task: aio.currentTask() });
  print("  still running after the handler, cancelling", aio.currentTask().cancelling());
  try {
    await aio.sleep(0);
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  waiter cancelled:", repr(e.message));
    throw e;
  }
});
try {
  await loop.runUntilComplete(waiter());
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("run_until_complete raised CancelledError", repr(e.message));
}

print("-- handler stops the loop during run_until_complete");
actions.set("stop", (lp, ctx) => lp.stop());
const longMain = aio.coroutine(async function long_main() {
  const lp = aio.getRunningLoop();
  lp.callSoon(boom, "stop");
  lp.callSoon(note, "after stop, same iteration");
  await aio.sleep(0);
  print("  long_main step 2");
  await aio.sleep(0);
  print("  long_main step 3");
  return "long result";
});
const task = loop.createTask(longMain());
try {
  await loop.runUntilComplete(task);
} catch (e) {
  if (!(e instanceof aio.RuntimeError)) throw e;
  print("run_until_complete raised", repr(e.message));
}
print("task done", task.done());
print("again ->", await loop.runUntilComplete(task));
loop.close();
print("closed", loop.isClosed());
