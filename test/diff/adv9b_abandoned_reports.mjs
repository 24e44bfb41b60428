import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// Work that compositions abandon and that fails afterwards: asCompleted() timing out (the
// tasks it made from coroutines go on; their later failures are never retrieved), wait() with a
// timeout (the pending task fails later), gather() whose first error was raised while a sibling
// fails later (gather retrieves it), waitFor() whose awaiting task is cancelled while the inner
// resists and fails later (the waiter ends cancelled, the inner's error is never retrieved),
// shield() whose awaiting task is cancelled and whose inner task fails later (the outer's
// cancellation unhooked the inner: never retrieved), TaskGroup children failing during the
// abort (collected). What each composition raised, and the reports (message, context keys,
// exception, kind and name of the object), printed sorted at the end.

const reports = [];

const AppError = errorClass("AppError", ValueError);

function handler(loop, ctx) {
  const obj = ctx.future ?? ctx.task;
  // asCompleted() wraps its coroutines in tasks in set order in asyncio: their default names vary
  const name = obj instanceof aio.Task ? obj.getName().replace(/^Task-\d+$/, "Task-?") : null;
  const kind = obj instanceof aio.Task ? "Task" : obj instanceof aio.GatheringFuture ? "_GatheringFuture" : "Future";
  reports.push(tuple(ctx.message, Object.keys(ctx).sort(), rep(ctx.exception), kind, name));
}

const failAfter = aio.coroutine(function* fail_after(delay, msg) {
  yield* aio.sleep(delay);
  throw new AppError(msg);
});

const resistThenFail = aio.coroutine(function* resist_then_fail(msg) {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  resisting", repr(e));
    yield* aio.sleep(0.05);
    throw new AppError(msg);
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);
  const me = aio.currentTask();

  print("as_completed with a timeout:");
  const got = [];
  try {
    for (const f of aio.asCompleted([aio.sleep(0.01, "fast"), failAfter(0.2, "ac slow"), failAfter(0.25, "ac slower")], { timeout: 0.1 })) {
      got.push(yield* f);
    }
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  raised", repr(e), "after", got);
  }

  print("wait with a timeout:");
  const w1 = loop.createTask(failAfter(0.01, "wait quick"), { name: "w-quick" });
  const w2 = loop.createTask(failAfter(0.2, "wait slow"), { name: "w-slow" });
  const [done, pending] = yield* aio.wait([w1, w2], { timeout: 0.1 });
  print("  done", [...done].map((t) => t.getName()).sort(), "pending", [...pending].map((t) => t.getName()).sort());
  print("  quick exception", repr(w1.exception()));

  print("gather, first error raised, a sibling fails later:");
  try {
    yield* aio.gather(failAfter(0.01, "gather first"), failAfter(0.1, "gather later"));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("  raised", repr(e));
  }

  print("wait_for, the awaiting task cancelled, the inner resists and fails:");
  const inner = loop.createTask(resistThenFail("wait_for inner"), { name: "wf-inner" });
  const waiter = aio.coroutine(function* waiter() {
    return yield* aio.waitFor(inner, 10);
  });
  const wt = loop.createTask(waiter(), { name: "wf-outer" });
  yield* aio.sleep(0.01);
  print("  cancel ->", wt.cancel("stop"));
  try {
    yield* wt;
  } catch (e) {
    print("  waiter raised", repr(e), "cancelled", wt.cancelled());
  }

  print("shield, the awaiting task cancelled, the inner fails later:");
  const sInner = loop.createTask(failAfter(0.1, "shield inner"), { name: "sh-inner" });
  const shielder = aio.coroutine(function* shielder() {
    return yield* aio.shield(sInner);
  });
  const st = loop.createTask(shielder(), { name: "sh-outer" });
  yield* aio.sleep(0.01);
  print("  cancel ->", st.cancel("stop"));
  try {
    yield* st;
  } catch (e) {
    print("  shielder raised", repr(e));
  }

  print("TaskGroup children failing during the abort:");
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(failAfter(0.01, "tg first"), { name: "tg-first" });
      tg.createTask(resistThenFail("tg resister"), { name: "tg-resister" });
    });
  } catch (e) {
    if (!(e instanceof aio.ExceptionGroup)) throw e;
    print("  raised", rep(e));
  }
  if (me.cancelling()) me.uncancel();

  yield* aio.sleep(0.3);
  print("main done, cancelling", me.cancelling());
});

await aio.run(main);
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
