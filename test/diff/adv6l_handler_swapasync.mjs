import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// The exception handler as a moving target: get_exception_handler() at each point; a handler
// that replaces itself (the next failure of the same iteration goes to the new one), resets to
// the default (overridden on the instance) from inside, raises (the default gets 'Unhandled error
// in exception handler' with the original context, and the handler stays set), calls
// call_exception_handler recursively, mutates the context it got (the next call gets a fresh
// one), schedules a callback, and stops the loop; rejected handlers leave the current one in
// place; the context keys and values for a callback with arguments, a timer, call_at, a future's
// and a task's done callbacks, and direct calls (with and without a message).
const loop = aio.newEventLoop();
class ValueError extends Error {
  name = "ValueError";
}
class LookupError extends Error {
  name = "LookupError";
}

function desc(ctx) {
  const parts = [];
  for (const k of Object.keys(ctx).sort()) {
    let v = ctx[k];
    if (k === "exception") v = `${v.name}(${repr(v.message)})`;
    else if (k === "context") v = repr(Object.keys(v).sort());
    else if (k === "handle") v = (v instanceof aio.TimerHandle ? "TimerHandle" : v instanceof aio.Handle ? "Handle" : "?") + (v.cancelled() ? " cancelled" : "");
    else if (k === "message") v = String(v);
    else v = typeof v === "string" ? v : repr(v);
    parts.push(`${k}=${v}`);
  }
  return parts.join(" ");
}

function defaultHandler(ctx) {
  print("  DEFAULT", desc(ctx));
}
loop.defaultExceptionHandler = defaultHandler;
const NAMES = new Map();
const current = () => NAMES.get(loop.getExceptionHandler()) ?? "?";

function h1(lp, ctx) {
  print("  h1", lp === loop, desc(ctx));
  if (ctx.message.includes("swap")) {
    lp.setExceptionHandler(h2);
    print("  h1 swapped to h2; now", current());
  }
}
function h2(lp, ctx) {
  print("  h2", desc(ctx));
  if (ctx.message.includes("reset")) {
    lp.setExceptionHandler(null);
    print("  h2 reset; now", current());
  }
}
function raising(lp, ctx) {
  print("  raising", desc(ctx));
  throw new LookupError("handler broke");
}
let depth = 0;
function recursive(lp, ctx) {
  depth += 1;
  print("  recursive depth", depth, desc(ctx));
  ctx.added = depth;
  if (depth < 3) lp.callExceptionHandler({ message: `nested ${depth}`, level: depth });
  depth -= 1;
}
function scheduling(lp, ctx) {
  print("  scheduling", desc(ctx));
  lp.callSoon(print, "  callback scheduled by the handler");
  if (ctx.message.includes("stop")) {
    lp.stop();
    print("  handler stopped the loop");
  }
}
for (const [k, v] of [[null, "None"], [h1, "h1"], [h2, "h2"], [raising, "raising"], [recursive, "recursive"], [scheduling, "scheduling"]]) NAMES.set(k, v);

function boom(...args) {
  throw new ValueError(`boom ${args.length}`);
}
function fine(tag) {
  print("  fine", tag);
}
async function runUntilStopped(label) {
  print("--", label, "| handler:", current());
  loop.callSoon(() => loop.stop());
  await loop.runForever();
  print("   handler after the run:", current());
}

print("start:", current());
loop.callExceptionHandler({ message: "direct, no handler" });
loop.setExceptionHandler(h1);
print("set h1:", current());
for (const bad of ["h1", 42, [1]]) {
  try {
    loop.setExceptionHandler(bad);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(`rejected ${repr(bad)}, still ${current()}`);
  }
}

loop.callSoon(boom, 1, "two", [3]);
loop.callSoon(() => loop.callExceptionHandler({ message: "swap please", n: 1 }));
loop.callSoon(boom);
loop.callSoon(() => loop.callExceptionHandler({ message: "reset please" }));
loop.callSoon(boom, null);
loop.callSoon(fine, "after the reset");
await runUntilStopped("1 swap and reset from inside");

loop.setExceptionHandler(raising);
loop.callSoon(boom, "x");
loop.callAt(loop.time() - 1, boom, "timer", 2);
loop.callSoon(fine, "between");
await runUntilStopped("2 a raising handler");
loop.callExceptionHandler({ message: "direct, raising handler" });

loop.setExceptionHandler(recursive);
loop.callExceptionHandler({ message: "outside" });
loop.callSoon(boom, 7);
await runUntilStopped("3 recursive handler");

loop.setExceptionHandler(scheduling);
const f = loop.createFuture();
function done_boom(fut) {
  throw new LookupError(`done callback of ${String(fut)}`);
}
f.addDoneCallback(done_boom);
loop.callSoon((v) => f.setResult(v), 5);
const short = aio.coroutine(async function short() {
  return "short";
});
const t = loop.createTask(short(), { name: "short" });
t.addDoneCallback(done_boom);
loop.callLater(0.1, boom, "later");
loop.callLater(0.2, () => loop.callExceptionHandler({ message: "please stop", why: "test" }));
loop.callLater(1.0, fine, "never in this run");
print("-- 4 done callbacks and timers | handler:", current());
await loop.runForever();
print("   stopped by the handler; handler", current());
loop.setExceptionHandler(null);
print("reset outside:", current());
loop.callSoon(boom, "to the default");
await runUntilStopped("5 back to the default");
loop.setExceptionHandler();
print("reset twice:", current());
loop.close();
loop.callExceptionHandler({ message: "after close" });
loop.setExceptionHandler(h1);
loop.callExceptionHandler({ message: "after close, h1" });
print("end:", current());
