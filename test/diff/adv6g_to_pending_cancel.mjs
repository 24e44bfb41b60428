import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// timeout() entered by a task that already has cancellation requests: a swallowed earlier cancel
// (cancelling() 1 on entry: the expiry still becomes TimeoutError, the count stays at 1), a
// self-cancel pending on entry (the first await inside raises CancelledError, not the timeout's),
// a body that uncancels below the entry count (the expiry then still converts), a body that adds
// a cancel of its own before the deadline passes (CancelledError comes out), and a TaskGroup
// entered with a request pending (the group's exit cancels the children).

const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(str(e))})`;
}

const run = aio.coroutine(function* run(label, fn, cancelFirst) {
  print("--", label);
  const t = aio.createTask(fn());
  yield* aio.sleep(0);
  if (cancelFirst) print("  cancel('first') ->", t.cancel("first"));
  try {
    const r = yield* t;
    print("  returned", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    print("  raised", desc(e), "cancelled()", t.cancelled(), "cancelling", t.cancelling());
  }
});

const swallowed_then_timeout = aio.coroutine(function* swallowed_then_timeout() {
  const me = aio.currentTask();
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  swallowed", desc(e), "cancelling", me.cancelling());
  }
  let cm;
  try {
    yield* aio.timeout(0, function* (c) {
      cm = c;
      yield* aio.sleep(10);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError, cancelling", me.cancelling(), "expired", cm.expired());
  }
  yield* aio.sleep(0);
  return "went on";
});

const self_cancel_pending = aio.coroutine(function* self_cancel_pending() {
  const me = aio.currentTask();
  yield* aio.sleep(0.01);
  print("  self cancel ->", me.cancel("self"), "cancelling", me.cancelling());
  let cm;
  try {
    yield* aio.timeout(10, function* (c) {
      cm = c;
      print("  in body, expired", cm.expired());
      yield* aio.sleep(0);
      print("  unreached");
    });
  } catch (e) {
    if (isCancel(e)) print("  CancelledError out of the timeout", desc(e), "expired", cm.expired(), String(cm));
    throw e;
  }
});

const uncancel_below = aio.coroutine(function* uncancel_below() {
  const me = aio.currentTask();
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
  }
  yield* aio.timeout(0.05, function* () {
    print("  uncancel in body ->", me.uncancel());
    try {
      yield* aio.sleep(10);
    } finally {
      print("  body unwinding, cancelling", me.cancelling());
    }
  });
  return "unreached";
});

const own_cancel_then_deadline = aio.coroutine(function* own_cancel_then_deadline() {
  const me = aio.currentTask();
  yield* aio.sleep(0.01);
  let cm;
  try {
    yield* aio.timeout(0.05, function* (c) {
      cm = c;
      try {
        yield* aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) {
          print("  deadline cancel caught", desc(e), "cancelling", me.cancelling());
          me.cancel("own");
          print("  own cancel requested, cancelling", me.cancelling());
        }
        throw e;
      }
    });
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("  TimeoutError");
    else if (isCancel(e)) print("  CancelledError", desc(e), "expired", cm.expired(), "cancelling", me.cancelling());
    else throw e;
  }
  return "after";
});

const child = aio.coroutine(function* child(name) {
  print("  child", name, "started");
  yield* aio.sleep(0);
  print("  child", name, "done");
  return name;
});

const tg_with_pending = aio.coroutine(function* tg_with_pending() {
  const me = aio.currentTask();
  yield* aio.sleep(0.01);
  me.cancel("pending");
  let a;
  try {
    yield* aio.taskGroup(function* (tg) {
      a = tg.createTask(child("a"));
      print("  body ran without awaiting", String(tg));
    });
  } catch (e) {
    if (isCancel(e)) print("  group exit raised", desc(e), "a cancelled", a.cancelled());
    throw e;
  }
  return "unreached";
});

await aio.run(function* main() {
  yield* run("a swallowed cancel, then a timeout expires", swallowed_then_timeout, true);
  yield* run("a self-cancel pending when the timeout is entered", self_cancel_pending, false);
  yield* run("the body uncancels below the entry count", uncancel_below, true);
  yield* run("the body adds its own cancel after the deadline", own_cancel_then_deadline, false);
  yield* run("a TaskGroup entered with a cancel pending", tg_with_pending, false);
  print("-- loop still works", yield* aio.sleep(0, "yes"));
});
