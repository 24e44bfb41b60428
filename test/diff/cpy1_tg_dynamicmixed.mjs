// CPython test_taskgroups.py scenarios: test_taskgroup_23, test_taskgroup_25.
// The body keeps adding children while earlier ones finish (the group's live task count, as its
// repr shows it, at each step), and children that spawn two more each until a sibling fails (the
// group cancels the whole brood). Deadlines are absolute (from t0) with 100 ms margins.
// Mixed twin: generator tasks, with the taskGroup()/timeout() bodies written as async functions.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const ZeroDivisionError = errorClass("ZeroDivisionError");
const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const until = aio.coroutine(function* until(loop, t) {
  yield* aio.sleep(t - loop.time());
});

const t23 = aio.coroutine(function* t23() {
  print("== test_taskgroup_23");
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  const doJob = aio.coroutine(function* do_job(n, end) {
    yield* until(loop, end);
    print("   job", n, "done");
  });
  let tg;
  yield* aio.taskGroup(async function (g) {
    tg = g;
    for (let count = 0; count < 4; count++) {
      await until(loop, t0 + 0.2 * (count + 1));
      print("  step", count, R(g));
      g.createTask(doJob(count, t0 + 0.2 * (count + 1) + 0.3));
      print("  created", R(g));
    }
    await until(loop, t0 + 1.2);
    print("  body ends", R(g));
  });
  print("  group exited", R(tg));
});

const t25 = aio.coroutine(function* t25() {
  print("== test_taskgroup_25");
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  let nhydras = 0;
  let cancelled = 0;
  // (The body is not named hydra: inside it, that name would be the bare function, not the coroutine function.)
  const hydra = aio.coroutine(function* hydraBody(g, gen) {
    nhydras += 1;
    try {
      yield* until(loop, t0 + 0.2 * (gen + 1));
    } catch (e) {
      if (isCancel(e)) cancelled += 1;
      throw e;
    }
    g.createTask(hydra(g, gen + 1));
    g.createTask(hydra(g, gen + 1));
  });
  const hercules = aio.coroutine(function* hercules() {
    let k = 0;
    while (nhydras < 10) {
      yield* until(loop, t0 + 0.1 + 0.2 * k);
      print("  hercules", "sees", nhydras);
      k += 1;
    }
    throw new ZeroDivisionError("division by zero");
  });
  try {
    yield* aio.taskGroup(async function (g) {
      g.createTask(hydra(g, 0));
      g.createTask(hercules());
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  ExceptionGroup", repr(str(eg)), eg.errors.map((e) => e.name));
  }
  print("  nhydras", nhydras, "cancelled", cancelled);
});

await aio.run(function* main() {
  for (const f of [t23, t25]) yield* aio.createTask(f());
});
