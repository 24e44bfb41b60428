import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6s_event_cancel_points.mjs.

// Event.wait() cancelled at every point of a script that sets, clears and sets the event again:
// before the waiter runs, while waiting, set but not yet run (the True is lost, the cancellation
// wins), after a set+clear in one iteration (woken all the same), waiting again after a clear,
// and finished; a waiter that swallows one cancellation (uncancel) and waits again, and one
// waiting through waitFor(); the event's repr counts waiters until they have run.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

const scenario = aio.coroutine(async function (target, k) {
  const log = [];
  const ev = new aio.Event();

  const plain = aio.coroutine(async function (name) {
    let n = 0;
    while (n < 2) {
      let v;
      try {
        v = await ev.wait();
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancel", name, args(e), ev.isSet()));
        throw e;
      }
      n++;
      log.push(tuple("woke", name, v, ev.isSet()));
      await aio.sleep(0);
    }
    return name;
  });

  const resilient = aio.coroutine(async function (name) {
    let swallowed = false;
    let n = 0;
    while (n < 2) {
      try {
        await ev.wait();
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple("cancel", name, args(e), ev.isSet()));
        if (swallowed) throw e;
        swallowed = true;
        log.push(tuple("uncancel", name, aio.currentTask().uncancel()));
        continue;
      }
      n++;
      log.push(tuple("woke", name, ev.isSet()));
      await aio.sleep(0);
    }
    return name;
  });

  const timed = aio.coroutine(async function (name) {
    let v;
    try {
      v = await aio.waitFor(ev.wait(), 10);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancel", name, args(e), ev.isSet()));
      throw e;
    }
    log.push(tuple("woke", name, v));
    return name;
  });

  const ts = { A: aio.createTask(plain("A")), R: aio.createTask(resilient("R")), T: aio.createTask(timed("T")) };
  let step = 0;
  const states = () => Object.entries(ts).map(([n, t]) => `${n}:${st(t)}`);
  const tick = (what) => {
    if (step === k) {
      ts[target].cancel(`k${k}`);
      log.push(tuple("cancel!", target));
    }
    print(" ", step, what, ...log, "|", r(ev), ...states());
    log.length = 0;
    step++;
  };

  tick("created");
  await aio.sleep(0);
  tick("waiting");
  ev.set();
  tick("set");
  await aio.sleep(0);
  ev.clear();
  tick("ran, clear");
  await aio.sleep(0);
  tick("step");
  ev.set();
  ev.clear();
  tick("set+clear");
  await aio.sleep(0);
  tick("step");
  await aio.sleep(0);
  tick("step");
  ev.set();
  await aio.sleep(0);
  tick("set, step");
  for (let i = 0; i < 3; i++) {
    await aio.sleep(0);
    tick("step");
  }
  for (const t of Object.values(ts)) t.cancel();
  await aio.gather(...Object.values(ts), { returnExceptions: true });
  print("  final", r(ev), ...states());
});

await aio.run(async function () {
  for (const target of "ART") {
    for (let k = 0; k < 10; k++) {
      print("-- target", target, "k", k);
      await scenario(target, k);
    }
  }
});
