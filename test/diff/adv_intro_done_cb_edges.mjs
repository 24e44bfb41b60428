import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Done callbacks once the future is done: they were scheduled (one callSoon each) when it
// completed, so removeDoneCallback() afterwards finds nothing (0) and they still run; one added
// to a done future is scheduled at once and cannot be removed; removing callbacks of a pending
// future from another future's callback counts every copy; cancel() after setResult is false.

function mk(name, action) {
  const cb = (fut) => {
    print("cb", name, "runs");
    if (action) action(fut);
  };
  Object.defineProperty(cb, "name", { value: name });
  return cb;
}

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const a = mk("a"), b = mk("b"), c = mk("c");
  const f = loop.createFuture();
  f.addDoneCallback(a); f.addDoneCallback(b); f.addDoneCallback(b);
  f.setResult(1);
  print("remove b after set ->", f.removeDoneCallback(b));
  yield* aio.sleep(0);
  print("-- 2");
  const g = loop.createFuture();
  g.addDoneCallback(mk("first", (fut) => print("  first removes c ->", fut.removeDoneCallback(c))));
  g.addDoneCallback(c);
  g.setResult(2);
  yield* aio.sleep(0);
  print("-- 3");
  const h = loop.createFuture();
  const adder = (fut) => {
    print("  adder adds late");
    fut.addDoneCallback(mk("late"));
    loop.callSoon(print, "  soon from adder");
  };
  h.addDoneCallback(mk("adder", adder));
  h.addDoneCallback(mk("after-adder"));
  h.setResult(3);
  yield* aio.sleep(0);
  print("-- after one tick");
  yield* aio.sleep(0);
  print("-- 4");
  const k = loop.createFuture();
  k.setResult(4);
  k.addDoneCallback(a);
  loop.callSoon(print, "  soon after add");
  print("remove a from done ->", k.removeDoneCallback(a));
  yield* aio.sleep(0);
  print("-- 5");
  const m = loop.createFuture();
  const n = loop.createFuture();
  m.addDoneCallback(mk("m-cb", (fut) => {
    print("  m-cb removes b from n ->", n.removeDoneCallback(b), "and sets n");
    n.setResult(5);
  }));
  n.addDoneCallback(b); n.addDoneCallback(c); n.addDoneCallback(b);
  m.setResult(0);
  yield* aio.sleep(0);
  print("-- after one tick");
  yield* aio.sleep(0);
  print("-- 6 cancel after callbacks scheduled");
  const p = loop.createFuture();
  p.addDoneCallback(mk("p-cb", (fut) => print("  p cancelled?", fut.cancelled())));
  p.setResult(6);
  print("cancel done p ->", p.cancel());
  yield* aio.sleep(0);
  print("end");
});
await aio.run(main);
