import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Async-function twin of adv9a_watchdog.mjs.

// A watchdog over workers: every heartbeat cancels the watchdog's timer and arms a new one
// (callLater); when heartbeats stop for 0.2 s the timer callback cancels the worker (from a
// callback: currentTask() is null there) and the supervisor restarts it. Worker 1 stalls and is
// cancelled; worker 2 beats and finishes (its timer is cancelled, never fires); worker 3 swallows
// the first cancellation (uncancel) and stalls again, so the watchdog fires twice; a heartbeat
// callback that throws goes to the exception handler and the loop keeps going. Timer handles'
// cancelled() and reprs (deadline and arguments masked) are traced.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const hr = (h) => String(h).replace(/when=[0-9.e+-]+/, "when=W").replace(/\(.*\)( at \S+)?>$/, "(...)>");

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler((l, ctx) => log.push(`handler: ${repr(ctx.exception)}`));
  const state = { timer: null, fired: 0, beats: 0, mine: 0 };

  function expired(task, name) {
    state.fired += 1;
    log.push(`watchdog fires for ${name} (current_task ${str(aio.currentTask())}), cancel -> ${repr(task.cancel(`watchdog: ${name} stalled`))}`);
  }

  function beat(task, name) {
    state.beats += 1;
    state.mine += 1;
    const old = state.timer;
    if (old !== null) old.cancel();
    state.timer = loop.callLater(0.2, expired, task, name);
    if (name === "w2" && state.mine === 2) throw new ValueError(`bad heartbeat from ${name}`);
  }

  const worker = aio.coroutine(async function (name, plan) {
    const me = aio.currentTask();
    let resisted = false;
    for (const step of plan) {
      if (step === "beat") {
        loop.callSoon(beat, me, name);
        await aio.sleep(0);
      } else if (step === "stall") {
        try {
          await aio.sleep(5);
        } catch (e) {
          if (!isCancel(e)) throw e;
          if (name === "w3" && !resisted) {
            resisted = true;
            log.push(`${name} resists ${repr(str(e))}, uncancel -> ${me.uncancel()}`);
            continue;
          }
          log.push(`${name} cancelled ${repr(str(e))}`);
          throw e;
        }
      }
    }
    const t = state.timer;
    if (t !== null) {
      t.cancel();
      log.push(`${name} done, timer cancelled=${repr(t.cancelled())}`);
    }
    return `${name} finished`;
  });

  const plans = {
    w1: ["beat", "beat", "stall", "beat"],
    w2: ["beat", "beat", "beat"],
    w3: ["beat", "stall", "beat", "stall", "beat"],
  };
  for (const [name, plan] of Object.entries(plans)) {
    state.timer = null;
    state.mine = 0;
    const t = aio.createTask(worker(name, plan), { name });
    await aio.sleep(0);
    await aio.sleep(0);
    print(name, "timer", hr(state.timer));
    try {
      print(name, "->", await t);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print(name, "-> cancelled", repr(str(e)), "cancelling", t.cancelling());
    }
    flush(name);
    const h = state.timer;
    print("   last timer cancelled", h.cancelled(), hr(h), "fired", state.fired, "beats", state.beats);
  }
  await aio.sleep(0.3);
  flush("idle 0.3 s");
  print("fired", state.fired, "alive", await aio.sleep(0, true));
});
