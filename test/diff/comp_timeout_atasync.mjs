import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  let tm;

  print("-- timeout_at in time");
  const r = await aio.timeoutAt(loop.time() + 10, async function (t) {
    tm = t;
    await aio.sleep(0.002);
    return "in time";
  });
  print(r, tm.expired());

  print("-- timeout_at expires");
  try {
    await aio.timeoutAt(loop.time() + 0.005, async function (t) {
      tm = t;
      try {
        await aio.sleep(10);
      } finally {
        print("cleanup");
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", tm.expired());
  }

  print("-- timeout_at None");
  await aio.timeoutAt(null, async function (t) {
    tm = t;
    print("when", tm.when());
    await aio.sleep(0.001);
  });
  print("expired", tm.expired());

  print("-- timeout_at in the past");
  try {
    await aio.timeoutAt(loop.time() - 1, async function (t) {
      tm = t;
      print("body starts");
      await aio.sleep(10);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", tm.expired());
  }

  print("-- timeout 0 and negative: expires at the first suspension");
  for (const d of [0, -1]) {
    try {
      await aio.timeout(d, async function (t) {
        tm = t;
        print("body starts", d);
        await aio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("TimeoutError", d, tm.expired());
    }
  }

  print("-- timeout 0 with a body that never suspends");
  const value = await aio.timeout(0, async function (t) {
    tm = t;
    return 1 + 1;
  });
  print("value", value, "expired", tm.expired(), String(tm));

  print("-- a zero timeout fires after an already-ready callback");
  loop.callSoon(print, "ready callback");
  try {
    await aio.timeout(0, async function () {
      await aio.sleep(0);
      print("after sleep(0)?");
      await aio.sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError");
  }

  print("-- the deadline is fixed when timeout() is entered");
  await aio.timeout(10, async function (t) {
    const w1 = t.when();
    await aio.sleep(0.001);
    print("when unchanged", t.when() === w1);
  });
});
