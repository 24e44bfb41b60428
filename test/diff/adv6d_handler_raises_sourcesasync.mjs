import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// A custom exception handler that raises, for each kind of error source: a failing callSoon
// callback with arguments, a timer, a future's done callback, a task's done callback, a direct
// callExceptionHandler() from a task (the error does not reach the task), a task whose step
// raised while the handler is set (never retrieved, reported at collection / loop close), and a
// never-retrieved future. The default handler then logs 'Unhandled error in exception handler'
// with the original context as a dict (keys in insertion order, values as reprs) and the
// handler's exception; the loop keeps running the rest of the iteration in order. Log lines
// from the end of the run are sorted; timer deadlines are masked.
// (Async-function twin.)
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
const s = (t) => t.replace(/when=-?[\d.]+/g, "when=T").replace(/\(<Task .*?result=5>\)/g, "(<Task ...>)");
const late = [];
let closing = false;
const AppError = errorClass("AppError");
const HandlerError = errorClass("HandlerError");
const raised = [];

// aionode writes one string to console.error: the message, the key lines, the exception's stack
console.error = (msg) => {
  let text = String(msg);
  let exc = "None";
  for (const e of raised) {
    if (text.endsWith("\n" + e.stack)) {
      text = text.slice(0, -(e.stack.length + 1));
      exc = repr(e);
    }
  }
  const line = `${s(text).split("\n").join(" | ")} | exc: ${exc}`;
  if (closing) late.push(line);
  else print("  LOG", line);
};

const calls = [];
function handler(lp, ctx) {
  calls.push(s(ctx.message));
  if (closing) late.push("handler got: " + s(ctx.message));
  else print("  handler got:", s(ctx.message));
  const e = new HandlerError("handler failed on " + ctx.message.slice(0, 20));
  raised.push(e);
  throw e;
}
loop.setExceptionHandler(handler);

function boom(...args) {
  throw new AppError(`boom ${args.length}`);
}
function mark(tag) {
  print("  mark", tag);
}
const directCaller = aio.coroutine(async function direct_caller() {
  aio.getRunningLoop().callExceptionHandler({ message: "direct", extra: [1, "x"] });
  print("  direct caller continues");
  await aio.sleep(0);
  return "direct caller done";
});
const fails = aio.coroutine(async function fails() {
  await aio.sleep(0);
  throw new AppError("task step");
});
const quick = aio.coroutine(async function quick() {
  return 5;
});

const main = aio.coroutine(async function main() {
  const lp = aio.getRunningLoop();
  lp.callSoon(boom, "a", 2.5);
  lp.callSoon(mark, 1);
  lp.callAt(lp.time() - 100, boom);
  const f = lp.createFuture();
  f.addDoneCallback(boom);
  f.setResult("r");
  const t = lp.createTask(quick(), { name: "quick" });
  t.addDoneCallback(boom);
  lp.callSoon(mark, 2);
  print("  direct:", await lp.createTask(directCaller()));
  await aio.sleep(0);
  await aio.sleep(0);
  return "main done";
});

print(await loop.runUntilComplete(main()));
print("handler still set:", loop.getExceptionHandler() === handler);
let uf = loop.createFuture();
uf.setException(new AppError("never retrieved future"));
let ut = loop.createTask(fails(), { name: "failing" });
await loop.runUntilComplete(aio.sleep(0.01));
closing = true;
loop.close();
closing = false;
print("closed; late logs:");
for (const line of late.sort()) print(" ", line);
print("handler calls:", calls.length);
