import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// How the default exception handler logs never-retrieved exceptions (debug mode off): the
// message ('Future exception was never retrieved' / 'Task exception was never retrieved'), the
// 'future: <repr>' line with the exception's repr (an exception class given to setException is
// instantiated; an empty message; quotes and a newline in the message; a long message, not cut;
// an exception subclass), the task's name (odd ones: empty, with a quote, a number turned into
// its str), the coroutine's name, and whether the stack is attached. Retrieval by exception(),
// result() and await silences the report; a custom handler (on a second loop) sees the keys
// exception, future and message. Reports come when the objects are collected in Python and when
// the loop closes at the latest in aionode: the log lines are collected and sorted.
let loop = aio.newEventLoop();
aio.setEventLoop(loop);
const logged = [];
// aionode writes one string to console.error: the message, the 'future: ...' line, the stack
console.error = (msg) => {
  const lines = String(msg).split("\n");
  logged.push(`${lines[0]} | ${lines[1]} | exc: ${lines.length > 2 ? "True" : "False"}`);
};
const ValueError = errorClass("ValueError");
const AppError = errorClass("AppError");
const SubError = errorClass("SubError", AppError);

const raiser = aio.coroutine(function* raiser(exc) {
  yield* aio.sleep(0);
  throw exc;
});
let keep = [];
function futureWith(exc) {
  const f = loop.createFuture();
  f.setException(exc);
  keep.push(f);
  return f;
}
function taskWith(exc, opts) {
  const t = loop.createTask(raiser(exc), opts);
  keep.push(t);
  return t;
}

futureWith(ValueError);
futureWith(new AppError());
futureWith(new AppError('it\'s "quoted"\nand two lines'));
futureWith(new SubError("x".repeat(60)));
taskWith(new ValueError("plain"));
taskWith(new AppError("named"), { name: "" });
taskWith(new AppError("named"), { name: "it's" });
taskWith(new SubError("numbered"), { name: 42 });
const r1 = futureWith(new AppError("retrieved by exception()"));
const r2 = taskWith(new AppError("retrieved by result()"), { name: "r2" });
const r3 = taskWith(new AppError("retrieved by await"), { name: "r3" });

const main = aio.coroutine(function* main() {
  yield* aio.sleep(0.01);
  print("r1.exception():", repr(r1.exception()));
  try {
    r2.result();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("r2.result() raised", repr(e));
  }
  try {
    yield* r3;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("await r3 raised", repr(e));
  }
  print("states:", keep.map((x) => (x.done() ? "done" : "pending")));
});

await loop.runUntilComplete(main());
keep = [];
loop.close();
print("-- a second loop, with a custom handler");
loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler((lp, ctx) =>
  logged.push(`custom: ${ctx.message} keys=${repr(Object.keys(ctx).sort())} ${repr(ctx.future)}`),
);
futureWith(new AppError("custom future"));
taskWith(new AppError("custom task"), { name: "ct" });
await loop.runUntilComplete(aio.sleep(0.01));
keep = [];
loop.close();
print("closed; logged:");
for (const line of logged.sort()) print(" ", line);
