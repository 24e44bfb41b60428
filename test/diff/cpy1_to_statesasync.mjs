// CPython test_timeouts.py scenarios: test_reschedule, test_repr_active, test_repr_expired,
// test_repr_finished, test_repr_disabled, test_timeout_finished, test_timeout_expired,
// test_timeout_expiring, test_timeout_without_task.
// when() and reschedule() from another task while the block waits; the repr in each state;
// reschedule() refused once the timeout is finished, expired or expiring (the message names the
// state); a timeout entered outside any task (driven by hand from a loop callback).
import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

function tryReschedule(cm, when) {
  try {
    cm.reschedule(when);
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  RuntimeError", str(e));
  }
}

const tReschedule = aio.coroutine(async function t_reschedule() {
  print("== test_reschedule");
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  const deadline1 = loop.time() + 10;
  const deadline2 = deadline1 + 20;
  const f = aio.coroutine(async function f() {
    await aio.timeoutAt(deadline1, async function (cm) {
      fut.setResult(cm);
      await aio.sleep(50);
    });
  });
  const task = aio.createTask(f());
  const cm = await fut;
  print("  when is deadline1", cm.when() === deadline1);
  cm.reschedule(deadline2);
  print("  when is deadline2", cm.when() === deadline2);
  cm.reschedule(null);
  print("  when", cm.when(), R(cm));
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  task CancelledError; cancelled", task.cancelled());
  }
  print("  expired", cm.expired(), R(cm));
});

const tReprActive = aio.coroutine(async function t_repr_active() {
  print("== test_repr_active");
  await aio.timeout(10, async function (cm) {
    print("  matches", /^<Timeout \[active\] when=\d+\.\d*>$/.test(R(cm)));
  });
});

const tReprExpired = aio.coroutine(async function t_repr_expired() {
  print("== test_repr_expired");
  let cm;
  try {
    await aio.timeout(0.1, async function (t) {
      cm = t;
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  print(" ", R(cm));
});

const tReprFinished = aio.coroutine(async function t_repr_finished() {
  print("== test_repr_finished");
  let cm;
  await aio.timeout(10, async function (t) {
    cm = t;
    await aio.sleep(0);
  });
  print(" ", R(cm));
});

const tReprDisabled = aio.coroutine(async function t_repr_disabled() {
  print("== test_repr_disabled");
  await aio.timeout(null, async function (cm) {
    print(" ", R(cm));
  });
});

const tFinished = aio.coroutine(async function t_finished() {
  print("== test_timeout_finished");
  let cm;
  await aio.timeout(0.1, async function (t) {
    cm = t;
  });
  tryReschedule(cm, 0.2);
});

const tExpired = aio.coroutine(async function t_expired() {
  print("== test_timeout_expired");
  let cm;
  try {
    await aio.timeout(0.1, async function (t) {
      cm = t;
      await aio.sleep(1);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  TimeoutError");
  }
  tryReschedule(cm, 0.2);
});

const tExpiring = aio.coroutine(async function t_expiring() {
  print("== test_timeout_expiring");
  let cm;
  await aio.timeout(0.1, async function (t) {
    cm = t;
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  CancelledError;", R(cm), "expired", cm.expired());
    }
    tryReschedule(cm, 0.2);
  });
  print("  block ended without TimeoutError;", R(cm), "cancelling", aio.currentTask().cancelling());
});

const tWithoutTask = aio.coroutine(async function t_without_task() {
  print("== test_timeout_without_task");
  const loop = aio.getRunningLoop();
  const box = [];
  const body = aio.coroutine(async function body(cm) {});
  const func = () => {
    // Drive the timeout by hand from a loop callback: no current task.
    try {
      const it = aio.timeout(0.1, body)[Symbol.iterator]();
      while (!it.next().done);
    } catch (e) {
      box.push(e);
    }
  };
  loop.callSoon(func);
  await aio.sleep(0);
  const e = box[0];
  print("  raised", e.name, str(e));
});

await aio.run(async function main() {
  for (const f of [tReschedule, tReprActive, tReprExpired, tReprFinished, tReprDisabled, tFinished, tExpired, tExpiring, tWithoutTask]) {
    await aio.createTask(f());
  }
});
