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
  let cm = null;

  print("-- repr of an active timeout at fixed deadlines (no await in between)");
  yield* aio.timeoutAt(null, function* (c) {
    cm = c;
    print("none", repr(cm), cm.when(), cm.expired());
    for (const [label, w] of [["12345.0", 12345.0], ["0.5", 0.5], ["1.0625", 1.0625], ["1.1875", 1.1875],
                              ["-1.0625", -1.0625], ["2.0005", 2.0005], ["123.4567", 123.4567],
                              ["-0.0001", -0.0001], ["0.0004", 0.0004], ["1e17", 1e17], ["1.5e16", 1.5e16],
                              ["1e22", 1e22], ["0.1+0.2", 0.1 + 0.2], ["inf", Infinity], ["-inf", -Infinity]]) {
      cm.reschedule(w);
      print("at", label, repr(cm), "when kept", cm.when() === w, "expired", cm.expired());
    }
    cm.reschedule(null);
  });
  print("after", repr(cm), cm.when(), cm.expired());

  print("-- when() keeps the last deadline after exit");
  yield* aio.timeoutAt(null, function* (c) {
    cm = c;
    cm.reschedule(42.25);
    cm.reschedule(null);
    cm.reschedule(7.5);
    cm.reschedule(loop.time() + 100);
    cm.reschedule(9999.5);
  });
  print("exited", repr(cm), cm.when() === 9999.5, cm.expired());

  print("-- timeout(delay): when() is loop.time() + delay at entry");
  const t0 = loop.time();
  yield* aio.timeout(5, function* (c) {
    cm = c;
    const d = cm.when() - t0;
    print("delta ok", 5 <= d && d < 5.5);
  });
  print(repr(cm));

  print("-- reprs through expiry");
  try {
    yield* aio.timeout(0, function* (c) {
      cm = c;
      print("entered", repr(cm).startsWith("<Timeout [active] when="), cm.expired());
      try {
        yield* ticks(2);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("caught", repr(str(e)), repr(cm), cm.expired(), "cancelling", me.cancelling());
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError", repr(cm), cm.expired(), "cancelling", me.cancelling());
  }
  const w = cm.when();
  print("when kept", w !== null && w <= loop.time());

  print("-- infinite deadline: never fires");
  yield* aio.timeout(Infinity, function* (c) {
    cm = c;
    print(repr(cm));
    yield* aio.sleep(0.01);
    yield* ticks(2);
  });
  print("inf exited", repr(cm), cm.expired(), cm.when() === Infinity);

  print("-- minus infinite deadline: fires on the next iteration");
  try {
    yield* aio.timeoutAt(-Infinity, function* (c) {
      cm = c;
      print(repr(cm));
      yield* ticks(3);
      print("not reached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("-inf TimeoutError", repr(cm), cm.when() === -Infinity);
  }

  print("-- reschedule to the same past deadline twice, then to the future");
  yield* aio.timeout(null, function* (c) {
    cm = c;
    cm.reschedule(loop.time() - 1);
    cm.reschedule(loop.time() - 1);
    cm.reschedule(loop.time() + 100);
    yield* ticks(3);
    print("survived", cm.expired());
  });
  print("cancelling", me.cancelling());

  print("-- expiry while the body catches it and finishes normally");
  yield* aio.timeout(0, function* (c) {
    cm = c;
    try {
      yield* ticks(2);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("swallowed", repr(cm));
    }
    print("body ends", repr(cm), "cancelling", me.cancelling());
  });
  print("no error", repr(cm), cm.expired(), "cancelling", me.cancelling());

  print("-- reschedule errors name the state");
  try {
    cm.reschedule(1.0);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }
  let cm2 = null;
  yield* aio.timeout(1, function* (c) { cm2 = c; });
  try {
    cm2.reschedule(null);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }
  const cm3 = new aio.Timeout(loop.time() + 1);
  print("created", repr(cm3), "expired", cm3.expired());
  try {
    cm3.reschedule(2.0);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)));
  }
});
