import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Exception handlers set and reset between runs, and per loop: failures queued between runs
// (callbacks, a timer already due, a future's done callback, a task's done callback) are handled
// by whatever handler is set when they run, not when they were scheduled; a handler installed
// from inside a run catches the rest of that iteration and the next run's failures; the handler
// reset to the default (None) between runs, so the default logs them (first line compared); a
// second loop keeps its own handler (and the default) while the first one's changes; failures
// queued on A from B's callbacks go to A's handler in A's next run; call_exception_handler
// between runs and on a closed loop calls the handler at once (not running); rejected handlers
// leave the current one set; a handler that raises is replaced between runs and the default
// reports 'Unhandled error in exception handler' only while it was set.
const A = aio.newEventLoop();
const B = aio.newEventLoop();
const ValueError = errorClass("ValueError");
const LookupError = errorClass("LookupError");
const RuntimeError = errorClass("RuntimeError");
// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }

function s(t) {
  // a task's repr in a message is cut where Python's source location sits: keep the head
  return t.replace(/\(<Task .*/, "(<Task ...>)");
}
// asyncio logs through logging; aionode's default handler writes one string to console.error
console.error = (msg) => {
  print("   default logs:", s(String(msg)).split("\n")[0]);
};
function log(...args) {
  print("  ", ...args);
}
function name(lp) {
  return lp === A ? "A" : lp === B ? "B" : "?";
}
function make_handler(tag) {
  const handler = (lp, ctx) => {
    const exc = ctx.exception;
    log(
      "handler", tag, "on", name(lp), "running", lp.isRunning(), "|", s(ctx.message),
      "|", exc !== undefined ? exc.name : null, exc !== undefined ? str(exc) : "",
    );
  };
  handler.tag = tag;
  return handler;
}
function current(lp) {
  const h = lp.getExceptionHandler();
  return h !== null ? (h.tag ?? null) : null;
}
function boom(tag) {
  log("boom", tag);
  throw new ValueError(tag);
}
function bad_done(fut) {
  throw new LookupError("done callback of " + str(fut.result()));
}
async function run(lp, label) {
  lp.callSoon(() => lp.stop());
  print("run", name(lp), label, "| handler", current(lp));
  await lp.runForever();
}
const h1 = make_handler("h1");
const h2 = make_handler("h2");
const h3 = make_handler("h3");

print("-- 1 a handler set before the run, and one set inside it");
A.setExceptionHandler(h1);
A.callSoon(boom, "first");
A.callSoon(() => {
  log("callback installs h2");
  A.setExceptionHandler(h2);
});
A.callSoon(boom, "second");
A.callSoon(() => A.callSoon(boom, "queued in the last iteration"));
await run(A, "one");
await run(A, "two");

print("-- 2 failures queued between runs, handler reset to the default before they run");
A.callSoon(boom, "between");
A.callAt(A.time() - 1, boom, "due timer");
const f = A.createFuture();
f.addDoneCallback(bad_done);
f.setResult("f");
const quick = aio.coroutine(async function quick() {
  return "q";
});
const t = A.createTask(quick(), { name: "quick" });
t.addDoneCallback(bad_done);
A.setExceptionHandler(null);
await run(A, "default");
print("handler now", current(A));

print("-- 3 two loops, each its own handler");
A.setExceptionHandler(h3);
B.callSoon(boom, "on B");
B.callSoon((...a) => A.callSoon(...a), boom, "queued on A from B");
B.callSoon(() => A.callExceptionHandler({ message: "A's handler called from B" }));
await run(B, "B keeps the default");
B.setExceptionHandler(h1);
B.callSoon(boom, "on B again");
await run(B, "B with h1");
A.setExceptionHandler(h2);
await run(A, "A with h2");

print("-- 4 call_exception_handler between runs");
A.callExceptionHandler({ message: "between runs", exception: new KeyError("k") });
for (const bad of [42, "text"]) {
  try {
    A.setExceptionHandler(bad);
  } catch (e) {
    if (e.name !== "TypeError") throw e;
    print(`set_exception_handler(${repr(bad)}) raised TypeError`);
  }
}
print("handler still", current(A));
A.setExceptionHandler(null);
A.callExceptionHandler({ message: "between runs, default" });
function raising(lp, ctx) {
  log("raising handler got", s(ctx.message));
  throw new RuntimeError("handler broke");
}
raising.tag = "raising";

print("-- 5 a raising handler, replaced between runs");
A.setExceptionHandler(raising);
A.callSoon(boom, "to the raising handler");
await run(A, "raising");
A.callSoon(boom, "after the replacement");
A.setExceptionHandler(h3);
await run(A, "h3 again");

print("-- 6 closed loops");
A.close();
A.setExceptionHandler(h1);
A.callExceptionHandler({ message: "on a closed loop" });
A.setExceptionHandler(null);
A.callExceptionHandler({ message: "on a closed loop, default" });
B.close();
print("handlers", current(A), current(B));
