import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  let tm;

  print("-- timeout_at in time");
  const r = yield* aio.timeoutAt(loop.time() + 10, function* (t) {
    tm = t;
    yield* aio.sleep(0.002);
    return "in time";
  });
  print(r, tm.expired());

  print("-- timeout_at expires");
  try {
    yield* aio.timeoutAt(loop.time() + 0.005, function* (t) {
      tm = t;
      try {
        yield* aio.sleep(10);
      } finally {
        print("cleanup");
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", tm.expired());
  }

  print("-- timeout_at None");
  yield* aio.timeoutAt(null, function* (t) {
    tm = t;
    print("when", tm.when());
    yield* aio.sleep(0.001);
  });
  print("expired", tm.expired());

  print("-- timeout_at in the past");
  try {
    yield* aio.timeoutAt(loop.time() - 1, function* (t) {
      tm = t;
      print("body starts");
      yield* aio.sleep(10);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", tm.expired());
  }

  print("-- timeout 0 and negative: expires at the first suspension");
  for (const d of [0, -1]) {
    try {
      yield* aio.timeout(d, function* (t) {
        tm = t;
        print("body starts", d);
        yield* aio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("TimeoutError", d, tm.expired());
    }
  }

  print("-- timeout 0 with a body that never suspends");
  const value = yield* aio.timeout(0, function* (t) {
    tm = t;
    return 1 + 1;
  });
  print("value", value, "expired", tm.expired(), String(tm));

  print("-- a zero timeout fires after an already-ready callback");
  loop.callSoon(print, "ready callback");
  try {
    yield* aio.timeout(0, function* () {
      yield* aio.sleep(0);
      print("after sleep(0)?");
      yield* aio.sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }

  print("-- the deadline is fixed when timeout() is entered");
  yield* aio.timeout(10, function* (t) {
    const w1 = t.when();
    yield* aio.sleep(0.001);
    print("when unchanged", t.when() === w1);
  });
});
