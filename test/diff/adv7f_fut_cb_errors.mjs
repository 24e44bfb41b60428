import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Done callbacks that fail: setResult on their own done future (InvalidStateError), raising
// CancelledError (reported like any other error, not a cancellation), calling
// runUntilComplete on the running loop, raising inside a callback added to an already done
// future; the handler sees each with the future in the message, the other callbacks still run,
// and the loop keeps working. A callback that stops the loop ends runForever after the
// callbacks already queued.

function handler(lp, ctx) {
  print("handler:", ctx.message, "|", ctx.exception.name, repr(str(ctx.exception)));
}

function set_again(f) {
  print("set_again");
  f.setResult("again");
}

function raise_cancel(f) {
  print("raise_cancel");
  throw new aio.CancelledError("from a callback");
}

function nested_run(f) {
  print("nested_run");
  const p = f.getLoop().runUntilComplete(aio.sleep(0));
  if (p instanceof Promise) p.catch(() => {});
}

function fine(f) {
  print("fine", repr(f.result()));
}

const loop = aio.newEventLoop();
loop.setExceptionHandler(handler);
const f = loop.createFuture();
for (const cb of [set_again, fine, raise_cancel, nested_run, fine]) f.addDoneCallback(cb);
f.setResult("first");
await loop.runUntilComplete(aio.sleep(0));
print("result kept", f.result());

print("-- raising callback on a done future");
f.addDoneCallback(raise_cancel);
f.addDoneCallback(fine);
await loop.runUntilComplete(aio.sleep(0));

print("-- failed and cancelled futures");
const g = loop.createFuture();
g.addDoneCallback(fine);
g.addDoneCallback((fut) => print("exception seen", repr(fut.exception())));
g.setException(new ValueError("g"));
const c = loop.createFuture();
c.addDoneCallback(fine);
c.cancel("c msg");
await loop.runUntilComplete(aio.sleep(0));

print("-- a callback stops the loop");
const s = loop.createFuture();
s.addDoneCallback((fut) => print("before stop"));
s.addDoneCallback((fut) => loop.stop());
s.addDoneCallback((fut) => print("after stop, same batch"));
loop.callSoon((v) => s.setResult(v), null);
loop.callLater(0.3, print, "never: timer");
await loop.runForever();
print("run_forever returned");
loop.callSoon(print, "next run");
await loop.runUntilComplete(aio.sleep(0));
loop.close();
