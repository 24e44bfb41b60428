import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A timeout that expires while its body waits in a TaskGroup's exit: the group is aborted by the
// timeout's cancellation (children lingering a few steps, one rescheduling the expired timeout and
// being refused, one extending a still active one in time), the CancelledError becomes
// TimeoutError only after the last child is gone; a timeout inside a child expiring (the child
// handles its TimeoutError, the group is unaffected); and a child whose own timeout expires
// uncaught (the TimeoutError lands in the ExceptionGroup).

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(str(e))})`;
}

const linger = aio.coroutine(function* linger(name, n, cm = null) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    for (let i = 0; i < n; i++) yield* aio.sleep(0);
    if (cm !== null) {
      try {
        cm.reschedule(null);
        print("  ", name, "lifted the deadline");
      } catch (err) {
        if (!(err instanceof aio.RuntimeError)) throw err;
        print("  ", name, "RuntimeError", repr(str(err)));
      }
    }
    print("  ", name, "done lingering");
    return name;
  }
});

const extender = aio.coroutine(function* extender(cm, d) {
  yield* aio.sleep(d);
  const loop = aio.getRunningLoop();
  cm.reschedule(loop.time() + 0.6);
  print("  extender moved the deadline; expired", cm.expired());
  return "ext";
});

const worker = aio.coroutine(function* worker(name, d, katch) {
  try {
    yield* aio.timeout(d, function* () {
      yield* aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    if (!katch) {
      print("  ", name, "lets TimeoutError out");
      throw e;
    }
    print("  ", name, "handled its TimeoutError");
  }
  return name;
});

await aio.run(function* main() {
  const me = aio.currentTask();
  print("-- expiry while the group waits in its exit");
  let cm;
  try {
    yield* aio.timeout(0.1, function* (c) {
      cm = c;
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(linger("l2", 2, cm));
        tg.createTask(linger("l4", 4));
        print("  body ends", String(tg));
      });
      print("  unreached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError, expired", cm.expired(), "cause", desc(e.cause), "cancelling", me.cancelling());
  }

  print("-- a child extends the deadline in time");
  yield* aio.timeout(0.3, function* (c) {
    let e, s;
    yield* aio.taskGroup(function* (tg) {
      e = tg.createTask(extender(c, 0.02));
      s = tg.createTask(aio.sleep(0.5, "slept"));
    });
    print("  group done", e.result(), s.result(), "expired", c.expired());
  });

  print("-- children with their own timeouts");
  let a, b;
  yield* aio.taskGroup(function* (tg) {
    a = tg.createTask(worker("a", 0.01, true));
    b = tg.createTask(worker("b", 0.05, true));
  });
  print("  results", a.result(), b.result(), "cancelling", me.cancelling());

  let d;
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(worker("c", 0.01, false));
      d = tg.createTask(linger("d", 1));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg), "d result", d.result());
  }
  print("-- loop still works", yield* aio.sleep(0, "yes"), me.cancelling());
});
