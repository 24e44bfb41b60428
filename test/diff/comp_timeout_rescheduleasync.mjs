import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const body = aio.coroutine(async function (tm, label, plan) {
  const loop = aio.getRunningLoop();
  try {
    for (const [action, arg] of plan) {
      if (action === "sleep") {
        await aio.sleep(arg);
        print(label, "slept", arg);
      } else {
        tm.reschedule(arg === null ? null : loop.time() + arg);
        print(label, "rescheduled", arg === null ? "None" : "+" + String(arg), "when is None:", tm.when() === null);
      }
    }
  } finally {
    print(label, "body exits, expired", tm.expired());
  }
  return label + " ok";
});

const run = aio.coroutine(async function (label, delay, plan) {
  let tm;
  try {
    const r = await aio.timeout(delay, async function (t) {
      tm = t;
      return await body(t, label, plan);
    });
    print(label, "->", r, String(tm));
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print(label, "-> TimeoutError", String(tm));
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  await run("later", 0.01, [["resched", 10], ["sleep", 0.02]]);
  await run("earlier", 10, [["resched", 0.005], ["sleep", 10]]);
  await run("none", 0.005, [["resched", null], ["sleep", 0.02]]);
  await run("past", 10, [["resched", -1], ["sleep", 10]]);
  await run("twice", 0.005, [["resched", 0.02], ["resched", 10], ["sleep", 0.03]]);
  await run("from none", null, [["sleep", 0.001], ["resched", 0.005], ["sleep", 10]]);
  await run("after partial wait", 0.05, [["sleep", 0], ["resched", 10], ["sleep", 0.06]]);

  print("-- reschedule after expiry, still inside the body");
  let tm;
  try {
    await aio.timeout(0.005, async function (t) {
      tm = t;
      try {
        await aio.sleep(10);
      } catch (e) {
        if (e instanceof aio.CancelledError) {
          try {
            t.reschedule(loop.time() + 1);
          } catch (e2) {
            if (!(e2 instanceof aio.RuntimeError)) throw e2;
            print("RuntimeError", str(e2));
          }
        }
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError", String(tm));
  }

  print("-- rescheduling a zero timeout before it fires");
  await aio.timeout(0, async function (t) {
    tm = t;
    t.reschedule(loop.time() + 10);
    await aio.sleep(0.002);
    print("survived the zero timeout");
  });
  print(String(tm));
});
