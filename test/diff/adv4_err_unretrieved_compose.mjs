import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Which exceptions composition leaves unretrieved (reported as "... exception was never
// retrieved") and which it retrieves: gather(returnExceptions: false) never awaited (the outer
// _GatheringFuture is reported, its children are not), a gather outer cancelled whose child
// turns the cancellation into an error (outer and child), gather whose later children fail
// after the first error; shield whose inner fails after the outer was cancelled; waitFor
// cancelled from outside while its inner turns the cancellation into an error; waitFor timing
// out on such an inner (the error propagates); asCompleted abandoned after the first result;
// wait(FIRST_EXCEPTION) leaving a later failure. Python reports when the objects are collected,
// aionode at the latest when the loop closes; reports are sorted.

const reports = [];
let keep = [];

function handler(loop, context) {
  const exc = context.exception;
  const fut = context.future;
  const kind = fut instanceof aio.Task ? "Task" : fut instanceof aio.GatheringFuture ? "_GatheringFuture" : fut.constructor.name;
  reports.push(tuple(context.message, Object.keys(context).sort(), exc.name, exc.message, kind, fut instanceof aio.Task ? fut.getName() : null));
}

const fails = aio.coroutine(function* fails(msg, ticks = 1) {
  for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
  throw new ValueError(msg);
});
const holdout = aio.coroutine(function* holdout(msg, delay = 1) {
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    yield* aio.sleep(0);
    throw new ValueError(msg);
  }
  return "not cancelled";
});

// a few loop iterations, independent of the machine's speed
const settle = aio.coroutine(function* settle(n = 12) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const main = aio.coroutine(function* main() {
  const lp = aio.getRunningLoop();
  // a
  keep.push(aio.gather(lp.createTask(fails("gather a", 1), { name: "a1" }), lp.createTask(aio.sleep(0, "ok"), { name: "a2" })));
  yield* settle();
  print("a: done");
  // b
  const b1 = lp.createTask(holdout("gather b holdout"), { name: "b1" });
  const b2 = lp.createTask(aio.sleep(1), { name: "b2" });
  const gb = aio.gather(b1, b2);
  yield* aio.sleep(0);
  print("b: cancel ->", gb.cancel());
  yield* settle();
  print("b: outer done", gb.done(), "cancelled", gb.cancelled(), "b2 cancelled", b2.cancelled());
  keep.push(gb);
  // c
  try {
    yield* aio.gather(fails("c first", 1), fails("c second", 2), fails("c third", 3));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("c: raised", e.message);
  }
  yield* settle();
  // d
  const dInner = lp.createTask(fails("shield d", 3), { name: "d-inner" });
  const shielded = aio.coroutine(function* shielded() {
    return yield* aio.shield(dInner);
  });
  const dt = lp.createTask(shielded(), { name: "d-outer" });
  yield* aio.sleep(0);
  print("d: cancel ->", dt.cancel());
  yield* settle();
  print("d: outer cancelled", dt.cancelled(), "inner done", dInner.done());
  keep.push(dInner, dt);
  // e
  const eInner = lp.createTask(holdout("wait_for e"), { name: "e-inner" });
  const waitsFor = aio.coroutine(function* waits_for() {
    return yield* aio.waitFor(eInner, 10);
  });
  const et = lp.createTask(waitsFor(), { name: "e-outer" });
  yield* aio.sleep(0);
  print("e: cancel ->", et.cancel());
  yield* settle();
  print("e: outer cancelled", et.cancelled(), "inner done", eInner.done());
  keep.push(eInner, et);
  // f
  try {
    yield* aio.waitFor(holdout("wait_for f"), 0.001);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("f: raised", e.message);
  }
  // g
  const g1 = lp.createTask(fails("ac g1", 1), { name: "g1" });
  const g2 = lp.createTask(fails("ac g2", 2), { name: "g2" });
  for (const f of aio.asCompleted([g1, g2])) {
    try {
      yield* f;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("g: first", e.message);
    }
    break;
  }
  yield* settle();
  keep.push(g1, g2);
  // h
  const h1 = lp.createTask(fails("wait h1", 1), { name: "h1" });
  const h2 = lp.createTask(fails("wait h2", 3), { name: "h2" });
  const [done, pending] = yield* aio.wait([h1, h2], { returnWhen: aio.FIRST_EXCEPTION });
  print("h: done", [...done].map((t) => t.getName()), "pending", [...pending].map((t) => t.getName()));
  print("h: h1 exception", repr(h1.exception()));
  yield* settle();
  keep.push(h1, h2);
  print("main done");
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
keep = [];
loop.close();
aio.setEventLoop(null);
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
