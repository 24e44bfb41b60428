import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
const seen = [];
function handler(lp, ctx) {
  seen.push(ctx);
  const exc = ctx.exception;
  print("handler", lp === loop, ctx.message, Object.keys(ctx).sort(), exc !== undefined && exc !== null ? exc.name : null);
}

// with no custom handler, call_exception_handler logs to stderr: nothing on stdout
loop.callExceptionHandler({ message: "to the default handler" });
print("default handler did not raise");

loop.setExceptionHandler(handler);
const ctx = { message: "plain message" };
loop.callExceptionHandler(ctx);
print("same dict passed", seen.at(-1) === ctx);
const lk = new Error("lk");
lk.name = "LookupError";
loop.callExceptionHandler({ message: "with exception", exception: lk });
const fut = loop.createFuture();
loop.callExceptionHandler({ message: "with future", future: fut, extra: 1 });
print("future passed through", seen.at(-1).future === fut, seen.at(-1).extra);

// called from inside a running loop (callback and task)
function cb() {
  loop.callExceptionHandler({ message: "from a callback" });
}
const coro = aio.coroutine(function* () {
  loop.callExceptionHandler({ message: "from a task", task: aio.currentTask() });
  yield* aio.sleep(0);
  return "coro done";
});
loop.callSoon(cb);
print(await loop.runUntilComplete(coro()));
print("task in context is a Task", seen.at(-1).task instanceof aio.Task);

// a handler that raises: the error is logged (stderr), call_exception_handler does not raise
function raising(lp, ctx) {
  print("raising handler", ctx.message);
  const e = new Error("oops");
  e.name = "ValueError";
  throw e;
}
loop.setExceptionHandler(raising);
loop.callExceptionHandler({ message: "to the raising handler" });
print("call_exception_handler returned normally");

// the default handler can be called directly too
loop.defaultExceptionHandler({ message: "direct default" });
print("default_exception_handler returned normally");
print("handled", seen.length);
loop.close();
