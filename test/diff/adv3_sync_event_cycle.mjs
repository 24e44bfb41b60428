import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Event set/clear/set within one iteration: the first set() wakes every listed waiter; clear()
// does not un-wake them; a waiter that arrives after clear() is woken only by the second set();
// waiters cancelled before/after set(); repr counts done-but-not-yet-removed waiters; wait() on a
// set event does not suspend (a cancellation requested before it is delivered at the next
// suspension).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const log = [];
  const ev = new aio.Event();

  const waiter = aio.coroutine(function* (name) {
    let v;
    try {
      v = yield* ev.wait();
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
  yield* aio.sleep(0);
  flush("waiting");
  ev.set();
  ev.clear();
  flush("set+clear");
  aio.createTask(waiter("late"));
  yield* aio.sleep(0);
  flush("tick1");
  ev.set();
  ev.clear();
  ev.set();
  flush("set+clear+set");
  yield* aio.sleep(0);
  flush("tick2");

  print("-- cancel before and after set, in the same iteration");
  ev.clear();
  ws = [0, 1, 2, 3].map((i) => aio.createTask(waiter(i)));
  yield* aio.sleep(0);
  ws[0].cancel();
  ev.set();
  ws[1].cancel();
  ev.clear();
  flush("same iteration");
  ws[2].cancel();
  flush("and 2");
  yield* aio.sleep(0);
  flush("tick1");
  print(ws.map((t) => (t.cancelled() ? "C" : t.result())));

  print("-- wait on a set event does not suspend");
  ev.set();
  const quick = aio.coroutine(function* () {
    aio.currentTask().cancel("pending");
    const v = yield* ev.wait();
    log.push(tuple("still running", v));
    try {
      yield* aio.sleep(0);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("delivered at sleep", e.message));
      throw e;
    }
  });
  const t = aio.createTask(quick());
  yield* aio.sleep(0);
  flush("quick tick1");
  yield* aio.sleep(0);
  flush("quick tick2");
  print(t.cancelled());

  print("-- clear while waiters wait, then one set wakes all in order");
  ev.clear();
  ws = [0, 1, 2].map((i) => aio.createTask(waiter(i)));
  yield* aio.sleep(0);
  ev.clear();
  ev.clear();
  flush("cleared");
  ws[1].cancel("bye");
  yield* aio.sleep(0);
  flush("tick");
  ev.set();
  ev.set();
  yield* aio.gather(...ws, { returnExceptions: true });
  flush("end");
});
