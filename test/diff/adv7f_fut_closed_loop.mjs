import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

// Futures of a closed loop seen from outside and from another loop's tasks: a removed callback
// does not make completion fail; setException with callbacks raises but the exception is kept;
// a closed loop's task stays pending; a wrapper made on a closed loop never completes; awaiting
// a closed loop's done future in another loop's task gives its outcome at once, a pending one is
// refused (the task goes on); ensureFuture and runUntilComplete refuse the closed loop.
const KeyError = errorClass("KeyError");

function attempt(label, fn) {
  let v;
  try {
    v = fn();
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
    return;
  }
  if (v instanceof Promise) v.catch(() => {}); // runUntilComplete's promise, should it return one
  print(label, "->", repr(v));
}

function cb(f) {
  print("never: callback ran");
}

const old = aio.newEventLoop();
const removed = old.createFuture();
removed.addDoneCallback(cb);
removed.addDoneCallback(cb);
const failing = old.createFuture();
failing.addDoneCallback(cb);
const doneOk = old.createFuture();
doneOk.setResult("kept");
const doneErr = old.createFuture();
doneErr.setException(new ValueError("old failure"));
const pending = old.createFuture();
const cancelled = old.createFuture();
cancelled.cancel("old msg");

const sleeper = aio.coroutine(function* sleeper() {
  yield* aio.sleep(10);
});

const task = old.createTask(sleeper(), { name: "old-task" });
await old.runUntilComplete(aio.sleep(0));
old.close();
print("closed", old.isClosed());

attempt("remove both", () => removed.removeDoneCallback(cb));
attempt("set_result without callbacks", () => removed.setResult(1));
attempt("  result", () => removed.result());
attempt("set_exception with a callback", () => failing.setException(new KeyError("k")));
print("  done", failing.done(), String(failing));
attempt("  exception", () => repr(failing.exception()));
attempt("  set_result now", () => failing.setResult(2));
print("task", task.done(), task.cancelled(), String(task));
attempt("  task.result", () => task.result());
attempt("  task.exception", () => task.exception());
attempt("run_until_complete(pending)", () => old.runUntilComplete(pending));
print("  pending still", pending.done());
let settle;
const w = aio.wrapFuture(new Promise((r) => (settle = r)), old);
print("wrapper on closed loop", w.getLoop() === old, w.done());
settle("into a closed loop");
await new Promise((r) => setTimeout(r, 10));
print("  after settle", w.done());

const co = aio.coroutine(function* co() {
  return "never";
});
const c = co();
attempt("ensure_future(coro, closed loop)", () => aio.ensureFuture(c, old));
attempt("create_future on closed loop", () => old.createFuture().done());

await aio.run(function* main() {
  const loop = aio.getRunningLoop();
  print("-- from a task of a new loop");
  print("await done_ok ->", yield* doneOk);
  try {
    yield* doneErr;
  } catch (e) {
    print("await done_err raised", repr(e));
  }
  try {
    yield* cancelled;
  } catch (e) {
    print("await cancelled raised CancelledError", repr(str(e)));
  }
  try {
    yield* pending;
  } catch (e) {
    print("await pending raised RuntimeError", str(e));
  }
  print("task goes on", yield* aio.sleep(0, "ok"));
  try {
    yield* pending;
  } catch (e) {
    print("await pending again raised RuntimeError", str(e));
  }
  print("pending", pending.done());
  const f = loop.createFuture();
  loop.callSoon((v) => f.setResult(v), "new loop future");
  print("own future ->", yield* f);
});
print("old still closed", old.isClosed(), "pending", pending.done());
