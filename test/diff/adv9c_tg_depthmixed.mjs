import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A TaskGroup entered in a task's coroutine, with the group passed down three levels of directly
// awaited coroutines; each level adds a child, then awaits the next level (the deepest loops),
// each with except CancelledError and a finally clause that awaits (level 2's also tries to add
// a late child: accepted while the group runs, refused with RuntimeError once it aborts). One
// child fails (w1 or w3) or none does, and the task is cancelled from outside after k
// iterations for every k until it finishes first. Trace: the order of children steps, body
// levels and cleanups, the group's error, what the task ends with, cancelling().
// Mixed: the levels and the children are async functions; the group's body and the task's
// coroutine are generators.

const log = [];
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();

const worker = aio.coroutine(async function worker(name, steps, fail) {
  L("    child", name, "start");
  try {
    for (let i = 0; i < steps; i++) {
      await aio.sleep(0);
      if (fail && i === 1) {
        L("    child", name, "raises");
        throw new ValueError(name);
      }
    }
    L("    child", name, "returns");
    return name;
  } catch (e) {
    if (e instanceof aio.CancelledError) L("    child", name, "cancelled", repr(str(e)));
    throw e;
  }
});

const spawn = aio.coroutine(async function spawn(tg, depth, plan) {
  const name = `w${depth}`;
  tg.createTask(worker(name, depth + 2, plan.fail === name), { name });
  try {
    let r;
    await aio.sleep(0);
    if (depth > 1) {
      r = await spawn(tg, depth - 1, plan);
    } else {
      r = 0;
      for (let j = 0; j < 4; j++) {
        await aio.sleep(0);
        r += 1;
      }
    }
    L("  level", depth, "got", r);
    return r + depth * 10;
  } catch (e) {
    if (e instanceof aio.CancelledError) L("  level", depth, "cancelled", repr(str(e)), `c=${cnt()}`);
    throw e;
  } finally {
    if (depth === 2) {
      try {
        tg.createTask(worker("late", 1, false), { name: "late" });
        L("  level 2 added a late child");
      } catch (e) {
        if (!(e instanceof aio.RuntimeError)) throw e;
        L("  level 2 refused:", str(e));
      }
    }
    await aio.sleep(0);
    L("  level", depth, `finally done c=${cnt()}`);
  }
});

const top = aio.coroutine(function* top(plan) {
  try {
    const r = yield* aio.taskGroup(function* (tg) {
      const r = yield* spawn(tg, 3, plan);
      L(" body got", r);
      return r;
    });
    L(` group done c=${cnt()}`);
    return r;
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) {
      L(" group error", e.name, repr(str(e)), e.errors.map((x) => repr(x)), `c=${cnt()}`);
      return "eg";
    }
    if (e instanceof aio.CancelledError) L(" top cancelled", repr(str(e)), `c=${cnt()}`);
    throw e;
  }
});

const one = aio.coroutine(function* one(plan, k) {
  log.length = 0;
  const t = aio.createTask(top(plan), { name: "top" });
  if (k !== null) {
    for (let j = 0; j < k; j++) yield* aio.sleep(0);
    if (t.done()) return false;
    t.cancel("ext");
  }
  let out;
  try {
    out = `result ${repr(yield* t)}`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    out = `CancelledError ${repr(str(e))}`;
  }
  print("fail", plan.fail, "cancel at", k, "->", out, "cancelling", t.cancelling());
  for (const line of log) print("   ", line);
  yield* aio.sleep(0);
  return true;
});

await aio.run(function* main() {
  for (const fail of [null, "w1", "w3"]) {
    const plan = { fail };
    yield* one(plan, null);
    let k = 0;
    while (yield* one(plan, k)) k += 1;
    print("finished before cancel at", k);
  }
});
