import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// The default exception handler's output in debug mode: a context with 'source_traceback' (a
// failing callback, timer, done callback, a never-retrieved future or task) logs it as
// 'source_traceback: Object created at (most recent call last):' and the frames; a context
// without one, passed while a handle created in debug mode runs (a direct callExceptionHandler
// from a callback, a timer, a task step, a done callback), gets 'handle_traceback: Handle created
// at (most recent call last):' added (the handler mutates the context: a custom handler that
// delegates to the default sees the key afterwards); from outside the loop, from a handle created
// before debug mode was on, or once debug mode is off, nothing is added; a context given its own
// source_traceback keeps it. Only the first line of each traceback is compared (the frames are
// the language's), and the keys each log line names. (aionode's keys are camelCase:
// sourceTraceback, handleTraceback, mapped back here.)
const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setDebug(true);
loop.slowCallbackDuration = 100;
const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const AppError = errorClass("AppError");

// asyncio logs through logging; aionode writes one string to console.error, ending in the
// exception's stack when the context has one
console.error = (msg) => {
  const text = String(msg);
  const lines = text.split("\n");
  const out = [lines[0].replace(/\(<Future .*\)$/, "(<Future ...>)")];
  for (const line of lines.slice(1)) {
    const m = /^(\w+): (.*)$/.exec(line);
    if (m && !/^\w*Error$/.test(m[1])) out.push(snake(m[1]) + ": " + (m[1].includes("Traceback") ? m[2] : "..."));
  }
  print("  LOG", out.join(" | "), "| exc:", /\n\s+at /.test(text) && /\n\w*Error: /.test(text));
};

function direct(tag) {
  loop.callExceptionHandler({ message: "direct from " + tag });
}
function boom() {
  throw new AppError("boom");
}
function stopper() {
  loop.stop();
}

print("-- failing entries: source_traceback");
loop.callSoon(boom, 1);
loop.callLater(0, boom);
const f = loop.createFuture();
f.addDoneCallback(boom);
f.setResult(1);
loop.callSoon(stopper);
await loop.runForever();

print("-- direct calls: handle_traceback while a debug-mode handle runs");
direct("outside the loop");
loop.callSoon(direct, "a callback");
loop.callLater(0, direct, "a timer");
const g = loop.createFuture();
g.addDoneCallback(() => direct("a done callback"));
g.setResult(2);
const taskBody = aio.coroutine(function* task_body() {
  direct("a task's first step");
  yield* aio.sleep(0);
  direct("a task's second step");
  const h = loop.createFuture();
  loop.callSoon((v) => h.setResult(v), null);
  yield* h;
  direct("a task step after a wakeup");
});
await loop.runUntilComplete(taskBody());
const ceh = (ctx) => loop.callExceptionHandler(ctx);
loop.callSoon(ceh, { message: "own source", sourceTraceback: ["mine"] });
loop.callSoon(ceh, { message: "own handle_traceback", handleTraceback: ["mine"] });
loop.callSoon(stopper);
await loop.runForever();

print("-- a handle created before debug mode was on");
loop.setDebug(false);
loop.callSoon(direct, "an early callback");
loop.setDebug(true);
loop.callSoon(stopper);
await loop.runForever();

print("-- debug mode off");
loop.setDebug(false);
loop.callSoon(direct, "a callback, debug off");
loop.callSoon(boom, "debug off");
loop.callSoon(stopper);
await loop.runForever();
loop.setDebug(true);

print("-- a custom handler delegating to the default one");
function delegating(lp, ctx) {
  const before = Object.keys(ctx).map(snake).sort();
  lp.defaultExceptionHandler(ctx);
  print("  custom: keys before", before, "after", Object.keys(ctx).map(snake).sort());
}
loop.setExceptionHandler(delegating);
loop.callSoon(direct, "a callback, custom handler");
loop.callSoon(boom, "custom");
loop.callSoon(stopper);
await loop.runForever();
direct("outside, custom handler");

print("-- never retrieved");
loop.setExceptionHandler(null);
let nf = loop.createFuture();
nf.setException(new AppError("never"));
const fails = aio.coroutine(function* fails() {
  throw new AppError("task never");
});
let nt = loop.createTask(fails(), { name: "nt" });
await loop.runUntilComplete(aio.sleep(0));
// (aionode reports them when the loop closes at the latest)
loop.close();
print("closed");
