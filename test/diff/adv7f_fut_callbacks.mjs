import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

// Done callbacks of a bare future: duplicates (each registration runs), removeDoneCallback
// counts (all registrations of the function, order of the rest kept), removal of a callback
// that is absent, removal from inside a running callback (too late: the others are already
// scheduled), a callback added inside another one (runs after the queued ones), a callback
// that raises (reported, the rest still run), callbacks added to a done future (scheduled at
// once), and the repr of the callback list as it changes.
const KeyError = errorClass("KeyError");
const r = (x) => String(x);

const loop = aio.newEventLoop();
loop.setExceptionHandler((lp, ctx) => print("handler:", r(ctx.message), repr(ctx.exception)));
const f = loop.createFuture();

function a(fut) {
  print("a", fut.result());
}
function b(fut) {
  print("b", fut.result());
}
function c(fut) {
  print("c", fut.result());
}
function remover(fut) {
  print("remover: remove a ->", fut.removeDoneCallback(a), "remove c ->", fut.removeDoneCallback(c));
}
function adder(fut) {
  print("adder adds c");
  fut.addDoneCallback(c);
}
function bad(fut) {
  print("bad raises");
  throw new ValueError("in callback");
}

print("remove absent ->", f.removeDoneCallback(a));
for (const fn of [a, b, a, c, a, b]) f.addDoneCallback(fn);
print(r(f));
print("remove a ->", f.removeDoneCallback(a));
print(r(f));
print("remove a again ->", f.removeDoneCallback(a));
print("remove b ->", f.removeDoneCallback(b));
print(r(f));
print("remove c ->", f.removeDoneCallback(c));
print(r(f));
for (const fn of [remover, a, bad, adder, c, b]) f.addDoneCallback(fn);
print(r(f));
loop.callSoon(print, "call_soon before result");
f.setResult(1);
loop.callSoon(print, "call_soon after result");
print("done:", r(f));
print("remove after done ->", f.removeDoneCallback(a), f.removeDoneCallback(remover));
f.addDoneCallback(b);
print("added to done future:", r(f));
await loop.runUntilComplete(aio.sleep(0));
print("-- second round");
await loop.runUntilComplete(aio.sleep(0));

print("-- same callback on two futures, cancelled and failed");
const g = loop.createFuture();
const h = loop.createFuture();
function show(fut) {
  if (fut.cancelled()) print("show cancelled", r(fut));
  else print("show", repr(fut.exception()));
}
g.addDoneCallback(show);
h.addDoneCallback(show);
h.addDoneCallback(show);
print("remove from g ->", g.removeDoneCallback(show), r(g));
g.addDoneCallback(show);
h.setException(new KeyError("k"));
g.cancel("why");
print(r(g), r(h));
await loop.runUntilComplete(aio.sleep(0));

print("-- remove the callback that a pending await uses");
const w = loop.createFuture();
const waiter = aio.coroutine(function* () {
  try {
    print("waiter got", yield* w);
  } catch (e) {
    print("waiter raised", e.name);
  }
});
const t = loop.createTask(waiter());
await loop.runUntilComplete(aio.sleep(0));
print("w", r(w));
w.addDoneCallback(a);
w.setResult("w!");
await loop.runUntilComplete(t);
print("t", t.done(), repr(t.result()));
loop.close();
