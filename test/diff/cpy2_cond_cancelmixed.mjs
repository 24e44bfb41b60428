import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Mixed twin of cpy2_cond_cancel.mjs: every with() body is an async function, the coroutines around them generators.
// CPython test_locks.py ConditionTests, cancellation and timeouts, as traces:
// test_wait_cancel, test_wait_cancel_contested, test_wait_cancel_after_notify,
// test_timeout_in_block.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("== test_wait_cancel");
  let cond = new aio.Condition();
  yield* cond.acquire();
  const wait = aio.createTask(cond.wait());
  loop.callSoon(() => wait.cancel());
  try {
    yield* wait;
    print("not cancelled?");
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("CancelledError", wait.cancelled(), cond.locked(), r(cond));
  }
  cond.release();

  print("== test_wait_cancel_contested");
  cond = new aio.Condition();
  yield* cond.acquire();
  print("locked", cond.locked());
  const waitTask = aio.createTask(cond.wait());
  yield* aio.sleep(0);
  print("waiting", cond.locked(), r(cond));
  yield* cond.acquire();
  print("contested", cond.locked(), r(cond));
  cond.notify();
  loop.callSoon(() => waitTask.cancel());
  const c2 = cond;
  loop.callSoon(() => c2.release());
  try {
    const res = yield* waitTask;
    print("wait_task result", res);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("wait_task cancelled");
  }
  print("after", cond.locked(), waitTask.done(), waitTask.cancelled(), r(cond));
  cond.release();

  print("== test_wait_cancel_after_notify");
  cond = new aio.Condition();
  const waited = [];
  const c3 = cond;
  const waitOnCond = aio.coroutine(function* () {
    yield* c3.with(async function () {
      waited.push(true);
      try {
        await c3.wait();
      } catch (e) {
        if (isCancel(e)) print("wait raised CancelledError, locked", c3.locked());
        throw e;
      }
    });
    print("unreachable?");
  });
  const waiter = aio.createTask(waitOnCond());
  yield* aio.sleep(0);
  print("waiting", r(cond));
  yield* cond.acquire();
  cond.notify();
  yield* aio.sleep(0);
  print("notified, waiter in acquire", r(cond), waiter.done());
  waiter.cancel();
  yield* aio.sleep(0);
  print("cancel activated", r(cond), waiter.done());
  cond.release();
  yield* aio.sleep(0);
  print("released", waiter.done(), waiter.cancelled(), waited, r(cond));

  print("== test_timeout_in_block");
  cond = new aio.Condition();
  const c4 = cond;
  yield* cond.with(async function () {
    const t0 = loop.time();
    try {
      await aio.waitFor(c4.wait(), 0.2);
      print("no timeout?");
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      const el = loop.time() - t0;
      print("TimeoutError", e.name, 0.19 <= el && el < 1.0, c4.locked(), r(c4));
    }
  });
  print("after block", cond.locked(), r(cond));
});
