import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";

// Compositions used inside the cleanup code of a task that is being cancelled (a finally clause
// or an except CancelledError clause): timeout() expiring there (3.11 compares cancelling() with
// the count at entry, so the expiry still becomes TimeoutError, which replaces the
// cancellation), timeout() not expiring but hit by a second cancel, waitFor timing out and
// completing, a TaskGroup whose child fails (its group replaces the cancellation) or whose
// children succeed, gather, and shield hit by a second cancel (the inner goes on). For each: what
// the composition raised or returned, cancelling() inside and after, and how the task ends.

const AppError = errorClass("AppError", ValueError);

function desc(e) {
  return `${e.name}(${repr(e.message)})`;
}

function final(label, t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      print(" ", label, "ends cancelled", desc(e), "cancelling", t.cancelling());
    }
  } else if (t.exception() !== null) {
    print(" ", label, "ends with", desc(t.exception()), "cancelling", t.cancelling());
  } else {
    print(" ", label, "ends with result", repr(t.result()), "cancelling", t.cancelling());
  }
}

const failSoon = aio.coroutine(function* fail_soon(msg) {
  yield* aio.sleep(0.01);
  throw new AppError(msg);
});

const caseTimeoutExpires = aio.coroutine(function* case_timeout_expires() {
  try {
    yield* aio.sleep(10);
  } finally {
    const me = aio.currentTask();
    print("  cleanup: cancelling", me.cancelling());
    yield* aio.timeout(0.05, function* () {
      yield* aio.sleep(1);
    });
    print("  never here");
  }
});

const caseTimeoutExpiresCaught = aio.coroutine(function* case_timeout_expires_caught() {
  try {
    yield* aio.sleep(10);
  } finally {
    const me = aio.currentTask();
    let cm;
    try {
      yield* aio.timeout(0.05, function* (c) {
        cm = c;
        yield* aio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  cleanup caught", desc(e), "expired", cm.expired(), "cancelling", me.cancelling());
    }
  }
});

const caseTimeoutUncancelled = aio.coroutine(function* case_timeout_uncancelled() {
  try {
    yield* aio.sleep(10);
  } catch (err) {
    if (!(err instanceof aio.CancelledError)) throw err;
    const me = aio.currentTask();
    print("  uncancel ->", me.uncancel());
    try {
      yield* aio.timeout(0.05, function* () {
        yield* aio.sleep(1);
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  cleanup caught", desc(e), "cancelling", me.cancelling());
    }
    throw err;
  }
});

const caseTimeoutSecondCancel = aio.coroutine(function* case_timeout_second_cancel() {
  try {
    yield* aio.sleep(10);
  } finally {
    const me = aio.currentTask();
    let cm;
    try {
      yield* aio.timeout(5, function* (c) {
        cm = c;
        yield* aio.sleep(1);
      });
    } catch (e) {
      print("  cleanup timeout raised", desc(e), "expired", cm.expired(), "cancelling", me.cancelling());
      // eslint-disable-next-line no-unsafe-finally
      throw e;
    }
  }
});

const caseWaitForTimesOut = aio.coroutine(function* case_wait_for_times_out() {
  try {
    yield* aio.sleep(10);
  } finally {
    const me = aio.currentTask();
    try {
      yield* aio.waitFor(aio.sleep(1), 0.05);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  cleanup wait_for raised", desc(e), "cause", desc(e.cause), "cancelling", me.cancelling());
    }
  }
});

const caseWaitForCompletes = aio.coroutine(function* case_wait_for_completes() {
  try {
    yield* aio.sleep(10);
  } finally {
    print("  cleanup wait_for ->", yield* aio.waitFor(aio.sleep(0.01, "quick"), 1));
  }
});

const caseGroupFails = aio.coroutine(function* case_group_fails() {
  try {
    yield* aio.sleep(10);
  } catch (err) {
    if (!(err instanceof aio.CancelledError)) throw err;
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(failSoon("cleanup child"));
      tg.createTask(aio.sleep(1));
    });
    print("  never here");
  }
});

const caseGroupOk = aio.coroutine(function* case_group_ok() {
  try {
    yield* aio.sleep(10);
  } catch (err) {
    if (!(err instanceof aio.CancelledError)) throw err;
    const me = aio.currentTask();
    let a, b;
    yield* aio.taskGroup(function* (tg) {
      a = tg.createTask(aio.sleep(0.01, "a"));
      b = tg.createTask(aio.sleep(0.02, "b"));
    });
    print("  cleanup group ->", a.result(), b.result(), "cancelling", me.cancelling());
    throw err;
  }
});

const caseGather = aio.coroutine(function* case_gather() {
  try {
    yield* aio.sleep(10);
  } finally {
    print("  cleanup gather ->", yield* aio.gather(aio.sleep(0.01, 1), aio.sleep(0, 2)));
  }
});

const shieldedInner = [];

const caseShieldSecondCancel = aio.coroutine(function* case_shield_second_cancel() {
  try {
    yield* aio.sleep(10);
  } finally {
    const inner = aio.ensureFuture(aio.sleep(0.2, "inner result"));
    shieldedInner.push(inner);
    try {
      yield* aio.shield(inner);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("  cleanup shield raised", desc(e), "inner done", inner.done());
      // eslint-disable-next-line no-unsafe-finally
      throw e;
    }
  }
});

const run = aio.coroutine(function* run(label, fn, second = null) {
  print(label);
  const t = aio.getRunningLoop().createTask(fn(), { name: label });
  yield* aio.sleep(0);
  print("  cancel ->", t.cancel("first"));
  if (second !== null) {
    yield* aio.sleep(0.02);
    print("  second cancel ->", t.cancel(second));
  }
  try {
    print("  await ->", repr(yield* t));
  } catch (e) {
    print("  await raised", desc(e));
  }
  final(label, t);
});

const main = aio.coroutine(function* main() {
  yield* run("timeout expires in finally", caseTimeoutExpires);
  yield* run("timeout expires in finally, caught", caseTimeoutExpiresCaught);
  yield* run("timeout after uncancel()", caseTimeoutUncancelled);
  yield* run("timeout in finally, second cancel", caseTimeoutSecondCancel, "second");
  yield* run("wait_for times out in finally", caseWaitForTimesOut);
  yield* run("wait_for completes in finally", caseWaitForCompletes);
  yield* run("TaskGroup fails in except", caseGroupFails);
  yield* run("TaskGroup succeeds in except", caseGroupOk);
  yield* run("gather in finally", caseGather);
  yield* run("shield in finally, second cancel", caseShieldSecondCancel, "second");
  print("shielded inner ->", yield* shieldedInner[0]);
  print("main cancelling", aio.currentTask().cancelling());
});

await aio.run(main);
