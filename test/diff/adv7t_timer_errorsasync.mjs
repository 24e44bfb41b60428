import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Errors around timers: a timer callback that raises (the handler's context: message, sorted
// keys, the exception, the TimerHandle's repr and cancelled()), the rest of its batch still runs
// and so do later timers; a timer that raises after scheduling more work; timers calling
// run_until_complete(), run_forever() or close() on their running loop (asyncio.run() there is an
// async function's rejection in aionode: loop_run_main pins it); bad delays (the exception's type
// only: the messages are aionode's); an exception handler that cancels the next timer of the batch;
// the loop keeps working after each.
const loop = aio.newEventLoop();
const out = [];
const r = (h) => String(h).replace(/when=[-0-9.e+inf]+/, "when=W");
const pyErr = (name) => { const C = class extends Error {}; Object.defineProperty(C.prototype, "name", { value: name }); return C; };
const ERRORS = Object.fromEntries(["ValueError", "ZeroDivisionError", "LookupError", "KeyError"].map((n) => [n, pyErr(n)]));
ERRORS.RuntimeError = aio.RuntimeError ?? pyErr("RuntimeError");
ERRORS.TypeError = TypeError;

function handler(lp, ctx) {
  const h = ctx.handle;
  out.push(`handler: ${ctx.message} | keys ${repr(Object.keys(ctx).sort())} | ${repr(ctx.exception)} | ${r(h)} | cancelled ${repr(h.cancelled())}`);
}
loop.setExceptionHandler(handler);
function rec(name) {
  out.push(name);
}
function boom(name, kind, ...args) {
  out.push(name);
  throw new ERRORS[kind](...args);
}
function boom_after(name) {
  out.push(name);
  loop.callSoon(rec, name + ">soon");
  loop.callAt(-1.0, rec, name + ">past");
  throw new ERRORS.KeyError(name);
}
function stopLater() {
  loop.callLater(0.02, () => loop.stop());
}
async function run(label) {
  loop.callSoon(stopLater);
  await loop.runForever();
  print(label);
  for (const line of out) print("  ", line);
  out.length = 0;
}

print("-- raising timers in one batch");
loop.callAt(-9.0, rec, "t1");
loop.callAt(-8.0, boom, "t2", "ValueError", "v");
loop.callAt(-7.0, boom, "t3", "RuntimeError");
loop.callAt(-6.0, boom_after, "t4");
loop.callAt(-5.0, boom, "t5", "ZeroDivisionError", "division by zero, a long message");
loop.callAt(-4.0, rec, "t6");
await run("batch");

print("-- a raising call_later and a raising future timer, then a sleep");
const after = aio.coroutine(async function after() {
  const v = await aio.sleep(0.05, "slept fine");
  out.push(v);
});
loop.callLater(0, boom, "later0", "TypeError", "t");
loop.callLater(0.01, boom, "later10ms", "LookupError", "l");
await loop.runUntilComplete(after());
loop.callSoon(stopLater);
await run("later");

print("-- re-entering the running loop from a timer");
function reenter(kind) {
  try {
    if (kind === "ruc") loop.runUntilComplete(aio.sleep(0));
    else if (kind === "forever") loop.runForever();
    else if (kind === "close") loop.close();
  } catch (e) {
    out.push(`${kind}: ${repr(e)}`);
  }
  out.push(`${kind}: running ${repr(loop.isRunning())} closed ${repr(loop.isClosed())}`);
}
["ruc", "forever", "close"].forEach((kind, i) => loop.callAt(-10.0 + i, reenter, kind));
await run("reenter");

print("-- bad delays: exception types");
for (const [d, dr] of [["1", "'1'"], [null, "None"], [[], "[]"], [{}, "{}"]]) {
  try {
    loop.callLater(d, rec, "bad");
    out.push(`call_later(${dr}) accepted`);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    out.push(`call_later(${dr}) ${e.name}`);
  }
  const s = aio.coroutine(async function s() {
    return await aio.sleep(d);
  });
  try {
    await loop.runUntilComplete(s());
    out.push(`sleep(${dr}) accepted`);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    out.push(`sleep(${dr}) ${e.name}`);
  }
}
await run("bad");

print("-- a handler that cancels the next sibling of the batch and schedules a timer");
const victims = {};
function cancellingHandler(lp, ctx) {
  out.push(`handler for ${repr(ctx.exception)}: cancels ${repr(victims.next.cancelled())}`);
  victims.next.cancel();
  loop.callAt(-100.0, rec, "from handler");
  loop.callSoon(rec, "soon from handler");
}
loop.setExceptionHandler(cancellingHandler);
loop.callAt(-3.0, boom, "first", "ValueError", "x");
victims.next = loop.callAt(-2.0, rec, "next (cancelled by the handler)");
loop.callAt(-1.0, rec, "third");
await run("handler cancels");
print("next", r(victims.next), victims.next.cancelled());
loop.setExceptionHandler(handler);

print("-- still working");
loop.callLater(0.01, rec, "timer ok");
print(await loop.runUntilComplete(aio.sleep(0.05, "sleep ok")));
await run("end");
loop.close();
