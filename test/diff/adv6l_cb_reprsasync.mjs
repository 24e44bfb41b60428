import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// The reprs that show callbacks: a future's 'cb=[...]' with 0 to 6 done callbacks (asyncio shows
// the first, '<n more>' and the last), after remove_done_callback() (which removes every
// registration of the function and returns the count), with a task waiting on it
// (Task.task_wakeup), a handle whose argument is such a future (cut to 30 characters), a handle
// with 40 arguments (all shown); done callbacks removed or added while the future's callbacks
// run (those already scheduled all run; remove_done_callback() then returns 0; one added after
// completion is scheduled at once); the exception handler's message for a failing done callback.
const loop = aio.newEventLoop();
const s = (x) => String(x);
class ValueError extends Error {
  name = "ValueError";
}
loop.setExceptionHandler((lp, ctx) => print("   handler:", ctx.message, "|", ctx.exception.name));

function a(fut) {
  print("   a runs");
}
function b(fut) {
  print("   b runs; remove a ->", fut.removeDoneCallback(a), "| remove c ->", fut.removeDoneCallback(c));
  fut.addDoneCallback(d);
  print("   b added d:", s(fut));
}
function c(fut) {
  print("   c runs");
}
function d(fut) {
  print("   d runs");
}
function e(fut) {
  throw new ValueError("e failed");
}

const f = loop.createFuture();
print(s(f));
for (const cb of [a, b, c, a, e, b]) {
  f.addDoneCallback(cb);
  print(s(f));
}
const g = loop.createFuture();
g.setResult("a result long enough to be cut");
function noop(...args) {}
print("handle with a future:", s(loop.callSoon(noop, g, g)));
print("handle with 40 arguments:", s(loop.callSoon(noop, ...Array.from({ length: 40 }, (_, i) => i))));
loop.callSoon(() => loop.stop());
await loop.runForever();
print("remove b ->", f.removeDoneCallback(b), s(f));
print("remove zzz ->", f.removeDoneCallback(print), s(f));
f.addDoneCallback(b);
f.addDoneCallback(a);

const waiter = aio.coroutine(async function waiter(tag) {
  const r = await f;
  print("  ", tag, "woke with", r);
});
const tasks = [0, 1, 2].map((i) => loop.createTask(waiter(`w${i}`), { name: `w${i}` }));
loop.callSoon(() => loop.stop());
await loop.runForever();
print(s(f));
print(s(tasks[0]));
print("-- completing f");
loop.callSoon((v) => f.setResult(v), "R");
loop.callSoon(() => print("   f after set_result:", s(f)));
loop.callLater(0.2, () => loop.stop());
await loop.runForever();
print(s(f));
print("-- a callback added after completion");
f.addDoneCallback(c);
print("remove c right away ->", f.removeDoneCallback(c));
f.addDoneCallback(a);
loop.callSoon(() => loop.stop());
await loop.runForever();
print(s(f));
loop.close();
