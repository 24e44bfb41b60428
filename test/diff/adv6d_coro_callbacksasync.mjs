import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Coroutines given as loop callbacks. In debug mode callSoon, callLater, callAt and
// callSoonThreadsafe reject a coroutine function and a coroutine object with
// "coroutines cannot be used with <method>()" (callLater's check names callAt, as asyncio's
// call_later delegates to call_at), after the closed-loop check; a plain function is accepted;
// nothing was scheduled by a rejected call, and the loop keeps running the accepted ones in
// order. Outside debug mode a coroutine function is called like any callback (its coroutine is
// dropped unrun), also as a done callback. Turning debug mode off again lifts the check.
// (Method names in messages are mapped back to asyncio's.)
// (Async-function twin: the coroutine is an async function, and calling it runs nothing.)
const log = [];
const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const msg = (e) => e.message.replace(/with (\w+)\(\)/, (m, n) => `with ${snake(n)}()`);

const co = aio.coroutine(async function co(...a) {
  log.push(tuple("co body ran", tuple(...a)));
});
function plain(...a) {
  print("  plain", tuple(...a));
}

const loop = aio.newEventLoop();
loop.setExceptionHandler((lp, ctx) => {
  print("  handler:", ctx.message.slice(0, 40), ctx.exception === undefined ? "NoneType" : ctx.exception.name);
});
const methods = [
  ["call_soon", (cb, tag) => loop.callSoon(cb, tag)],
  ["call_later", (cb, tag) => loop.callLater(0, cb, tag)],
  ["call_at", (cb, tag) => loop.callAt(loop.time() - 1, cb, tag)],
  ["call_soon_threadsafe", (cb, tag) => loop.callSoonThreadsafe(cb, tag)],
];
print("-- debug on");
loop.setDebug(true);
print("get_debug:", loop.getDebug());
for (const [name, f] of methods) {
  for (const kind of ["coroutine function", "coroutine object", "plain function"]) {
    const cb = kind === "coroutine function" ? co : kind === "coroutine object" ? co("obj") : plain;
    try {
      const r = f(cb, name);
      print(name, kind, "-> accepted", r.constructor.name);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(name, kind, "-> TypeError", msg(e));
    }
  }
}
loop.callSoon(() => loop.stop());
await loop.runForever();
print("log:", log);

print("-- debug off");
loop.setDebug(false);
print("get_debug:", loop.getDebug());
for (const [name, f] of methods) {
  const r = f(co, name);
  print(name, "coroutine function -> accepted", r.constructor.name);
}
const fut = loop.createFuture();
fut.addDoneCallback(co);
fut.setResult("r");
loop.callSoon(plain, "after");
loop.callSoon(() => loop.stop());
await loop.runForever();
print("log:", log);

print("-- debug on again, inside a callback");
function switchOn() {
  loop.setDebug(true);
  try {
    loop.callSoon(co);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("  in callback: TypeError", msg(e));
  }
  loop.callSoon(plain, "scheduled from the callback");
  loop.setDebug(false);
  print("  call_soon(co) with debug off again:", loop.callSoon(co, "x").constructor.name);
}
loop.callSoon(switchOn);
loop.callSoon(() => loop.stop());
await loop.runForever();
print("log:", log);
loop.close();
print("-- closed, debug on");
loop.setDebug(true);
for (const [name, f] of methods) {
  try {
    f(co, name);
  } catch (e) {
    print(name, e.name, e.message);
  }
}
