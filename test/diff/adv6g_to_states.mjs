import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A Timeout's when(), expired(), repr and reschedule() at every state: active with a deadline,
// with none (timeout(null)), rescheduled into the past (expiring at the next iteration, not at
// once), to null and back, expiring while the body swallows the cancellation (reschedule then
// refused as "expiring", the exit leaving it "expired" without a TimeoutError), after a clean exit
// ("finished"), after a TimeoutError ("expired"), and timeoutAt() with a deadline in the past.

const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
const rel = (loop, w) => (w === null ? null : Math.round(w - loop.time()) + 0);

function state(label, cm, loop) {
  let r = String(cm);
  if (r.includes("when=")) {
    r = cm.when() !== null && r.split(" when=")[1] !== "None>" ? r.split(" when=")[0] + " when=...>" : r;
  }
  print(`  ${label}: expired=${repr(cm.expired())} rel_when=${repr(rel(loop, cm.when()))} repr=${r}`);
}

function tryResched(cm, when) {
  try {
    cm.reschedule(when);
    print("  reschedule ok");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  reschedule RuntimeError", repr(str(e)));
  }
}

await aio.run(function* main() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  let cm;

  print("-- timeout(100): active, cleanly exited");
  yield* aio.timeout(100, function* (c) {
    cm = c;
    state("inside", cm, loop);
    yield* aio.sleep(0);
  });
  state("after", cm, loop);
  tryResched(cm, loop.time() + 5);
  state("after resched attempt", cm, loop);

  print("-- timeout(None): no deadline, then one, then none again");
  yield* aio.timeout(null, function* (c) {
    cm = c;
    state("inside", cm, loop);
    cm.reschedule(loop.time() + 50);
    state("rescheduled +50", cm, loop);
    cm.reschedule(null);
    state("rescheduled None", cm, loop);
    yield* aio.sleep(0.01);
  });
  state("after", cm, loop);

  print("-- reschedule into the past: expires at the next suspension");
  try {
    yield* aio.timeout(100, function* (c) {
      cm = c;
      cm.reschedule(loop.time() - 10);
      state("rescheduled -10", cm, loop);
      print("  still running, cancelling", me.cancelling());
      yield* aio.sleep(0);
      print("  unreached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError", repr(str(e)), e.cause?.name, "cancelling", me.cancelling());
  }
  state("after", cm, loop);
  tryResched(cm, null);

  print("-- reschedule to the past, then back to the future before suspending");
  yield* aio.timeout(100, function* (c) {
    cm = c;
    cm.reschedule(loop.time() - 10);
    cm.reschedule(loop.time() + 100);
    yield* aio.sleep(0);
    state("survived", cm, loop);
  });
  state("after", cm, loop);

  print("-- expires while the body swallows the cancellation");
  yield* aio.timeout(0, function* (c) {
    cm = c;
    state("inside", cm, loop);
    try {
      yield* aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  body caught", args(e), "cancelling", me.cancelling());
    }
    state("expiring", cm, loop);
    tryResched(cm, loop.time() + 10);
    tryResched(cm, null);
    print("  body goes on", yield* aio.sleep(0, "x"));
  });
  state("after", cm, loop);
  print("  cancelling", me.cancelling());

  print("-- timeout(-5) and timeout(0) expire alike");
  for (const [d, shown] of [[-5, "-5"], [0, "0"], [0, "0.0"]]) {
    try {
      yield* aio.timeout(d, function* (c) {
        cm = c;
        state(`inside ${shown}`, cm, loop);
        yield* aio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      state("TimeoutError", cm, loop);
    }
  }

  print("-- timeout_at in the past / far future / None");
  for (const [label, w] of [["past", loop.time() - 1000], ["future", loop.time() + 1000], ["None", null]]) {
    try {
      yield* aio.timeoutAt(w, function* (c) {
        cm = c;
        state(label, cm, loop);
        yield* aio.sleep(0.01);
        print("  body done");
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      state("TimeoutError " + label, cm, loop);
    }
  }

  print("-- a body that never suspends under an expired deadline");
  try {
    yield* aio.timeoutAt(loop.time() - 1, function* (c) {
      cm = c;
      print("  body runs, no await");
    });
    print("  no TimeoutError; expired", cm.expired());
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError");
  }
  print("  cancelling", me.cancelling());
  try {
    yield* aio.sleep(0);
    print("  next sleep ok");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  next sleep cancelled (late delivery)", me.cancelling());
    me.uncancel();
  }

  print("-- reschedule after TimeoutError and from a callback");
  try {
    yield* aio.timeout(0.05, function* (c) {
      cm = c;
      loop.callSoon(() => {
        cm.reschedule(loop.time() + 0.01);
        print("  cb rescheduled", rel(loop, cm.when()));
      });
      yield* aio.sleep(5);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError, expired", cm.expired());
  }
  tryResched(cm, loop.time());
  print("-- loop still works", yield* aio.sleep(0, "yes"), me.cancelling());
});
