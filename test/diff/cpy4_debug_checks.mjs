import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// CPython test_asyncio scenarios (debug mode's checks):
// test_base_events.BaseEventLoopTests: test_call_soon_non_callable, test_call_coroutine
//   (its run_in_executor part left out), test_log_slow_callbacks, test_set_debug (mode per run).
// aionode names the methods in camelCase in its messages (callSoon(), callAt()): the Python side
// prints them so. Locations and durations are stripped.
const s = (t) => t.replace(/took -?[\d.]+ seconds/, "took N seconds");
const consoleWarn = console.warn;
console.warn = (...args) => print("   WARNING", s(String(args[0]).split("\n")[0]));

let loop = aio.newEventLoop();
function noop() {}
const simpleCoroutine = aio.coroutine(function* simple_coroutine() {});

function attempt(label, fn) {
  try {
    const h = fn();
    print("  ", label, "->", h.constructor.name);
    h.cancel();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  ", label, "raised TypeError", e.message);
  }
}
function calls(f) {
  attempt("call_soon", () => loop.callSoon(f));
  attempt("call_soon_threadsafe", () => loop.callSoonThreadsafe(f));
  attempt("call_later", () => loop.callLater(60, f));
  attempt("call_at", () => loop.callAt(loop.time() + 60, f));
}

print("== test_call_soon_non_callable");
// (aionode's message is its own, 'callSoon(): a function was expected as the callback, got ...':
// print whether it names a scheduling method)
loop.setDebug(true);
for (const bad of [1, null, "x"]) {
  const tries = [
    ["call_soon()", () => loop.callSoon(bad)],
    ["call_soon_threadsafe()", () => loop.callSoonThreadsafe(bad)],
    ["call_later()", () => loop.callLater(1, bad)],
    ["call_at()", () => loop.callAt(1, bad)],
  ];
  for (const [name, fn] of tries) {
    try {
      fn();
    } catch (e) {
      if (e instanceof TypeError) print("  ", name, "of", repr(bad), "raised TypeError naming a method:", /\bcall[A-Z]/.test(e.message));
    }
  }
}

print("== test_call_coroutine");
const coro = simpleCoroutine();
print("-- a coroutine function");
calls(simpleCoroutine);
print("-- a coroutine object");
calls(coro);
print("-- outside debug mode a coroutine function is accepted");
loop.setDebug(false);
calls(simpleCoroutine);

print("== test_log_slow_callbacks");
loop.close();
loop = aio.newEventLoop();
print("   default slow_callback_duration:", loop.slowCallbackDuration);
loop.setDebug(true);
loop.slowCallbackDuration = 0.0;
print("   slow_callback_duration == 0:", loop.slowCallbackDuration === 0);
function stop_loop_cb(tag) {
  loop.stop();
}
loop.callSoon(stop_loop_cb, "x");
await loop.runForever();
const stopLoopCoro = aio.coroutine(function* stop_loop_coro() {
  loop.stop();
});
const t = aio.ensureFuture(stopLoopCoro(), loop);
await loop.runForever();
print("   task:", t.done());
print("-- a callback under the threshold is not reported");
loop.slowCallbackDuration = 0.1;
loop.callSoon(stop_loop_cb, "fast");
await loop.runForever();
print("-- nor outside debug mode");
loop.slowCallbackDuration = 0.0;
loop.setDebug(false);
loop.callSoon(stop_loop_cb, "no debug");
await loop.runForever();
loop.close();
