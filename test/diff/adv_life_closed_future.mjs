import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Futures and tasks of a closed loop: completing a future that has callbacks raises 'Event loop
// is closed' (the future is done all the same, its callbacks are dropped); without callbacks it
// is fine; create_future still works, create_task does not; Task.cancel() fails at its waiter.
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
const loop = aio.newEventLoop();
const a = loop.createFuture();
const b = loop.createFuture();
const c = loop.createFuture();
const d = loop.createFuture();
a.addDoneCallback(() => print("never: a cb1"));
a.addDoneCallback(() => print("never: a cb2"));
b.addDoneCallback(() => print("never: b cb"));
c.addDoneCallback(() => print("never: c cb"));

const waiter = aio.coroutine(function* waiter() {
  yield* d;
  print("never: waiter resumes");
});

const t = loop.createTask(waiter(), { name: "w" });
await loop.runUntilComplete(aio.sleep(0));
print("t waiting", t.done(), "d pending", !d.done());
loop.close();

function attempt(label, fn) {
  try {
    const r = fn();
    print(label, "->", r);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError || e instanceof aio.InvalidStateError)) throw e;
    print(label, "raised", e.name, e.message);
  }
}

attempt("1. a.set_result", () => a.setResult(1));
print("   a", a.done(), a.result());
attempt("   a.set_result again", () => a.setResult(2));
attempt("2. a.add_done_callback", () => a.addDoneCallback(() => print("never")));
attempt("3. b.set_exception", () => b.setException(new ValueError("v")));
print("   b", b.done(), repr(b.exception()));
attempt("4. c.cancel", () => c.cancel("msg"));
print("   c", c.cancelled());
attempt("   c.cancel again", () => c.cancel());
let e = null;
attempt("5. create_future", () => (e = loop.createFuture()).done());
attempt("   e.add_done_callback (pending)", () => e.addDoneCallback(() => print("never: e cb")));
attempt("   e.remove_done_callback", () => e.removeDoneCallback(print));
attempt("   e.set_result", () => e.setResult("ok"));
print("   e", e.result());
const g = loop.createFuture();
attempt("6. g.set_result (no callbacks)", () => g.setResult("fine"));
attempt("   g.result", () => g.result());
attempt("7. t.cancel", () => t.cancel("late"));
print("   t", t.done(), "cancelling", t.cancelling(), "| d cancelled", d.cancelled());
attempt("   t.cancel again", () => t.cancel("late2"));
print("   t", t.done(), "cancelling", t.cancelling());

const coro = aio.coroutine(function* coro() {
  return 1;
});
attempt("8. create_task", () => loop.createTask(coro()));
try {
  await loop.runUntilComplete(g);
  print("9. run_until_complete(done future) -> ok");
} catch (err) {
  print("9. run_until_complete(done future) raised", err.name, err.message);
}
const seen = [];
loop.setExceptionHandler((lp, ctx) => seen.push(ctx.message));
attempt("10. call_exception_handler", () => loop.callExceptionHandler({ message: "on a closed loop" }));
print("    handler saw", seen, "| get_exception_handler set", loop.getExceptionHandler() !== null);
loop.setExceptionHandler(null);
print("closed", loop.isClosed(), "running", loop.isRunning());

// a fresh loop is unaffected
const loop2 = aio.newEventLoop();
const f2 = loop2.createFuture();
f2.addDoneCallback((f) => print("loop2 cb", f.result()));
f2.setResult("ok");
await loop2.runUntilComplete(aio.sleep(0));
loop2.close();
