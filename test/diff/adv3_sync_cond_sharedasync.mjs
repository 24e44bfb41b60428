import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_cond_shared.mjs.
// Conditions sharing one Lock with plain lock users: notified waiters re-acquire the lock in
// line with ordinary acquirers (FIFO on the lock, not on the condition); notify on one condition
// does not wake the other's waiters; a predicate that is true when notified but false again when
// the waiter runs sends it back to the end of the condition's line; wait() by a task that does
// not hold the (unowned) lock releases the holder's lock; notify(n) with n larger than the
// line or fractional; errors without the lock.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(async function () {
  const log = [];
  const L = new aio.Lock();
  const c1 = new aio.Condition(L);
  const c2 = new aio.Condition(L);

  const flush = (tag) => {
    print(tag, ...log, "|", r(L), r(c1), r(c2));
    log.length = 0;
  };

  const cwaiter = aio.coroutine(async function (name, cond) {
    await cond.with(async function () {
      log.push(tuple("wait", name));
      try {
        await cond.wait();
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, cond.locked(), aio.currentTask().cancelling()));
        throw e;
      }
      log.push(tuple("woke", name, r(cond)));
      await aio.sleep(0);
      log.push(tuple("leave", name));
    });
    return name;
  });

  const plain = aio.coroutine(async function (name) {
    await L.acquire();
    log.push(tuple("plain got", name, r(L)));
    await aio.sleep(0);
    log.push(tuple("plain release", name));
    L.release();
    return name;
  });

  print("-- shared lock: condition waiters queue on the lock behind plain acquirers");
  const w1 = aio.createTask(cwaiter("W1", c1));
  const w2 = aio.createTask(cwaiter("W2", c2));
  await aio.sleep(0);
  flush("waiting");
  await L.acquire();
  const p = aio.createTask(plain("P"));
  await aio.sleep(0);
  flush("P queued");
  c1.notifyAll();
  c2.notify(0);
  flush("c1 notified");
  await aio.sleep(0);
  flush("tick1 (lock still held)");
  L.release();
  for (let i = 2; i < 7; i++) {
    await aio.sleep(0);
    flush(`tick${i}`);
  }
  print("w2 still waiting", w2.done(), r(c2));
  await c2.with(async function () {
    c2.notify(5);
  });
  await aio.gather(w1, w2, p);
  flush("done");

  print("-- predicate true at notify, false when the waiter runs");
  const state = { items: 0 };
  let cond = new aio.Condition();
  const pred = (name) => () => {
    log.push(tuple("pred", name, state.items));
    return state.items;
  };
  const consumer = aio.coroutine(async function (name) {
    await cond.with(async function () {
      const v = await cond.waitFor(pred(name));
      state.items -= 1;
      log.push(tuple("consumed", name, v, r(cond)));
    });
    return name;
  });
  const cs = [0, 1, 2, 3].map((i) => aio.createTask(consumer(i)));
  await aio.sleep(0);
  flush("waiting");
  await cond.with(async function () {
    state.items = 1;
    cond.notifyAll();
    print("notified", r(cond));
  });
  for (let i = 0; i < 4; i++) {
    await aio.sleep(0);
    log.push(r(cond));
    flush(`tick${i}`);
  }
  await cond.with(async function () {
    state.items = 2;
    cond.notify(2.5);
    print("notify 2.5", r(cond));
  });
  for (let i = 0; i < 4; i++) {
    await aio.sleep(0);
    flush(`tick${i}`);
  }
  print("done", cs.map((c) => c.done()), state);
  await cond.with(async function () {
    state.items = 5;
    cond.notify(100);
  });
  await aio.gather(...cs);
  flush("all consumed");
  print("items left", state);

  print("-- wait() by a task that does not hold the lock");
  cond = new aio.Condition();
  const holder = aio.coroutine(async function () {
    await cond.acquire();
    log.push(tuple("holder has it", r(cond)));
    await aio.sleep(0);
    await aio.sleep(0);
    try {
      cond.release();
      log.push(tuple("holder released"));
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      log.push(tuple("holder RuntimeError", e.message));
    }
  });
  const intruder = aio.coroutine(async function () {
    log.push(tuple("intruder sees", cond.locked()));
    try {
      await aio.waitFor(cond.wait(), 0.01);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      log.push(tuple("intruder timed out", cond.locked(), r(cond)));
    }
    cond.release();
  });
  const h = aio.createTask(holder());
  const i = aio.createTask(intruder());
  await aio.gather(h, i);
  flush("after");

  print("-- errors without the lock");
  for (const f of [() => cond.notify(), () => cond.notifyAll()]) {
    try {
      f();
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print("RuntimeError", e.message);
    }
  }
  try {
    await cond.wait();
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  try {
    await cond.waitFor(() => false);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }
  print("wait_for true without lock:", await cond.waitFor(() => 7), r(cond));

  print("-- cancelled while queued on the lock after a notify");
  cond = new aio.Condition();
  const ws = [0, 1, 2].map((k) => aio.createTask(cwaiter(k, cond)));
  await aio.sleep(0);
  await cond.acquire();
  cond.notify(2);
  await aio.sleep(0);
  print("queued on lock", ...log, "|", r(cond));
  log.length = 0;
  ws[0].cancel("first");
  ws[0].cancel("again");
  ws[2].cancel("third");
  await aio.sleep(0);
  print("after cancels", ...log, "|", r(cond));
  log.length = 0;
  cond.release();
  for (let k = 0; k < 4; k++) {
    await aio.sleep(0);
    print(`tick${k}`, ...log, "|", r(cond));
    log.length = 0;
  }
  const res = await aio.gather(...ws, { returnExceptions: true });
  print(
    res.map((x) => (x instanceof Error ? x.name : x)),
    ws.map((t) => t.cancelling()),
  );
  print("end", r(cond));
});
