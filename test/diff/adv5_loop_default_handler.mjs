import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// What the default exception handler logs: the message (or 'Unhandled exception in event loop'),
// then one 'key: repr(value)' line per other key, sorted (strings quoted, lists, floats, dicts,
// futures, tasks, handles), and the exception's traceback (only its presence is compared). Called
// directly, through call_exception_handler with no handler set, for failing callbacks, timers and
// done callbacks, for never-retrieved futures and tasks, when a custom handler raises (the
// original context is logged as a dict), and when the default handler itself raises. Source
// locations are stripped.
const loop = aio.newEventLoop();

// asyncio logs through logging; aionode writes one string to console.error, ending in the stack
// of the context's exception when it has one (or the error as a second argument)
const thrown = [];
console.error = (msg, err) => {
  let text = String(msg);
  let exc = err !== undefined;
  for (const e of thrown) {
    if (e.stack && text.endsWith("\n" + e.stack)) {
      text = text.slice(0, -(e.stack.length + 1));
      exc = true;
      break;
    }
  }
  print("LOG", "ERROR", "| exc:", exc);
  for (const line of text.split("\n")) print("   ", line);
};
const AppError0 = errorClass("AppError");
class AppError extends AppError0 {
  constructor(msg) {
    super(msg);
    thrown.push(this);
  }
}
const ValueError = errorClass("ValueError");
const ZeroDivisionError0 = errorClass("ZeroDivisionError");
const RuntimeError0 = errorClass("RuntimeError");
const note = (e) => (thrown.push(e), e);

function cb() {}

print("-- direct calls");
const fp = loop.createFuture();
const fr = loop.createFuture();
fr.setResult([1, "two"]);
const fe = loop.createFuture();
fe.setException(new AppError("in a future"));
fe.exception();
const fc = loop.createFuture();
fc.cancel("why");
loop.defaultExceptionHandler({
  message: "many values",
  text: "it's",
  long: "z".repeat(45),
  num: 1.5,
  int: -7,
  tiny: 1e-7,
  big: 1e16,
  negzero: -0,
  lst: [1, "a", [2.5, []]],
  dct: { a: 1, b: "x" },
  err: new ValueError("as a value"),
  Zeta: "upper case sorts first",
  fut_pending: fp,
  fut_result: fr,
  fut_exc: fe,
  fut_cancelled: fc,
  timer: loop.callAt(1e9 + 0.5, cb, "t", [1]),
});
loop.defaultExceptionHandler({});
loop.defaultExceptionHandler({ message: "" });
loop.defaultExceptionHandler({ message: "", extra: "kept" });
loop.defaultExceptionHandler({ message: "with an exception", exception: new AppError("e1") });
loop.defaultExceptionHandler({ message: "line one\nline two", exception: new AppError() });
print("-- call_exception_handler with no handler set");
loop.callExceptionHandler({ message: "via call_exception_handler", b: 2, a: "1" });
function from_inside() {
  loop.callExceptionHandler({ message: "from a callback", where: ["inside"] });
}
loop.callSoon(from_inside);
loop.callSoon(() => loop.stop());
await loop.runForever();

print("-- failing callbacks, timers, done callbacks");
function boom(...args) {
  throw new AppError(`boom ${args.length}`);
}
loop.callSoon(boom, "k", 1.25);
loop.callAt(-5.5, boom, ["timer"]);
const df = loop.createFuture();
df.addDoneCallback(boom);
df.setResult("done");
loop.callLater(0.02, () => loop.stop());
await loop.runForever();

// (reported below: asyncio when they are collected, aionode when the loop closes at the latest)
const fails = aio.coroutine(function* fails() {
  throw new AppError("task failed");
});
let uf = loop.createFuture();
uf.setException(new AppError("future failed"));
let ut = loop.createTask(fails(), { name: "unretrieved" });
await loop.runUntilComplete(aio.sleep(0));

print("-- a custom handler that raises");
function raising(lp, ctx) {
  print("custom handler got", ctx.message);
  throw note(new ZeroDivisionError0("handler broke"));
}
loop.setExceptionHandler(raising);
print("get_exception_handler is raising:", loop.getExceptionHandler() === raising);
loop.callSoon(boom, "k");
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.callExceptionHandler({ message: "direct", n: [1, 2] });

print("-- the default handler raises too");
function bad_default(ctx) {
  print("bad default got", ctx.message);
  throw note(new RuntimeError0("default broke"));
}
loop.defaultExceptionHandler = bad_default;
loop.callExceptionHandler({ message: "custom raises, then default raises" });
loop.setExceptionHandler(null);
print("get_exception_handler after reset:", loop.getExceptionHandler());
loop.callExceptionHandler({ message: "no custom handler, default raises" });
loop.callSoon(boom);
loop.callSoon(() => loop.stop());
await loop.runForever();
delete loop.defaultExceptionHandler;
loop.callExceptionHandler({ message: "default handler restored" });
print("-- never-retrieved future and task, reported at the latest when the loop closes");
loop.close();
uf = ut = null;
print("closed");
