import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Many timers due in the same iteration (a batch): what they schedule for "now" (call_soon,
// call_later(0), call_at(a past deadline), call_at(their own when())) waits for the next
// iteration, behind the rest of the batch; cancelling a later sibling or re-scheduling it;
// the loop clock read inside the batch never goes back. Run with and without debug mode.
const out = [];
const log = (v) => out.push(v);

async function run(debug) {
  const loop = aio.newEventLoop();
  loop.setDebug(debug);
  loop.slowCallbackDuration = 100.0;
  out.length = 0;
  const times = [];
  const hs = {};
  function timer(name) {
    times.push(loop.time());
    log(name);
    const h = hs[name];
    if (name === "T1") {
      loop.callSoon(log, "soon-from-T1");
      loop.callLater(0, log, "later0-from-T1");
      loop.callAt(h.when(), log, "at-own-when-from-T1");
      loop.callAt(h.when() - 1000, log, "at-past-from-T1");
      loop.callLater(-0.5, log, "later-neg-from-T1");
    } else if (name === "T2") {
      hs.T4.cancel();
      log("T4 cancelled " + (hs.T4.cancelled() ? "True" : "False"));
      // re-schedule T4's work under a new handle with the same past deadline
      loop.callAt(hs.T4.when(), log, "T4-again");
    } else if (name === "T3") {
      hs.T5.cancel();
      hs.T5 = loop.callAt(hs.T5.when(), timer, "T5");
      log("T5 rescheduled");
    } else if (name === "T5") {
      loop.callSoon(() => loop.stop());
    }
  }
  const base = loop.time();
  // deadlines in the past, 1 ms apart, scheduled out of order
  for (const i of [3, 1, 5, 2, 4, 6]) {
    const name = `T${i}`;
    hs[name] = loop.callAt(base - 1.0 + i * 0.001, timer, name);
  }
  loop.callSoon(log, "first-soon");
  await loop.runForever();
  await loop.runUntilComplete(aio.sleep(0.003));
  print(debug ? "debug" : "plain", out);
  print("  clock never went back:", times.every((t, i) => i === 0 || t >= times[i - 1]), "reads", times.length);
  loop.close();
}

await run(false);
await run(true);
