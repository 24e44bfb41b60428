import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Which error wins when a call is wrong twice: on a closed loop, call_soon,
// call_soon_threadsafe, call_later, call_at, create_task, run_until_complete and run_forever say
// 'Event loop is closed' whatever the callback or awaitable (not callable, a coroutine function
// in debug mode, a value that is not awaitable); on an open loop in debug mode the callback
// checks name the method (call_soon_threadsafe its own name); run_until_complete/create_task of
// values that are not awaitable; set_exception_handler of a non-callable; the loop unharmed by
// every refusal (it runs afterwards; outside debug mode asyncio takes any callback, aionode
// still rejects what is not a function, so that case is left out), and what works on a closed
// loop (create_future, time, get_debug, set_debug, stop, close, is_running, is_closed).
function attempt(label, fn, full = true) {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch(() => {});
    const kind = r === undefined || r === null || typeof r === "boolean" ? r : r instanceof aio.TimerHandle ? "TimerHandle" : r instanceof aio.Handle ? "Handle" : r instanceof aio.Future ? "Future" : typeof r;
    print("  ", label, "ok", kind);
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof aio.RuntimeError)) throw e;
    const msg = full ? e.message : "-";
    print("  ", label, e.name, msg.split(", got")[0]);
  }
}

const coroFn = aio.coroutine(function* coro_fn() {
  return 1;
});
function cb() {
  print("   cb runs");
}

function shapes(loop, label) {
  print("--", label);
  attempt("call_soon(42)", () => loop.callSoon(42), false);
  attempt("call_soon(coroutine function)", () => loop.callSoon(coroFn));
  attempt("call_soon_threadsafe(coroutine function)", () => loop.callSoonThreadsafe(coroFn));
  attempt("call_later(1, 42)", () => loop.callLater(1, 42), false);
  attempt("call_later(1, coroutine function)", () => loop.callLater(1, coroFn), false);
  attempt("call_at(1, 42)", () => loop.callAt(1, 42), false);
  attempt("call_at(1, coroutine function)", () => loop.callAt(1, coroFn));
  attempt("set_exception_handler(42)", () => loop.setExceptionHandler(42));
  attempt("create_task(42)", () => loop.createTask(42), false);
  attempt("run_until_complete(42)", () => loop.runUntilComplete(42), false);
  attempt("run_until_complete(None)", () => loop.runUntilComplete(null), false);
  print("   running:", loop.isRunning(), "closed:", loop.isClosed());
}

const loop = aio.newEventLoop();
loop.setDebug(true);
shapes(loop, "open, debug");
loop.callSoon(cb);
loop.callSoon(() => loop.stop());
await loop.runForever();
print("   the loop ran after the refusals");
print("   then:", await loop.runUntilComplete(aio.sleep(0, "sleep(0) ran")));
loop.close();
loop.setDebug(true);
shapes(loop, "closed, debug");
loop.setDebug(false);
shapes(loop, "closed");
print("-- what a closed loop still does");
attempt("create_future()", () => loop.createFuture());
attempt("time() is a float", () => typeof loop.time() === "number");
attempt("get_debug()", () => loop.getDebug());
attempt("set_debug(True)", () => loop.setDebug(true));
attempt("get_debug()", () => loop.getDebug());
attempt("stop()", () => loop.stop());
attempt("close()", () => loop.close());
attempt("is_running()", () => loop.isRunning());
attempt("is_closed()", () => loop.isClosed());
attempt("run_forever()", () => loop.runForever());
attempt("call_soon(cb)", () => loop.callSoon(cb));
attempt("set_exception_handler(None)", () => loop.setExceptionHandler(null));
