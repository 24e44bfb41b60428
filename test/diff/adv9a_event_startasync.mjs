import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Async-function twin of adv9a_event_start.mjs.

// Event-based start barriers in a service: workers register, then wait on a "go" event; main
// waits (with waitFor) on a "ready" event that the last worker to register sets, then fires
// "go" and clears it at once (every waiter still wakes, in the order it started waiting); a
// late worker arriving after the clear waits for the next round; a worker cancelled while
// waiting leaves the others alone; a waiter under waitFor with a timeout that expires first;
// waitFor(ev.wait(), 0) on an event that is already set (times out as in 3.11: the task never
// starts) and waitFor with a positive timeout on a set event (returns true); set() twice,
// clear() twice; a "stop" event for shutdown that every worker polls between work steps.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const registered = [];
  const ready = new aio.Event();
  const go = new aio.Event();
  const stop = new aio.Event();
  const N = 4;
  const flush = (tag) => {
    print(tag, "|", log.join("; "));
    log.length = 0;
  };

  const worker = aio.coroutine(async function (i, rounds) {
    registered.push(i);
    log.push(`w${i} registered`);
    if (registered.length === N) {
      ready.set();
      log.push(`w${i} sets ready`);
    }
    try {
      for (let rnd = 0; rnd < rounds; rnd++) {
        const ok = await go.wait();
        log.push(`w${i} go round ${rnd} -> ${repr(ok)}, go now ${repr(go.isSet())}`);
        let steps = 0;
        while (!stop.isSet() && steps < 3) {
          await aio.sleep(0);
          steps += 1;
        }
        log.push(`w${i} worked ${steps} steps, stop=${repr(stop.isSet())}`);
        if (stop.isSet()) return `w${i} stopped`;
      }
      return `w${i} finished`;
    } catch (e) {
      if (isCancel(e)) log.push(`w${i} cancelled ${repr(str(e))}`);
      throw e;
    }
  });

  const ws = [0, 1, 2].map((i) => aio.createTask(worker(i, 2)));
  try {
    await aio.waitFor(ready.wait(), 0.1);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    flush(`ready timed out (only ${registered.length} registered) ${r(ready)}`);
  }
  ws.push(aio.createTask(worker(3, 2)));
  print("ready ->", await aio.waitFor(ready.wait(), 5));
  flush(`registered ${repr(registered)}`);
  print("go", r(go));
  go.set();
  go.set();
  go.clear();
  print("go set and cleared", r(go));
  const late = aio.createTask(worker(9, 1));
  await aio.sleep(0);
  flush("tick 1");
  print("cancel w1 ->", ws[1].cancel("not needed"));
  await aio.sleep(0);
  flush("tick 2");
  for (let tick = 3; tick < 6; tick++) {
    await aio.sleep(0);
    flush(`tick ${tick}`);
  }
  print("go", r(go), "late done", late.done());
  go.set();
  for (let tick = 6; tick < 8; tick++) {
    await aio.sleep(0);
    flush(`tick ${tick}`);
  }
  stop.set();
  go.clear();
  const res = await aio.gather(...ws, late, { returnExceptions: true });
  flush("gathered");
  print("results", res.map((x) => (x instanceof Error ? x.name : x)));

  print("-- wait_for on events that are already set");
  const ev = new aio.Event();
  ev.set();
  try {
    print("wait_for(set.wait(), 0) ->", await aio.waitFor(ev.wait(), 0));
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("wait_for(set.wait(), 0) -> TimeoutError");
  }
  print("wait_for(set.wait(), 0.5) ->", await aio.waitFor(ev.wait(), 0.5));
  print("set.wait() ->", await ev.wait(), r(ev));
  ev.clear();
  ev.clear();
  print("cleared twice", r(ev), ev.isSet());
  const t = aio.createTask(ev.wait());
  await aio.sleep(0);
  print("one waiter", r(ev));
  t.cancel();
  await aio.sleep(0);
  print("waiter cancelled", r(ev), t.cancelled());
  const t1 = aio.createTask(ev.wait()), t2 = aio.createTask(ev.wait());
  await aio.sleep(0);
  ev.set();
  t1.cancel("after set");
  await aio.sleep(0);
  print("after set, cancel one woken waiter:", t1.cancelled(), t2.result(), r(ev));
});
