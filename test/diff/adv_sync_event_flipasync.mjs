import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv_sync_event_flip.mjs.
// Event: set/clear/set within one iteration with waiters (the woken waiters return True even
// though the flag is clear by the time they run; the second set() wakes nobody new); a waiter
// cancelled in the iteration of set(); wait() on a set event does not suspend; waiters that
// arrive after clear() wait for the next set(); the order in which woken waiters run.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const log = [];
  let ev = new aio.Event();

  const waiter = aio.coroutine(async function (name) {
    let res;
    try {
      res = await ev.wait();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancelled", name, e.message));
      throw e;
    }
    log.push(tuple("woke", name, res, ev.isSet()));
    return name;
  });

  const flush = (tag) => {
    print(tag, ...log, r(ev));
    log.length = 0;
  };

  print("-- set, clear, set in one iteration");
  let ts = [0, 1, 2].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  print("waiting", r(ev));
  ev.set();
  ev.clear();
  const late = aio.createTask(waiter("late"));
  ev.set();
  ev.clear();
  print("flag", ev.isSet(), r(ev));
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  print("late done", late.done());
  ev.set();
  await aio.sleep(0);
  flush("tick3");

  print("-- waiter cancelled in the iteration of set");
  ev = new aio.Event();
  ts = [0, 1, 2].map((i) => aio.createTask(waiter(i)));
  await aio.sleep(0);
  ts[1].cancel("before set");
  ev.set();
  ts[2].cancel("after set");
  await aio.sleep(0);
  flush("tick");
  print(ts.map((t) => t.cancelled()));

  print("-- wait on a set event does not suspend");
  const order = [];
  const quick = aio.coroutine(async function () {
    order.push("quick start");
    await ev.wait();
    order.push("quick after wait");
  });
  loop.callSoon((x) => order.push(x), "callback");
  let t = aio.createTask(quick());
  loop.callSoon((x) => order.push(x), "callback2");
  await aio.sleep(0);
  await aio.sleep(0);
  print(order, t.done());

  print("-- clear, set and clear by woken waiters themselves");
  ev = new aio.Event();
  const toggler = aio.coroutine(async function (name) {
    await ev.wait();
    log.push(tuple("toggler", name, ev.isSet()));
    ev.clear();
    await aio.sleep(0);
    log.push(tuple("toggler again", name, ev.isSet()));
    ev.set();
  });
  ts = [0, 1, 2].map((i) => aio.createTask(toggler(i)));
  const w = aio.createTask(waiter("w"));
  await aio.sleep(0);
  ev.set();
  await aio.sleep(0);
  flush("tick1");
  const w2 = aio.createTask(waiter("w2"));
  await aio.sleep(0);
  flush("tick2");
  await aio.gather(...ts, w, w2);
  flush("end");

  print("-- a cancelled waiter leaves no trace; wait_for on an event");
  ev = new aio.Event();
  t = aio.createTask(ev.wait());
  await aio.sleep(0);
  t.cancel();
  await aio.sleep(0);
  print("after cancel", r(ev), t.cancelled());
  try {
    await aio.waitFor(ev.wait(), 0.01);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("timeout", r(ev));
  }
  loop.callLater(0.01, () => ev.set());
  print("wait_for", await aio.waitFor(ev.wait(), 1), r(ev));
});
