import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  print("-- reschedule(None) disables the deadline");
  let cm = null;
  yield* aio.timeout(0.01, function* (c) {
    cm = c;
    print("when set", cm.when() !== null);
    cm.reschedule(null);
    print("when", cm.when(), "repr", repr(cm));
    yield* aio.sleep(0.03);
  });
  print("survived; expired", cm.expired(), repr(cm));

  print("-- reschedule into the past: fires on the next iteration");
  try {
    yield* aio.timeout(null, function* (c) {
      cm = c;
      cm.reschedule(loop.time() - 100);
      loop.callSoon(print, "soon scheduled after the reschedule");
      print("still running, expired", cm.expired());
      yield* ticks(5);
      print("not reached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError", repr(str(e)), "cause", e.cause?.name, "expired", cm.expired(), repr(cm));
  }
  print("cancelling after", me.cancelling());

  print("-- reschedule into the past without awaiting afterwards: no timeout");
  yield* aio.timeout(10, function* (c) {
    cm = c;
    cm.reschedule(loop.time() - 1);
    const x = 1 + 1;
  });
  print("no await: expired", cm.expired(), repr(cm));
  yield* ticks(2);
  print("task not cancelled afterwards", me.cancelling());

  print("-- reschedule after exit / after expiry");
  try {
    cm.reschedule(null);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }
  let cm2 = null;
  try {
    yield* aio.timeout(0, function* (c) {
      cm2 = c;
      yield* ticks(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("timeout(0) expired", cm2.expired());
  }
  try {
    cm2.reschedule(loop.time() + 1);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }

  print("-- reschedule while expiring (the body caught the cancellation)");
  try {
    yield* aio.timeout(0, function* (cm3) {
      try {
        yield* ticks(3);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("body caught, expired", cm3.expired());
        try {
          cm3.reschedule(null);
        } catch (e2) {
          if (!(e2 instanceof aio.RuntimeError)) throw e2;
          print("RuntimeError", repr(str(e2)));
        }
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError after all");
  }

  print("-- body swallows the timeout's cancellation");
  let cm4 = null;
  yield* aio.timeout(0, function* (c) {
    cm4 = c;
    try {
      yield* ticks(3);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("swallowed");
    }
    yield* ticks(1);
    print("body goes on, cancelling", me.cancelling());
  });
  print("exited quietly, expired", cm4.expired(), "cancelling", me.cancelling());

  print("-- timeout_at with a past deadline");
  let cm5 = null;
  try {
    yield* aio.timeoutAt(loop.time() - 5, function* (c) {
      cm5 = c;
      print("entered, when in the past", cm5.when() < loop.time());
      yield* aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("timeout_at past: TimeoutError", cm5.expired());
  }

  print("-- timeout_at(None) and timeout(-1) without awaiting");
  let cm6 = null;
  yield* aio.timeoutAt(null, function* (c) {
    cm6 = c;
    yield* ticks(1);
  });
  print("None:", cm6.when(), cm6.expired());
  let cm7 = null;
  yield* aio.timeout(-1, function* (c) {
    cm7 = c;
  });
  print("-1 no await:", cm7.expired());

  print("-- reschedule earlier then later: only the latest counts");
  let cm8 = null;
  yield* aio.timeout(null, function* (c) {
    cm8 = c;
    cm8.reschedule(loop.time() - 1);
    cm8.reschedule(loop.time() + 10);
    yield* ticks(3);
    print("survived earlier reschedule");
  });
  print("expired", cm8.expired());

  print("-- timeout expires while the task is also cancelled from outside");
  const victim = aio.coroutine(function* () {
    yield* aio.timeout(0, function* (c) {
      aio.currentTask().cancel("outside");
      yield* ticks(2);
    });
  });
  const t = aio.createTask(victim());
  try {
    yield* t;
  } catch (e) {
    if (isCancel(e)) print("victim cancelled", repr(str(e)), t.cancelled());
    else if (isTimeout(e)) print("victim TimeoutError");
    else throw e;
  }

  print("-- nested: inner reschedule(None), outer expires");
  let outer = null;
  let inner = null;
  try {
    yield* aio.timeout(0.01, function* (o) {
      outer = o;
      try {
        yield* aio.timeout(0.005, function* (i) {
          inner = i;
          inner.reschedule(null);
          yield* aio.sleep(1);
        });
      } catch (e) {
        if (!isTimeout(e)) throw e;
        print("inner TimeoutError?!");
      }
      print("not reached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired());
  }
  print("-- nested: both expire in the same iteration");
  for (const order of ["inner first", "outer first"]) {
    try {
      yield* aio.timeout(null, function* (o) {
        outer = o;
        try {
          yield* aio.timeout(null, function* (i) {
            inner = i;
            if (order === "inner first") {
              inner.reschedule(loop.time() - 1);
              outer.reschedule(loop.time() - 1);
            } else {
              outer.reschedule(loop.time() - 1);
              inner.reschedule(loop.time() - 1);
            }
            yield* ticks(3);
          });
        } catch (e) {
          if (isTimeout(e)) print(order, "inner TimeoutError");
          else if (isCancel(e)) {
            print(order, "inner let CancelledError through, cancelling", me.cancelling());
            throw e;
          } else throw e;
        }
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print(order, "outer TimeoutError; expired", inner.expired(), outer.expired(), "cancelling", me.cancelling());
    }
  }
});
