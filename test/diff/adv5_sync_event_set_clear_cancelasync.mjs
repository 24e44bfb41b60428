import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv5_sync_event_set_clear_cancel.mjs.

// Event waiters under cancellation: set() then clear() in one iteration still wakes every waiter
// (each returns true though the flag is down when it runs), a waiter cancelled after set() is
// cancelled all the same (its true is lost), cancelled waiters leave the waiter list only when
// they run (the repr counts them until then), wait() on a set event does not suspend, set()
// twice, clear() of a clear event, a waiter cancelled and uncancelled that waits again, and the
// reprs [set|unset, waiters:N] along the way; waitFor(ev.wait()) in a cancelled task (3.11
// returns the result when the inner wait is done by then).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

await aio.run(async function () {
  const log = [];
  const ev = new aio.Event();

  const w = aio.coroutine(async function (name, retry = false) {
    for (;;) {
      try {
        const v = await ev.wait();
        log.push(tuple("woke", name, v, ev.isSet()));
        return name;
      } catch (e) {
        if (!isCancel(e)) throw e;
        log.push(tuple("cancelled", name, args(e), ev.isSet()));
        if (!retry) throw e;
        retry = false;
        aio.currentTask().uncancel();
      }
    }
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(ev), ev.isSet());
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- set and clear in one iteration");
  let ts = range(0, 4).map((i) => aio.createTask(w(i)));
  await spin(1);
  flush("four waiting");
  ts[1].cancel("before");
  ev.set();
  ev.set();
  ts[2].cancel("after");
  ev.clear();
  ev.clear();
  flush("cancel 1, set, set, cancel 2, clear, clear");
  await spin(1);
  flush("tick1");
  print("states", states(ts));

  print("-- cancelled waiters stay listed until they run");
  ts = range(0, 3).map((i) => aio.createTask(w(i, i === 1)));
  await spin(1);
  for (const t of ts) t.cancel();
  flush("all three cancelled");
  await spin(1);
  flush("tick1");
  ev.set();
  flush("set");
  await spin(1);
  flush("tick2");
  print("states", states(ts));

  print("-- wait on a set event does not suspend");
  const quick = aio.coroutine(async function () {
    const v = await ev.wait();
    log.push(tuple("quick", v));
    return v;
  });
  let t = aio.createTask(quick());
  await aio.sleep(0);
  flush("one step");
  print("done", t.done(), t.result());
  ev.clear();
  t = aio.createTask(quick());
  await aio.sleep(0);
  flush("cleared: one step");
  print("done", t.done(), r(ev));
  ev.set();
  ev.clear();
  ev.set();
  await aio.sleep(0);
  flush("set clear set");
  print("done", t.done(), t.result());

  print("-- wait_for on an event with a cancelled outer task");
  ev.clear();
  const outer = aio.coroutine(async function (name) {
    try {
      return await aio.waitFor(ev.wait(), 100);
    } catch (e) {
      if (isCancel(e)) log.push(tuple("outer cancelled", name, args(e), r(ev)));
      throw e;
    }
  });
  ts = range(0, 3).map((i) => aio.createTask(outer(i)));
  await spin(2);
  flush("three wait_for");
  ts[0].cancel("x");
  ev.set();
  ts[2].cancel("y");
  await spin(3);
  flush("after");
  print("states", states(ts), r(ev));
});
