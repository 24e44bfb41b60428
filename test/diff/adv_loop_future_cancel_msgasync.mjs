import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { attempt, errorClass } from "./task_util.mjs";

let made = 0;
const AppErrorBase = errorClass("AppError");
class AppError extends AppErrorBase {
  constructor(...args) {
    super(...args);
    made += 1;
  }
}
Object.defineProperty(AppError, "name", { value: "AppError" });

function cb(name) {
  return (f) => {
    if (f.cancelled()) {
      try {
        f.result();
      } catch (e) {
        print("cb", name, "cancelled with", repr(str(e)));
      }
    } else {
      print("cb", name, "exception", f.exception().name, repr(str(f.exception())));
    }
  };
}

const waiter = aio.coroutine(async function (fut, label) {
  try {
    const v = await fut;
    print(label, "got", v);
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(label, "await raised CancelledError", repr(str(e)));
      throw e;
    }
    print(label, "await raised", e.name, repr(str(e)));
    return "handled";
  }
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();

  // cancel(msg) twice: the first message wins, the second call returns False
  const f = loop.createFuture();
  f.addDoneCallback(cb("f"));
  print("cancel first", f.cancel("first"), "cancel second", f.cancel("second"));
  attempt("f.result", () => f.result());
  attempt("f.exception", () => f.exception());
  attempt("f.set_result", () => f.setResult(1));
  attempt("f.set_exception", () => f.setException(AppError));
  print("AppError instances made", made);

  // a non-string message is kept as given (str() of it)
  const n = loop.createFuture();
  n.cancel(12345);
  attempt("n.result", () => n.result());

  // cancel() of finished and failed futures
  const r = loop.createFuture();
  r.setResult("ok");
  print("cancel finished", r.cancel("late"), r.cancelled());
  const x = loop.createFuture();
  x.setException(new AppError("x failed"));
  print("cancel failed", x.cancel(), x.cancelled());
  attempt("x.exception", () => x.exception().name);

  // set_exception with a class: one instance, made at the call
  const k = loop.createFuture();
  k.addDoneCallback(cb("k"));
  const before = made;
  k.setException(AppError);
  print("instances made by set_exception(class)", made - before);
  const e1 = k.exception();
  print("same instance each time", e1 === k.exception(), "str", repr(str(e1)));

  // set_exception(CancelledError ...) finishes the future, it does not cancel it
  const c1 = loop.createFuture();
  c1.addDoneCallback(cb("c1"));
  c1.setException(new aio.CancelledError("as an exception"));
  print("c1 done", c1.done(), "cancelled", c1.cancelled());
  attempt("c1.result", () => c1.result());
  const c2 = loop.createFuture();
  c2.setException(aio.CancelledError);
  attempt("c2.exception", () => repr(c2.exception()));

  // a task awaiting such a future ends cancelled (its coroutine raised CancelledError)
  const c3 = loop.createFuture();
  const t = aio.createTask(waiter(c3, "t"));
  t.addDoneCallback(cb("t"));
  await aio.sleep(0);
  c3.setException(new aio.CancelledError("from the future"));
  await aio.sleep(0);
  await aio.sleep(0);
  print("t done", t.done(), "cancelled", t.cancelled());
  attempt("t.result", () => t.result());
  attempt("t.result again", () => t.result());

  // a task awaiting a future failed with a class-made exception
  const c4 = loop.createFuture();
  const t4 = aio.createTask(waiter(c4, "t4"));
  await aio.sleep(0);
  c4.setException(AppError);
  print("t4 ->", await t4);

  // a task awaiting a future cancelled with a message
  const c5 = loop.createFuture();
  const t5 = aio.createTask(waiter(c5, "t5"));
  await aio.sleep(0);
  c5.cancel("msg for t5");
  try {
    await t5;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await t5 raised", repr(str(e)), "t5 cancelled", t5.cancelled());
  }
  await aio.sleep(0);
  print("main done");
});
