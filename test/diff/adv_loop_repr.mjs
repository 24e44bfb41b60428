import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// repr() of futures and handles in their states, and a done callback's error message (which
// shows the future's repr). Source locations (" at file.py:12") are dropped.
const loop = aio.newEventLoop();
function show(label, obj) {
  print(label, typeof obj === "string" ? obj : repr(obj));
}
function cb() {}
function other() {}
const ValueError = errorClass("ValueError");
const RuntimeError = errorClass("RuntimeError");

const f = loop.createFuture();
show("pending", f);
f.addDoneCallback(cb);
show("one callback", f);
f.addDoneCallback(other);
show("two callbacks", f);
f.addDoneCallback(cb);
show("three callbacks", f);
f.removeDoneCallback(cb);
show("after remove", f);
f.setResult("text");
show("finished str", f);
const e1 = loop.createFuture();
e1.setException(new ValueError("it's bad"));
show("failed quote", e1);
const e2 = loop.createFuture();
e2.setException(ValueError);
show("failed no message", e2);
e1.exception();
e2.exception();
const c = loop.createFuture();
c.cancel("why");
show("cancelled", c);

const h = loop.callSoon(cb, 1, "x");
show("handle", h);
h.cancel();
show("handle cancelled", h);
const t = loop.callAt(1e9 + 0.5, other, 2);
show("timer", t);
t.cancel();
show("timer cancelled", t);

function handler(lp, ctx) {
  show("handler message:", ctx.message);
}
function failingDoneCb(fut) {
  throw new RuntimeError("done callback failed");
}
Object.defineProperty(failingDoneCb, "name", { value: "failing_done_cb" });
loop.setExceptionHandler(handler);
const d = loop.createFuture();
d.addDoneCallback(failingDoneCb);
d.setResult(7);
const x = loop.createFuture();
x.addDoneCallback(failingDoneCb);
x.cancel();
loop.callSoon(() => loop.stop());
await loop.runForever();
loop.close();
