import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const loop = aio.newEventLoop();
// asyncio 3.11 checks callbacks at the call only in debug mode (aionode always does)
loop.setDebug(true);
print("debug", loop.getDebug());
function attempt(name, fn) {
  try {
    const r = fn();
    print(name, "ok", r.constructor.name);
    return r;
  } catch (e) {
    print(name, e.name);
  }
}
const coroFn = aio.coroutine(function* () {
  return 1;
});
function good(...args) {
  print("good", args);
}

attempt("call_soon(42)", () => loop.callSoon(42));
attempt("call_soon(None)", () => loop.callSoon(null));
attempt("call_soon('str')", () => loop.callSoon("print"));
attempt("call_soon(coroutine function)", () => loop.callSoon(coroFn));
attempt("call_soon(async function)", () => loop.callSoon(async () => 1));
attempt("call_later(0, coroutine function)", () => loop.callLater(0, coroFn));
attempt("call_at(now, coroutine function)", () => loop.callAt(loop.time(), coroFn));
attempt("call_soon(coroutine object)", () => loop.callSoon(coroFn()));
attempt("call_later(0.01, 42)", () => loop.callLater(0.01, 42));
attempt("call_later('0.1', good)", () => loop.callLater("0.1", good));
attempt("call_later(None, good)", () => loop.callLater(null, good));
attempt("call_at(None, good)", () => loop.callAt(null, good));
attempt("call_at(loop.time(), None)", () => loop.callAt(loop.time(), null));
attempt("set_exception_handler('x')", () => loop.setExceptionHandler("x"));

// an infinite delay is accepted: the timer never fires
const hInf = attempt("call_later(inf, good)", () => loop.callLater(Infinity, good, "never"));
print("inf when", hInf.when() === Infinity);

// the loop is not corrupted by the rejected calls
loop.callSoon(good, 1);
loop.callLater(0.005, good, 2);
loop.callLater(0.01, () => loop.stop());
await loop.runForever();
print("pending inf timer cancelled", hInf.cancelled());
hInf.cancel();
print("after cancel", hInf.cancelled());
loop.callSoon(good, 3);
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
