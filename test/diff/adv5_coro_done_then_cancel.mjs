import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task `mid` awaits (through two inline levels) a task `inner`. A done callback on `inner`,
// registered before `mid` starts waiting, so it runs before mid's wake-up, cancels `mid` once,
// twice with two messages, or cancels and then uncancel()s it. mid's waiter is already done,
// so the request is kept for its next step: the CancelledError replaces inner's result or
// exception (the second message wins; uncancel() lowers the count but does not withdraw it).
// With the callback registered after mid waits, mid's wake-up comes first and the result
// gets through; the cancel lands at mid's next await.

class AppError extends Error { constructor(m) { super(m ?? ""); this.name = "AppError"; } }

const innerBody = aio.coroutine(function* (outcome) {
  yield* aio.sleep(0);
  if (outcome === "fail") throw new AppError("inner failed");
  if (outcome === "cancel") {
    aio.currentTask().cancel("inner cancels itself");
    yield* aio.sleep(0);
  }
  return "inner result";
});

const level = aio.coroutine(function* (i, inner) {
  try {
    let r;
    if (i === 0) r = yield* inner;
    else r = yield* level(i - 1, inner);
    print(`   L${i} got ${repr(r)}`);
    if (i === 2) {
      yield* aio.sleep(0);
      print(`   L${i} slept after the result`);
    }
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(`   L${i} CancelledError ${repr(str(e))} cancelling=${aio.currentTask().cancelling()}`);
    else if (e instanceof AppError) print(`   L${i} AppError ${repr(str(e))}`);
    throw e;
  } finally {
    print(`   L${i} finally`);
  }
});

function state(name, t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      return `${name} cancelled ${repr(str(e))} (cancelling ${t.cancelling()})`;
    }
  }
  if (t.exception() !== null) return `${name} failed ${t.exception().name} (cancelling ${t.cancelling()})`;
  return `${name} -> ${repr(t.result())} (cancelling ${t.cancelling()})`;
}

const runCase = aio.coroutine(function* (outcome, action, early) {
  print(`== inner ${outcome}, callback ${action}, registered ${early ? "before mid waits" : "after"}`);
  const inner = aio.createTask(innerBody(outcome), { name: "inner" });
  const holder = [];
  const cb = (f) => {
    const m = holder[0];
    print(`  callback: inner done, mid done=${repr(m.done())}`);
    print("  cancel ->", m.cancel("c1"), "cancelling", m.cancelling());
    if (action === "twice") print("  cancel ->", m.cancel("c2"), "cancelling", m.cancelling());
    if (action === "uncancel") print("  uncancel ->", m.uncancel());
  };
  const mid = aio.createTask(level(2, inner), { name: "mid" });
  holder.push(mid);
  if (early) {
    inner.addDoneCallback(cb);
    yield* aio.sleep(0);
  } else {
    yield* aio.sleep(0);
    inner.addDoneCallback(cb);
  }
  yield* aio.wait([mid]);
  print(" ", state("inner", inner));
  print(" ", state("mid", mid));
});

await aio.run(function* () {
  for (const early of [true, false]) {
    for (const outcome of ["result", "fail", "cancel"]) {
      for (const action of ["once", "twice", "uncancel"]) yield* runCase(outcome, action, early);
    }
  }
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
