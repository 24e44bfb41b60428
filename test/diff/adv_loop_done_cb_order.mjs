import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Done-callback ordering corners: registrations before/after done, duplicates, removal counts,
// callbacks that register callbacks, removal from inside callbacks.
const loop = aio.newEventLoop();
let it = 0;
function say(...args) {
  print(...args);
}
function tick() {
  it += 1;
  print("== iteration", it);
  if (it < 6) loop.callSoon(tick);
  else loop.stop();
}

const f = loop.createFuture();
const g = loop.createFuture();

function a(fut) {
  print("a sees", fut.result());
  fut.addDoneCallback(c); // f is done: scheduled now, runs next iteration
  g.addDoneCallback(d); // g pending: registered
  print("a removes b (already scheduled):", fut.removeDoneCallback(b));
  print("a removes d from g:", g.removeDoneCallback(d), "then", g.removeDoneCallback(d));
  g.addDoneCallback(d);
  g.addDoneCallback(d);
  loop.callSoon(say, "soon from a");
}
function b(fut) {
  print("b sees", fut.result());
}
function c(fut) {
  print("c sees", fut.result());
  if (!g.done()) {
    g.setResult("G");
    print("c set g; g callbacks scheduled");
    loop.callSoon(say, "soon from c");
  }
}
function d(fut) {
  print("d sees", fut.result());
}
function e(fut) {
  print("e sees", fut.result());
}

f.addDoneCallback(a);
f.addDoneCallback(b);
f.addDoneCallback(a);
f.addDoneCallback(b);
f.addDoneCallback(e);
print("remove a ->", f.removeDoneCallback(a));
print("remove a again ->", f.removeDoneCallback(a));
print("remove unknown ->", f.removeDoneCallback(d));
f.addDoneCallback(a); // now after b, b, e
g.addDoneCallback(e);

function setter() {
  print("setter: set_result");
  f.setResult("F");
  print("setter: remove e after set ->", f.removeDoneCallback(e));
  f.addDoneCallback(d); // done already: scheduled right away, after the others
  loop.callSoon(say, "soon from setter");
}

loop.callSoon(tick);
loop.callSoon(setter);
loop.callSoon(say, "same iteration as setter");
await loop.runForever();
print("f callbacks left", f.removeDoneCallback(a), "g callbacks left", g.removeDoneCallback(d));
loop.close();
