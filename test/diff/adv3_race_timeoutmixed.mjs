import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

function show(label, cm) {
  print(" ", label, "expired", cm.expired(), "when None", cm.when() === null, repr(cm).split(" when=")[0]);
}
function tryReschedule(label, cm, when) {
  try {
    cm.reschedule(when);
    print(" ", label, "reschedule ok");
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print(" ", label, "RuntimeError", repr(str(e)));
  }
}

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  let cm = null, cm2 = null;

  print("-- reschedule from a callback of the iteration the timer fires (after it)");
  try {
    yield* aio.timeout(0.01, async function (c) {
      cm = c;
      loop.callAt(cm.when() + 0.02, () => { show("cb", cm); tryReschedule("cb", cm, null); });
      block(0.05);
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    show("after", cm);
  }
  print("  cancelling", me.cancelling());

  print("-- reschedule(None) from an earlier timer of the same iteration");
  yield* aio.timeout(0.02, async function (c) {
    cm = c;
    loop.callAt(cm.when() - 0.015, () => { show("cb", cm); tryReschedule("cb", cm, null); });
    block(0.05);
    await ticks(3);
    show("body", cm);
  });
  show("after", cm);

  print("-- reschedule into the past from a callback while the body sleeps");
  try {
    yield* aio.timeout(10, async function (c) {
      cm = c;
      loop.callSoon(() => { tryReschedule("cb", cm, loop.time() - 1); show("cb", cm); });
      loop.callSoon(() => loop.callSoon(print, "  soon-soon"));
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    show("after", cm);
  }

  print("-- reschedule later from a callback in the iteration before expiry");
  yield* aio.timeout(0.02, async function (c) {
    cm = c;
    loop.callAt(cm.when() - 0.01, () => tryReschedule("cb", cm, loop.time() + 0.5));
    await aio.sleep(0.05);
    show("body", cm);
  });
  show("after", cm);

  print("-- external cancel and expiry in the same iteration, both orders");
  for (const order of ["cancel first", "expiry first"]) {
    const victim = aio.coroutine(async function () {
      await aio.timeout(0.02, async function (c) {
        try {
          await aio.sleep(1);
        } catch (e) {
          if (isCancel(e)) print("  body", order, "CancelledError", repr(str(e)), "cancelling", aio.currentTask().cancelling());
          throw e;
        }
      });
    });
    const t = aio.createTask(victim());
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + (order === "cancel first" ? 0.005 : 0.04), () => print("  cancel ->", t.cancel("ext")));
    block(0.06);
    try {
      yield* t;
      print("  victim returned?");
    } catch (e) {
      if (isCancel(e)) print("  victim CancelledError", repr(str(e)), "cancelling", t.cancelling());
      else if (isTimeout(e)) print("  victim TimeoutError");
      else throw e;
    }
  }

  print("-- body catches the timeout's CancelledError and keeps going");
  yield* aio.timeout(0.01, async function (c) {
    cm = c;
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      show("caught", cm);
      print("  cancelling", me.cancelling());
    }
    await aio.sleep(0.02);
    print("  slept on, cancelling", me.cancelling());
    try {
      await aio.timeout(0.01, async function (c2) {
        cm2 = c2;
        await aio.sleep(1);
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      show("inner after", cm2);
      print("  cancelling", me.cancelling());
    }
    await ticks(1);
  });
  show("outer after", cm);
  print("  cancelling", me.cancelling());

  print("-- nested timeouts and a cancel, all due in one iteration");
  for (const first of ["outer", "inner"]) {
    let outer = null, inner = null;
    try {
      yield* aio.timeout(null, async function (o) {
        outer = o;
        try {
          await aio.timeout(null, async function (i) {
            inner = i;
            const now = loop.time();
            if (first === "outer") {
              outer.reschedule(now + 0.005);
              inner.reschedule(now + 0.010);
            } else {
              inner.reschedule(now + 0.005);
              outer.reschedule(now + 0.010);
            }
            loop.callAt(now + 0.015, () => print("  cancelling after both", me.cancelling()));
            block(0.03);
            await aio.sleep(1);
          });
        } catch (e) {
          if (isTimeout(e)) print(" ", first, "inner -> TimeoutError, cancelling", me.cancelling());
          else if (isCancel(e)) {
            print(" ", first, "inner -> CancelledError, cancelling", me.cancelling());
            throw e;
          } else throw e;
        }
        print(" ", first, "after inner");
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print(" ", first, "outer -> TimeoutError, cancelling", me.cancelling());
    }
    show("outer", outer);
    show("inner", inner);
  }

  print("-- timeout expires while the body awaits a task that finishes in the same iteration");
  const quick = aio.coroutine(async function () {
    await aio.sleep(0.005);
    print("  quick done");
    return "q";
  });
  let qt = null;
  try {
    yield* aio.timeout(0.01, async function (c) {
      cm = c;
      qt = aio.createTask(quick());
      await ticks(1);
      block(0.03);
      const r = await qt;
      print("  body got", r);
      await ticks(1);
      print("  body not interrupted?");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError", "qt cancelled", qt.cancelled());
  }
  show("after", cm);

  print("-- timeout_at(past) and the body never awaits a future");
  yield* aio.timeoutAt(loop.time() - 1, async function (c) {
    cm = c;
    show("body", cm);
  });
  show("after", cm);
  yield* ticks(2);
  print("  cancelling", me.cancelling());

  print("-- timeout(0): cancelled at the first suspension, even sleep(0)");
  try {
    yield* aio.timeout(0, async function (c) {
      cm = c;
      print("  before sleep(0)");
      await aio.sleep(0);
      print("  after sleep(0)");
      await aio.sleep(0);
      print("  after second sleep(0)");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    show("after", cm);
  }
});
