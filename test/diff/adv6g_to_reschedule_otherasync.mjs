import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// A Timeout driven from outside its task: another task extends it, pulls it into the past (the
// owner is cancelled at the next iteration and gets TimeoutError), or lifts it (null) while the
// owner sleeps past the old deadline; a loop callback rescheduling it several times (only the
// last deadline counts); infinite and huge deadlines (never due; repr shows them); and a deadline
// lifted from a callback after its timer already fired (too late: the expiry stands).

const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
// round(x, 1) as Python prints it (always a float).
const rel = (loop, w) => (w === null ? "None" : pyRound1(w - loop.time()));
function pyRound1(x) {
  const r = Math.round(x * 10) / 10 + 0;
  return Number.isInteger(r) ? `${r}.0` : String(r);
}

const helper = aio.coroutine(async function helper(cm, action, n) {
  const loop = aio.getRunningLoop();
  for (let i = 0; i < n; i++) await aio.sleep(0);
  if (action === "extend") cm.reschedule(loop.time() + 100);
  else if (action === "past") cm.reschedule(loop.time() - 1);
  else if (action === "none") cm.reschedule(null);
  print("  helper did", action, "rel", rel(loop, cm.when()), cm.expired());
});

const owner = aio.coroutine(async function owner(label, delay, action, n, sleepFor) {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();
  print("--", label);
  let h = null;
  let cm;
  try {
    await aio.timeout(delay, async function (c) {
      cm = c;
      h = aio.createTask(helper(cm, action, n));
      await aio.sleep(sleepFor);
      print("  owner woke, expired", cm.expired(), "deadline", cm.when() === null ? "None" : cm.when() > loop.time() + 50 ? "far" : "near");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  owner TimeoutError, expired", cm.expired());
  }
  await h;
  print("  cancelling", me.cancelling(), String(cm).split(" when=")[0]);
});

await aio.run(async function main() {
  const loop = aio.getRunningLoop();
  await owner("another task extends the deadline", 0.1, "extend", 1, 0.3);
  await owner("another task pulls the deadline into the past", 100, "past", 1, 10);
  await owner("another task lifts the deadline", 0.1, "none", 1, 0.3);

  print("-- a callback reschedules three times");
  const triple = (cm) => {
    cm.reschedule(loop.time() + 100);
    cm.reschedule(loop.time() - 5);
    cm.reschedule(loop.time() + 0.1);
    print("  cb done, rel", rel(loop, cm.when()));
  };
  let cm;
  try {
    await aio.timeout(null, async function (c) {
      cm = c;
      loop.callSoon(triple, cm);
      await aio.sleep(0.5);
      print("  unreached");
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError at the last deadline, expired", cm.expired());
  }

  print("-- infinite and huge deadlines");
  await aio.timeout(Infinity, async function (c) {
    cm = c;
    print("  ", String(cm), cm.when());
    await aio.sleep(0.01);
  });
  print("  ", String(cm), cm.expired());
  await aio.timeoutAt(1e300, async function (c) {
    cm = c;
    print("  ", String(cm));
    cm.reschedule(Infinity);
    print("  ", String(cm));
    await aio.sleep(0);
  });
  print("  ", String(cm));

  print("-- lifting the deadline after the timer fired");
  try {
    await aio.timeout(0.1, async function (c) {
      cm = c;
      const lift = () => {
        print("  lifting, expired", cm.expired());
        try {
          cm.reschedule(null);
        } catch (e) {
          if (!(e instanceof aio.RuntimeError)) throw e;
          print("  RuntimeError", repr(e.message));
        }
      };
      loop.callAt(loop.time() + 0.2, lift);
      block(0.4);
      await aio.sleep(10);
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  TimeoutError, expired", cm.expired(), String(cm));
  }
  await aio.sleep(0);
  print("-- loop still works", await aio.sleep(0, "yes"), aio.currentTask().cancelling());
});
