import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

await aio.run(function* () {
  let outer, inner;

  print("-- the inner timeout expires, the outer does not");
  yield* aio.timeout(10, function* (o) {
    outer = o;
    try {
      yield* aio.timeout(0.005, function* (i) {
        inner = i;
        yield* aio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("inner TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired());
    }
    yield* aio.sleep(0.001);
    print("outer body continues");
  });
  print("outer", String(outer), "inner", String(inner));

  print("-- the outer timeout expires first");
  try {
    yield* aio.timeout(0.005, function* (o) {
      outer = o;
      try {
        yield* aio.timeout(10, function* (i) {
          inner = i;
          yield* aio.sleep(10);
        });
      } catch (e) {
        if (isTimeout(e)) print("wrongly caught by the inner level");
        else if (isCancel(e)) {
          print("inner level sees CancelledError");
          throw e;
        } else throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired());
  }
  print("cancelling", aio.currentTask().cancelling());

  print("-- both expire at the first suspension: the outer one owns it");
  try {
    yield* aio.timeout(0, function* (o) {
      outer = o;
      try {
        yield* aio.timeout(0, function* (i) {
          inner = i;
          yield* aio.sleep(10);
        });
      } catch (e) {
        if (isTimeout(e)) print("inner TimeoutError");
        else if (isCancel(e)) {
          print("inner level sees CancelledError");
          throw e;
        } else throw e;
      }
      print("after the inner block");
      yield* aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError", inner.expired(), outer.expired());
  }
  print("cancelling", aio.currentTask().cancelling());

  print("-- a real cancellation inside a timeout stays a CancelledError");
  const victim = aio.coroutine(function* () {
    let tm;
    try {
      yield* aio.timeout(10, function* (t) {
        tm = t;
        yield* aio.sleep(10);
      });
    } catch (e) {
      if (isTimeout(e)) print("victim: TimeoutError (wrong)");
      else if (isCancel(e)) {
        print("victim: CancelledError, expired", tm.expired());
        throw e;
      } else throw e;
    }
  });
  const t = aio.createTask(victim());
  yield* aio.sleep(0);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("victim cancelled", t.cancelled());
  }

  print("-- wait_for inside a timeout");
  const slow = aio.coroutine(function* () {
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("slow cancelled");
      throw e;
    }
  });
  let tm;
  yield* aio.timeout(10, function* (x) {
    tm = x;
    try {
      yield* aio.waitFor(slow(), 0.005);
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("wait_for TimeoutError; timeout expired", tm.expired());
    }
  });
  try {
    yield* aio.timeout(0.005, function* (x) {
      tm = x;
      yield* aio.waitFor(slow(), 10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("timeout TimeoutError; expired", tm.expired());
  }
});
