import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// Done-callback lists edited in every order (removal of the first, of duplicates, re-adding,
// emptying, adding after emptying), shown through repr and through the order the callbacks run;
// chains of futures completed from each other's done callbacks, with call_soon markers showing
// the iterations; set_result from a future's own done callback.
const loop = aio.newEventLoop();
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
const STATES = ["PENDING", "CANCELLED", "FINISHED"];
const stateOf = (fut) => (fut.cancelled() ? "CANCELLED" : fut.done() ? "FINISHED" : "PENDING");
function Named(name, fn) {
  const cb = (fut) => {
    print("  run", name, "state", stateOf(fut));
    if (fn) fn(fut);
  };
  Object.defineProperty(cb, "name", { value: name });
  return cb;
}
const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((x) => Named(x));
const F = {};
function step(label, r) {
  print(label, r, String(F.f));
}

const f = (F.f = loop.createFuture());
step("empty remove a", f.removeDoneCallback(a));
for (const cb of [a, b, a, c, a]) f.addDoneCallback(cb);
step("added a b a c a", null);
step("remove a", f.removeDoneCallback(a));
f.addDoneCallback(a);
step("add a", null);
step("remove b (the first)", f.removeDoneCallback(b));
f.addDoneCallback(d);
step("add d", null);
step("remove c", f.removeDoneCallback(c));
step("remove a", f.removeDoneCallback(a));
step("remove d", f.removeDoneCallback(d));
step("remove d again", f.removeDoneCallback(d));
f.addDoneCallback(e);
f.addDoneCallback(b);
f.addDoneCallback(e);
step("add e b e", null);
step("remove b (middle)", f.removeDoneCallback(b));
f.addDoneCallback(c);
step("add c", null);
f.setResult(1);
step("after set_result", f.removeDoneCallback(e));
loop.callSoon(() => loop.stop());
await loop.runForever();

print("-- chains");
let marks = 0;
function mark() {
  marks++;
  print("  -- iteration", marks);
  if (marks < 6) loop.callSoon(mark);
}
const g1 = loop.createFuture();
const g2 = loop.createFuture();
const g3 = loop.createFuture();
function own(fut) {
  try {
    fut.setResult("again");
  } catch (exc) {
    print("  own set_result:", exc.name, str(exc));
  }
  try {
    fut.setException(new ValueError("again"));
  } catch (exc) {
    print("  own set_exception:", exc.name, str(exc));
  }
  print("  own cancel:", fut.cancel("late"), "remove own:", fut.removeDoneCallback(OWN));
}
const OWN = Named("own", own);
g1.addDoneCallback(Named("g1->g2", (fut) => g2.setResult(fut.result() + 1)));
g1.addDoneCallback(OWN);
g2.addDoneCallback(Named("g2->g3", (fut) => {
  g3.addDoneCallback(Named("g3.late"));
  g3.setResult(fut.result() * 10);
}));
g2.addDoneCallback(Named("g2.b", (fut) => g3.addDoneCallback(Named("g3.after-done"))));
g3.addDoneCallback(Named("g3.first", (fut) => g1.addDoneCallback(Named("g1.added-late"))));
loop.callSoon(mark);
loop.callSoon((v) => g1.setResult(v), 1);
loop.callSoon(print, "  after set g1");
loop.callLater(0.3, () => loop.stop());
await loop.runForever();
print("results", g1.result(), g2.result(), g3.result());
loop.close();
