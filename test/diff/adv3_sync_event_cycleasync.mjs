import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_event_cycle.mjs.
// Event set/clear/set within one iteration: the first set() wakes every listed waiter; clear()
// does not un-wake them; a waiter that arrives after clear() is woken only by the second set();
// waiters cancelled before/after set(); repr counts done-but-not-yet-removed waiters; wait() on a
// set event does not suspend (a cancellation requested before it is delivered at the next
// suspension).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const ev = new aio.Event();

  const waiter = aio.coroutine(async function (name) {
    let v;
    try {
      v = await ev.wait();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name, ev.isSet(), r(ev)));
      throw e;
    }
    log.push(tuple("woke", name, v, ev.isSet(), r(ev)));
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(ev), ev.isSet());
    log.length = 0;
  };

  print("-- set/clear/set in one iteration");
  let ws = [0, 1, 2].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  flush("waiting");
  ev.set();
  ev.clear();
  flush("set+clear");
  aio.createTask(waiter("late"));
  await aio.sleep(0);
  flush("tick1");
  ev.set();
  ev.clear();
  ev.set();
  flush("set+clear+set");
  await aio.sleep(0);
  flush("tick2");

  print("-- cancel before and after set, in the same iteration");
  ev.clear();
  ws = [0, 1, 2, 3].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  ws[0].cancel();
  ev.set();
  ws[1].cancel();
  ev.clear();
  flush("same iteration");
  ws[2].cancel();
  flush("and 2");
  await aio.sleep(0);
  flush("tick1");
  print(ws.map((t) => (t.cancelled() ? "C" : t.result())));

  print("-- wait on a set event does not suspend");
  ev.set();
  const quick = aio.coroutine(async function () {
    aio.currentTask().cancel("pending");
    const v = await ev.wait();
    log.push(tuple("still running", v));
    try {
      await aio.sleep(0);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("delivered at sleep", e.message));
      throw e;
    }
  });
  const t = aio.createTask(quick());
  await aio.sleep(0);
  flush("quick tick1");
  await aio.sleep(0);
  flush("quick tick2");
  print(t.cancelled());

  print("-- clear while waiters wait, then one set wakes all in order");
  ev.clear();
  ws = [0, 1, 2].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  ev.clear();
  ev.clear();
  flush("cleared");
  ws[1].cancel("bye");
  await aio.sleep(0);
  flush("tick");
  ev.set();
  ev.set();
  await aio.gather(...ws, { returnExceptions: true });
  flush("end");
});
