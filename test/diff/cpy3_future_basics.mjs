import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// CPython test_futures.py (BaseFutureTests), as printed traces: test_isfuture,
// test_initial_state, test_constructor_use_running_loop, test_constructor_use_global_loop,
// test_future_cancel_message_getter, test_cancel, test_result, test_exception,
// test_exception_class, test_yield_from_twice, test_future_repr, test_iter,
// test_future_stop_iteration_args, test_wrap_future_future.

const RuntimeError = aio.RuntimeError;

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

function fakefunc(f) {}
function first_cb(f) {}
function last_cb(f) {}

const loop = aio.newEventLoop();

print("== test_isfuture");
let f = loop.createFuture();
print("future", aio.isFuture(f), "number", aio.isFuture(1), "class", aio.isFuture(aio.Future));
print("task", aio.isFuture(loop.createTask(aio.sleep(0))));
f.cancel();

print("== test_initial_state");
f = loop.createFuture();
print("cancelled", f.cancelled(), "done", f.done());
f.cancel();
print("after cancel: cancelled", f.cancelled(), "done", f.done());

print("== test_constructor_use_running_loop");
// (boxed: the Promise runUntilComplete returns would adopt a future it resolved to)
const make = aio.coroutine(function* make() {
  return [new aio.Future()];
});
[f] = await loop.runUntilComplete(make());
print("bound to the running loop", f.getLoop() === loop);

print("== test_constructor_use_global_loop");
aio.setEventLoop(loop);
f = new aio.Future();
print("bound to the set loop", f.getLoop() === loop);
aio.setEventLoop(null);

print("== test_future_cancel_message_getter");
f = loop.createFuture();
print("cancel ->", f.cancel("my message"));
try {
  await loop.runUntilComplete(f);
} catch (e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  print("run_until_complete raised CancelledError", repr(str(e)));
}

print("== test_cancel");
f = loop.createFuture();
print("cancel ->", f.cancel());
print("cancelled", f.cancelled(), "done", f.done());
attempt("result()", () => f.result());
attempt("exception()", () => f.exception());
attempt("set_result(None)", () => f.setResult(null));
attempt("set_exception(None)", () => f.setException(null));
print("cancel again ->", f.cancel());

print("== test_result");
f = loop.createFuture();
attempt("result() pending", () => f.result());
f.setResult(42);
print("cancelled", f.cancelled(), "done", f.done());
attempt("result()", () => f.result());
attempt("exception()", () => f.exception());
attempt("set_result(None)", () => f.setResult(null));
attempt("set_exception(None)", () => f.setException(null));
print("cancel ->", f.cancel());

print("== test_exception");
let exc = new RuntimeError();
f = loop.createFuture();
attempt("exception() pending", () => f.exception());
f.setException(exc);
print("cancelled", f.cancelled(), "done", f.done());
attempt("result()", () => f.result());
print("exception() is exc", f.exception() === exc);
attempt("set_result(None)", () => f.setResult(null));
attempt("set_exception(None)", () => f.setException(null));
print("cancel ->", f.cancel());

print("== test_exception_class");
f = loop.createFuture();
f.setException(RuntimeError);
print("an instance", f.exception() instanceof RuntimeError, repr(f.exception()));

print("== test_yield_from_twice");
f = loop.createFuture();
function* fixture() {
  yield "A";
  const x = yield* f;
  yield tuple("B", x);
  const y = yield* f;
  yield tuple("C", y);
}
let g = fixture();
print(g.next().value);
print("first yield from f yields f", g.next().value === f);
f.setResult(42);
print(g.next().value);
print(g.next().value);

print("== test_future_repr");
loop.setDebug(true);
f = loop.createFuture();
print(String(f));
f.cancel();
loop.setDebug(false);
f = loop.createFuture();
print(String(f));
f.cancel();
print(String(f));
f = loop.createFuture();
f.setResult(4);
print(String(f), f.result());
exc = new RuntimeError();
f = loop.createFuture();
f.setException(exc);
print(String(f), f.exception() === exc);
f = loop.createFuture();
f.addDoneCallback(fakefunc);
print(String(f));
f.cancel();
print(String(f));
f = loop.createFuture();
f.addDoneCallback(first_cb);
f.addDoneCallback(last_cb);
print(String(f));
f = loop.createFuture();
f.addDoneCallback(first_cb);
for (let i = 0; i < 8; i++) f.addDoneCallback(fakefunc);
f.addDoneCallback(last_cb);
print(String(f));
f.cancel();
print(String(f));

print("== test_iter");
f = loop.createFuture();
function* coro() {
  yield* f;
}
g = coro();
print("first step yields f", g.next().value === f);
attempt("second step", () => g.next());
f.cancel();

print("== test_future_stop_iteration_args");
f = loop.createFuture();
f.setResult(tuple(1, 2));
const r = f[Symbol.iterator]().next();
if (r.done) print("iteration ends at once with", r.value);

print("== test_wrap_future_future");
f = loop.createFuture();
print("wrap_future(f) is f", aio.wrapFuture(f) === f);
f.cancel();

await loop.runUntilComplete(aio.sleep(0));
loop.close();
