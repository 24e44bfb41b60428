import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// Nested timeouts whose deadlines pass in one iteration (a blocking wait makes both due at once,
// their deadlines 0.1 s apart): the outer one turns the cancellation into TimeoutError, the inner
// lets CancelledError through, whichever fires first; three levels; an inner body swallowing both
// cancellations (no TimeoutError at all, the count back to 0); timeout(null) around timeout(0);
// and a TaskGroup under a timeout, a child failing in the same iteration the deadline passes (the
// ExceptionGroup comes out, the timeout still reports expired()).

const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const strOf = (e) => (e.name === "KeyError" ? repr(e.message) : str(e));
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  return `${e.name}(${repr(strOf(e))})`;
}

const two_levels = aio.coroutine(function* two_levels(label, dOuter, dInner) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("--", label);
  const t0 = loop.time();
  const cms = {};
  try {
    yield* aio.timeoutAt(t0 + dOuter, function* (outer) {
      cms.outer = outer;
      try {
        yield* aio.timeoutAt(t0 + dInner, function* (inner) {
          cms.inner = inner;
          block(0.5);
          print("  blocked, cancelling", me.cancelling());
          yield* aio.sleep(10);
          print("  unreached");
        });
      } catch (e) {
        if (isCancel(e)) print("  inner raised CancelledError, cancelling", me.cancelling(), "inner.expired", cms.inner.expired());
        else if (isTimeout(e)) print("  inner raised TimeoutError");
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer raised TimeoutError", e.cause?.name, "cancelling", me.cancelling());
  }
  print("  expired: outer", cms.outer.expired(), "inner", cms.inner.expired());
});

const three_levels = aio.coroutine(function* three_levels() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("-- three levels, all due at once");
  const t0 = loop.time();
  const cms = [];
  try {
    yield* aio.timeoutAt(t0 + 0.3, function* (a) {
      cms.push(a);
      try {
        yield* aio.timeoutAt(t0 + 0.1, function* (b) {
          cms.push(b);
          try {
            yield* aio.timeoutAt(t0 + 0.2, function* (c) {
              cms.push(c);
              block(0.6);
              yield* aio.sleep(10);
            });
          } catch (e) {
            if (isCancel(e)) print("  level 3 CancelledError", me.cancelling());
            throw e;
          }
        });
      } catch (e) {
        if (isCancel(e)) print("  level 2 CancelledError", me.cancelling());
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  level 1 TimeoutError", me.cancelling());
  }
  print("  expired", cms.map((cm) => cm.expired()));
});

const swallowing = aio.coroutine(function* swallowing() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("-- the inner body swallows both cancellations");
  const t0 = loop.time();
  let outer, inner;
  yield* aio.timeoutAt(t0 + 0.1, function* (o) {
    outer = o;
    yield* aio.timeoutAt(t0 + 0.2, function* (i) {
      inner = i;
      block(0.5);
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  swallowed, cancelling", me.cancelling());
      }
      print("  inner body goes on", yield* aio.sleep(0, "a"));
    });
    print("  inner exited quietly, cancelling", me.cancelling(), inner.expired());
    print("  outer body goes on", yield* aio.sleep(0, "b"));
  });
  print("  outer exited quietly, cancelling", me.cancelling(), outer.expired());
});

const none_around_zero = aio.coroutine(function* none_around_zero() {
  const me = aio.currentTask();
  print("-- timeout(None) around timeout(0)");
  let outer, inner;
  try {
    yield* aio.timeout(null, function* (o) {
      outer = o;
      yield* aio.timeout(0, function* (i) {
        inner = i;
        yield* aio.sleep(1);
      });
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError passes the outer; expired", outer.expired(), inner.expired(), String(outer), "cancelling", me.cancelling());
  }
});

const fail_soon = aio.coroutine(function* fail_soon() {
  yield* aio.sleep(0);
  print("  child raising");
  throw new ValueError("child");
});

const tg_under_timeout = aio.coroutine(function* tg_under_timeout() {
  const me = aio.currentTask();
  print("-- a TaskGroup under a timeout: a child fails as the deadline passes");
  let cm = null;
  try {
    yield* aio.timeout(0.1, function* (c) {
      cm = c;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(fail_soon());
        block(0.4);
        try {
          yield* aio.sleep(10);
        } catch (e) {
          if (isCancel(e)) print("  body cancelled, cancelling", me.cancelling(), String(tg));
          throw e;
        }
      });
    });
  } catch (e) {
    if (isTimeout(e)) print("  TimeoutError");
    else if (e instanceof aio.ExceptionGroup) print("  group", desc(e));
    else throw e;
  }
  print("  expired", cm.expired(), "cancelling", me.cancelling());
});

const fail_on_cancel = aio.coroutine(function* fail_on_cancel() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  child failing on cancel");
    throw new KeyError("k");
  }
});

const tg_timeout_first = aio.coroutine(function* tg_timeout_first() {
  const me = aio.currentTask();
  print("-- a TaskGroup under a timeout: the deadline passes, a child fails on cancel");
  let cm = null;
  try {
    yield* aio.timeout(0.1, function* (c) {
      cm = c;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(fail_on_cancel());
        yield* aio.sleep(10);
      });
    });
  } catch (e) {
    if (isTimeout(e)) print("  TimeoutError");
    else if (e instanceof aio.ExceptionGroup) print("  group", desc(e));
    else throw e;
  }
  print("  expired", cm.expired(), "cancelling", me.cancelling());
});

await aio.run(function* main() {
  yield* two_levels("same deadline", 0.1, 0.1);
  yield* two_levels("inner due first", 0.2, 0.1);
  yield* two_levels("outer due first", 0.1, 0.2);
  yield* three_levels();
  yield* swallowing();
  yield* none_around_zero();
  yield* tg_under_timeout();
  yield* tg_timeout_first();
  print("-- loop still works", yield* aio.sleep(0, "yes"), aio.currentTask().cancelling());
});
