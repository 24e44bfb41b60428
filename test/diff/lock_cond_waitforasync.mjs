import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of lock_cond_waitfor.mjs.
// Condition.waitFor(predicate): the predicate is checked first (no wait, and no lock needed,
// when it already holds), then after every wake-up; the result is the predicate's value.
// A producer/consumer over a shared list.
const r = (x) => String(x);

await aio.run(async () => {
  const cond = new aio.Condition();
  const state = { value: 0, calls: 0 };

  const pred = () => {
    state.calls++;
    print("pred called", state.calls, state.value);
    return state.value >= 2 && state.value * 10;
  };

  const waiter = aio.coroutine(async function () {
    return await cond.with(async function () {
      const res = await cond.waitFor(pred);
      print("waiter got", res, cond.locked());
      return res;
    });
  });

  const t = aio.createTask(waiter());
  await aio.sleep(0);
  for (const v of [1, 2]) {
    await cond.with(async function () {
      state.value = v;
      print("notify with value", v);
      cond.notify();
    });
    await aio.sleep(0);
  }
  print("result", await t, r(cond));

  print("-- true at once: no wait, no lock needed");
  print("immediate", await cond.waitFor(() => [1, 2, 3]), r(cond));
  try {
    await cond.waitFor(() => false);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message);
  }

  print("-- producer / consumers");
  const items = [];
  const consumed = [];
  const consumer = aio.coroutine(async function (name) {
    for (let k = 0; k < 2; k++) {
      await cond.with(async function () {
        const item = await cond.waitFor(() => items.length > 0 && items.shift());
        consumed.push(tuple(name, item));
        print("consumed", name, item);
      });
    }
  });
  const producer = aio.coroutine(async function () {
    for (let i = 1; i < 7; i++) {
      await cond.with(async function () {
        items.push(i);
        print("produced", i);
        cond.notify();
      });
      await aio.sleep(0);
    }
  });
  await aio.gather(consumer("a"), consumer("b"), consumer("c"), producer());
  print("consumed", consumed, r(cond));

  print("-- notify_all: each re-checks its own predicate");
  const flags = { x: false, y: false };
  const waitFlag = aio.coroutine(async function (k) {
    await cond.with(async function () {
      await cond.waitFor(() => flags[k]);
      print("flag", k);
    });
  });
  const ws = ["x", "y", "x"].map((k) => aio.createTask(waitFlag(k)));
  await aio.sleep(0);
  await cond.with(async function () {
    flags.x = true;
    cond.notifyAll();
  });
  await aio.sleep(0);
  await aio.sleep(0);
  print("pending", ws.map((w) => w.done()));
  await cond.with(async function () {
    flags.y = true;
    cond.notifyAll();
  });
  await aio.gather(...ws);
  print("all done", r(cond));
});
