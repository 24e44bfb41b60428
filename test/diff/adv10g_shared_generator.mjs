import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// One raw generator object (a plain generator function, not a coroutine function: asyncio
// 3.11's tasks take generators) driven by more than one task. Two tasks created on the same
// generator take turns resuming it: whichever task steps it runs its body (currentTask()
// says so), the second task's first step resumes it inside the first task's await of a pending
// future, which it then waits on as well, and the task that steps it past its end gets the
// return value while the other ends with None. A second task that delegates to a generator
// another task is running (yield* it), one created on a generator advanced by hand to a
// future (its first step raises "await wasn't used with future" inside, at the yield*,
// unless that future is done by then), a task and a yield* over an exhausted generator
// (None at once), gather() given one generator twice (one task, the result twice), and a
// cancel() of one of two tasks sharing a generator: it cancels the future both wait on, so the
// task that registered first wakes first and throws the CancelledError into the generator (its
// finally runs in that task's step), and the cancelled one finds the generator finished.

let loop = null;
const it = [0];

function name() {
  const t = aio.currentTask();
  return t !== null ? t.getName() : null;
}

const clock = aio.coroutine(function* (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    yield* aio.sleep(0);
  }
});

function* body(tag, futs) {
  print("  ", tag, "starts in", name());
  try {
    const total = [];
    for (const [i, f] of futs.entries()) {
      let r;
      try {
        r = yield* f;
      } catch (e) {
        if (!(e instanceof aio.RuntimeError)) throw e;
        print("  ", tag, "round", i, "RuntimeError", repr(e.message), "in", name());
        continue;
      }
      print("  ", tag, "round", i, "got", repr(r), "in", name());
      total.push(r);
    }
    print("  ", tag, "returns in", name());
    return total;
  } finally {
    print("  ", tag, "finally in", name());
  }
}

function* delegate(tag, g) {
  print("  ", tag, "delegates in", name());
  const r = yield* g;
  print("  ", tag, "delegate got", repr(r), "in", name());
  return tuple("via", r);
}

function settle(f, v) {
  print("  settle", v);
  f.setResult(v);
}

const outcome = aio.coroutine(function* (t) {
  try {
    const r = yield* t;
    print(t.getName(), "result", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(t.getName(), "cancelled");
    else print(t.getName(), "failed", e.constructor.name, repr(e.message));
  }
});

await aio.run(function* () {
  loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);

  print("== two tasks on one generator");
  let futs = [0, 1, 2].map(() => loop.createFuture());
  let g = body("g1", futs);
  let a = aio.createTask(g, { name: "A" });
  let b = aio.createTask(g, { name: "B" });
  print("same coro", a.getCoro() === b.getCoro());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  for (const [i, f] of futs.entries()) {
    loop.callSoon(settle, f, `v${i}`);
    yield* aio.sleep(0);
    yield* aio.sleep(0);
  }
  yield* outcome(a);
  yield* outcome(b);

  print("== a task delegating to a generator another task runs");
  futs = [0, 1].map(() => loop.createFuture());
  g = body("g2", futs);
  a = aio.createTask(g, { name: "A2" });
  yield* aio.sleep(0);
  const d = aio.createTask(delegate("d", g), { name: "D2" });
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  for (const [i, f] of futs.entries()) {
    loop.callSoon(settle, f, `w${i}`);
    yield* aio.sleep(0);
    yield* aio.sleep(0);
  }
  yield* outcome(a);
  yield* outcome(d);

  print("== a task on a generator advanced by hand");
  for (const doneFirst of [false, true]) {
    futs = [0, 1].map(() => loop.createFuture());
    g = body("g3", futs);
    const first = g.next().value;
    print("advanced by hand, yielded futs[0]:", first === futs[0]);
    if (doneFirst) futs[0].setResult("early");
    const t = aio.createTask(g, { name: "H" + (doneFirst ? "True" : "False") });
    yield* aio.sleep(0);
    loop.callSoon(settle, futs[1], "late");
    yield* outcome(t);
  }

  print("== exhausted generators");
  g = body("g4", []);
  print("drained", [...g]);
  let t = aio.createTask(g, { name: "E" });
  yield* outcome(t);
  t = aio.createTask(delegate("e", g), { name: "E2" });
  yield* outcome(t);

  print("== gather given one generator twice");
  futs = [loop.createFuture()];
  g = body("g5", futs);
  const gf = aio.gather(g, g);
  loop.callSoon(settle, futs[0], "once");
  print("gather ->", yield* gf);

  print("== one of the two tasks cancelled");
  futs = [0, 1].map(() => loop.createFuture());
  g = body("g6", futs);
  a = aio.createTask(g, { name: "A6" });
  b = aio.createTask(g, { name: "B6" });
  yield* aio.sleep(0);
  print("cancel B6 ->", b.cancel("off"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("futs[0] cancelled", futs[0].cancelled());
  yield* outcome(b);
  yield* outcome(a);
  futs[1].cancel();

  stop.setResult(null);
  yield* ck;
  print("end at iteration", it[0]);
});
