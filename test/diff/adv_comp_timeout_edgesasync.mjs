import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  print("-- reschedule(None) disables the deadline");
  let cm = null;
  await aio.timeout(0.01, async function (c) {
    cm = c;
    print("when set", cm.when() !== null);
    cm.reschedule(null);
    print("when", cm.when(), "repr", repr(cm));
    await aio.sleep(0.03);
  });
  print("survived; expired", cm.expired(), repr(cm));

  print("-- reschedule into the past: fires on the next iteration");
  try {
    await aio.timeout(null, async function (c) {
      cm = c;
      cm.reschedule(loop.time() - 100);
      loop.callSoon(print, "soon scheduled after the reschedule");
      print("still running, expired", cm.expired());
      await ticks(5);
      print("not reached");
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("TimeoutError", repr(str(e)), "cause", e.cause?.name, "expired", cm.expired(), repr(cm));
  }
  print("cancelling after", me.cancelling());

  print("-- reschedule into the past without awaiting afterwards: no timeout");
  await aio.timeout(10, async function (c) {
    cm = c;
    cm.reschedule(loop.time() - 1);
    const x = 1 + 1;
  });
  print("no await: expired", cm.expired(), repr(cm));
  await ticks(2);
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
    await aio.timeout(0, async function (c) {
      cm2 = c;
      await ticks(1);
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
    await aio.timeout(0, async function (cm3) {
      try {
        await ticks(3);
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
  await aio.timeout(0, async function (c) {
    cm4 = c;
    try {
      await ticks(3);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("swallowed");
    }
    await ticks(1);
    print("body goes on, cancelling", me.cancelling());
  });
  print("exited quietly, expired", cm4.expired(), "cancelling", me.cancelling());

  print("-- timeout_at with a past deadline");
  let cm5 = null;
  try {
    await aio.timeoutAt(loop.time() - 5, async function (c) {
      cm5 = c;
      print("entered, when in the past", cm5.when() < loop.time());
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("timeout_at past: TimeoutError", cm5.expired());
  }

  print("-- timeout_at(None) and timeout(-1) without awaiting");
  let cm6 = null;
  await aio.timeoutAt(null, async function (c) {
    cm6 = c;
    await ticks(1);
  });
  print("None:", cm6.when(), cm6.expired());
  let cm7 = null;
  await aio.timeout(-1, async function (c) {
    cm7 = c;
  });
  print("-1 no await:", cm7.expired());

  print("-- reschedule earlier then later: only the latest counts");
  let cm8 = null;
  await aio.timeout(null, async function (c) {
    cm8 = c;
    cm8.reschedule(loop.time() - 1);
    cm8.reschedule(loop.time() + 10);
    await ticks(3);
    print("survived earlier reschedule");
  });
  print("expired", cm8.expired());

  print("-- timeout expires while the task is also cancelled from outside");
  const victim = aio.coroutine(async function () {
    await aio.timeout(0, async function (c) {
      aio.currentTask().cancel("outside");
      await ticks(2);
    });
  });
  const t = aio.createTask(victim());
  try {
    await t;
  } catch (e) {
    if (isCancel(e)) print("victim cancelled", repr(str(e)), t.cancelled());
    else if (isTimeout(e)) print("victim TimeoutError");
    else throw e;
  }

  print("-- nested: inner reschedule(None), outer expires");
  let outer = null;
  let inner = null;
  try {
    await aio.timeout(0.01, async function (o) {
      outer = o;
      try {
        await aio.timeout(0.005, async function (i) {
          inner = i;
          inner.reschedule(null);
          await aio.sleep(1);
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
      await aio.timeout(null, async function (o) {
        outer = o;
        try {
          await aio.timeout(null, async function (i) {
            inner = i;
            if (order === "inner first") {
              inner.reschedule(loop.time() - 1);
              outer.reschedule(loop.time() - 1);
            } else {
              outer.reschedule(loop.time() - 1);
              inner.reschedule(loop.time() - 1);
            }
            await ticks(3);
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
