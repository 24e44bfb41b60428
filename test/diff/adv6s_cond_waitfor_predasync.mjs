import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Async-function twin of adv6s_cond_waitfor_pred.mjs.

// Condition.waitFor(predicate) against hostile predicates: one that raises on its first call
// (no lock needed, nothing queued), one that raises after a wake-up (the error leaves with the
// lock held and the waiter list clean), one that cancels its own task (the wait ends at once
// with the message, lock taken back), one that releases the lock (RuntimeError from wait), one
// that notifies the other waiters itself, falsy results (0, '', null) keep waiting and the
// truthy value is returned; waitFor under aio.waitFor timing out while main holds the lock
// (TimeoutError only once the lock is back); the loop and the condition keep working after all.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
class ValueError extends Error {
  name = "ValueError";
}
class KeyError extends Error {
  name = "KeyError";
}
const st = (t) => {
  if (!t.done()) return "P";
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

await aio.run(async function () {
  const log = [];
  const cond = new aio.Condition();

  const flush = (tag, ...ts) => {
    print(tag, ...log, "|", r(cond), ts.map(st));
    log.length = 0;
  };
  const spin = aio.coroutine(async function (k) {
    for (let i = 0; i < k; i++) await aio.sleep(0);
  });

  print("-- raises on the first call, lock not held");
  let calls = 0;
  const boom = () => {
    calls++;
    throw new ValueError(`first ${calls}`);
  };
  try {
    await cond.waitFor(boom);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ValueError", e.message, cond.locked(), r(cond));
  }
  print("-- true at once without the lock");
  print("result", await cond.waitFor(() => "ready"), r(cond));
  print("-- false without the lock");
  try {
    await cond.waitFor(() => 0);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", e.message, r(cond));
  }

  print("-- raises after a wake-up");
  const seq = { n: 0 };
  const raiser = aio.coroutine(async function (name) {
    const pred = () => {
      seq.n++;
      log.push(tuple("pred", name, seq.n));
      if (seq.n >= 3) throw new KeyError(name);
      return false;
    };
    return await cond.with(async function () {
      try {
        return await cond.waitFor(pred);
      } catch (e) {
        if (e instanceof KeyError) log.push(tuple("KeyError", args(e), cond.locked(), r(cond)));
        throw e;
      }
    });
  });
  let t1 = aio.createTask(raiser("x"));
  let t2 = aio.createTask(raiser("y"));
  await spin(2);
  flush("both waiting", t1, t2);
  await cond.with(async function () {
    cond.notifyAll();
    flush("notify_all", t1, t2);
  });
  await spin(3);
  flush("after", t1, t2);
  await cond.with(async function () {
    cond.notifyAll();
  });
  await spin(3);
  flush("after second notify", t1, t2);

  print("-- cancels its own task inside the predicate");
  const selfcancel = aio.coroutine(async function (name, when) {
    let n = 0;
    const pred = () => {
      n++;
      log.push(tuple("pred", name, n));
      if (n === when) aio.currentTask().cancel(`from pred ${n}`);
      return false;
    };
    await cond.with(async function () {
      try {
        await cond.waitFor(pred);
      } catch (e) {
        if (isCancel(e)) log.push(tuple("cancelled", name, args(e), cond.locked()));
        throw e;
      }
    });
  });
  t1 = aio.createTask(selfcancel("first", 1));
  t2 = aio.createTask(selfcancel("second", 2));
  await spin(2);
  flush("started", t1, t2);
  await cond.with(async function () {
    cond.notifyAll();
  });
  await spin(3);
  flush("after notify", t1, t2);

  print("-- releases the lock inside the predicate");
  const releaser = aio.coroutine(async function () {
    const pred = () => {
      cond.release();
      log.push(tuple("released in pred", cond.locked()));
      return false;
    };
    await cond.acquire();
    try {
      await cond.waitFor(pred);
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      log.push(tuple("RuntimeError", e.message, cond.locked()));
      return "re";
    }
  });
  t1 = aio.createTask(releaser());
  await spin(2);
  flush("releaser", t1);

  print("-- a predicate that notifies the others, falsy values");
  const vals = { a: [0, "", null, "A!"], b: ["", 7], c: [null, 0, false, "C"] };
  const picky = aio.coroutine(async function (name) {
    const pred = () => {
      const v = vals[name].shift();
      log.push(tuple("pred", name, v));
      if (name === "b" && v === "") {
        cond.notify(1);
        log.push(tuple("b notified", r(cond)));
      }
      return v;
    };
    return await cond.with(async function () {
      const res = await cond.waitFor(pred);
      log.push(tuple("got", name, res));
      return res;
    });
  });
  const ts = ["a", "b", "c"].map((n) => aio.createTask(picky(n)));
  await spin(2);
  flush("all waiting", ...ts);
  for (let i = 0; i < 5; i++) {
    await cond.with(async function () {
      cond.notify(1);
      flush(`notify 1 #${i}`, ...ts);
    });
    await spin(3);
    flush("after", ...ts);
  }
  await cond.with(async function () {
    cond.notifyAll();
  });
  await spin(3);
  flush("notify_all", ...ts);

  print("-- under wait_for() timing out while main holds the lock");
  const timed = aio.coroutine(async function (name) {
    return await cond.with(async function () {
      try {
        await aio.waitFor(cond.waitFor(() => false), 0.05);
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        log.push(tuple("timeout", name, cond.locked()));
        return "T";
      }
    });
  });
  t1 = aio.createTask(timed("t"));
  await spin(1);
  flush("waiting", t1);
  await cond.acquire();
  flush("main holds", t1);
  await aio.sleep(0.3);
  flush("deadline passed, main still holds", t1);
  cond.release();
  await spin(4);
  flush("released", t1);

  print("-- still works");
  let checks = 0;
  const counted = () => {
    checks++;
    return checks > 1 && "done";
  };
  const last = aio.coroutine(async function () {
    return await cond.with(async function () {
      return await cond.waitFor(counted);
    });
  });
  t1 = aio.createTask(last());
  await spin(2);
  await cond.with(async function () {
    cond.notify();
  });
  await spin(3);
  flush("end", t1);
});
