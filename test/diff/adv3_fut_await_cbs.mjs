import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A future awaited by tasks and carrying plain done callbacks registered before and after the
// tasks' wake-ups: the repr while pending, the order in which callbacks and task steps run,
// callbacks that cancel a waiting task or complete a second future the task awaits next; a task
// cancelled in the iteration in which its future gets its result; remove_done_callback of a
// plain callback while tasks wait.
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
function Named(name, fn) {
  const cb = (fut) => {
    print("  cb", name, fut.cancelled() ? "cancelled" : "done");
    if (fn) fn(fut);
  };
  Object.defineProperty(cb, "name", { value: name });
  return cb;
}

const waiter = aio.coroutine(function* (name, fut, nxt) {
  try {
    const v = yield* fut;
    print("  task", name, "got", v);
    if (nxt !== undefined) {
      const v2 = yield* nxt;
      print("  task", name, "then got", v2);
    }
    return name;
  } catch (e) {
    if (e instanceof aio.CancelledError) print("  task", name, "cancelled", repr(str(e)));
    throw e;
  }
});

const main = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  const g = loop.createFuture();
  f.addDoneCallback(Named("a"));
  const t1 = aio.createTask(waiter("t1", f, g), { name: "t1" });
  const t2 = aio.createTask(waiter("t2", f), { name: "t2" });
  yield* aio.sleep(0);
  f.addDoneCallback(Named("b", () => t2.cancel("by b")));
  f.addDoneCallback(Named("c", () => g.setResult("g-from-c")));
  print("pending:", String(f));
  f.setResult("F");
  print("after set:", String(f));
  print("t2 cancel before its wake-up ran:", t2.cancel("first"), t2.cancelling());
  yield* aio.sleep(0);
  print("-- one tick later", t1.done(), t2.done());
  yield* aio.sleep(0);
  for (const t of [t1, t2]) print(t.getName(), t.cancelled() ? "cancelled" : t.result());
  try {
    yield* t2;
  } catch (e) {
    print("await t2:", repr(str(e)));
  }

  print("-- remove a plain callback while a task waits");
  const h = loop.createFuture();
  const x = Named("x");
  h.addDoneCallback(x);
  const t3 = aio.createTask(waiter("t3", h), { name: "t3" });
  yield* aio.sleep(0);
  h.addDoneCallback(x);
  print("pending:", String(h));
  print("removed", h.removeDoneCallback(x), String(h));
  h.cancel("h cancelled");
  print("after cancel:", String(h));
  try {
    yield* t3;
  } catch (e) {
    print("await t3:", repr(str(e)), t3.cancelled());
  }

  print("-- a task awaiting a future that a callback of the same future's waiter cancels");
  const k = loop.createFuture();
  const t4 = aio.createTask(waiter("t4", k), { name: "t4" });
  yield* aio.sleep(0);
  t4.addDoneCallback(Named("t4-done"));
  k.addDoneCallback(Named("k1", () => print("  k1 sees t4 done?", t4.done())));
  k.setException(new ValueError("kv"));
  try {
    yield* t4;
  } catch (e) {
    print("await t4:", e.name, str(e));
  }
  yield* aio.sleep(0);
  print("end");
});
await aio.run(main);
