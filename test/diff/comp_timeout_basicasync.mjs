import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  let tm;
  let result;

  print("-- body completes in time");
  result = await aio.timeout(10, async function (t) {
    tm = t;
    print("in body; deadline in the future", tm.when() > loop.time());
    await aio.sleep(0.002);
    return "fast";
  });
  print("result", result, "expired", tm.expired(), String(tm));

  print("-- body times out");
  try {
    await aio.timeout(0.005, async function (t) {
      tm = t;
      try {
        print("body sleeps");
        await aio.sleep(10);
        print("not reached");
      } catch (e) {
        if (isCancel(e)) print("body sees CancelledError");
        throw e;
      } finally {
        print("body cleanup, expired", tm.expired());
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("caught", tname(e), repr(str(e)), "cause", tname(e.cause));
  }
  print("expired", tm.expired(), String(tm));
  print("task cancelling", aio.currentTask().cancelling());

  print("-- timeout None");
  await aio.timeout(null, async function (t) {
    tm = t;
    print("when", tm.when());
    await aio.sleep(0.002);
  });
  print("expired", tm.expired(), String(tm));

  print("-- body swallows the cancellation");
  result = await aio.timeout(0.005, async function (t) {
    tm = t;
    try {
      await aio.sleep(10);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("swallowed");
    }
    return "recovered";
  });
  print("result", result, "expired", tm.expired(), String(tm));
  print("task cancelling", aio.currentTask().cancelling());

  print("-- body raises its own error after expiry");
  try {
    await aio.timeout(0.005, async function (t) {
      tm = t;
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) throw new ValueError("replaced");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("caught", tname(e), str(e), "expired", tm.expired());
  }

  print("-- body raises before the deadline");
  try {
    await aio.timeout(10, async function (t) {
      tm = t;
      await aio.sleep(0.001);
      throw new ValueError("early");
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("caught", tname(e), str(e), "expired", tm.expired(), String(tm));
  }

  print("-- reschedule after exit");
  try {
    tm.reschedule(null);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", str(e));
  }

  print("-- the timed-out task keeps working afterwards");
  await aio.sleep(0.001);
  print("still alive");
});
