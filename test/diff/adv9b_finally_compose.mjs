import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// Errors raised from finally blocks (and except handlers) while a task is being cancelled, in
// every composition: which exception wins, what the composition raises, the task's state
// (exception(), result(), cancelling()) and that the loop goes on. Cases: a plain task whose
// finally raises (with and without awaiting first), one cancelled again while its finally
// waits, one whose finally returns, nested finallys, a gather cancelled while a child's finally
// raises, timeout() and waitFor() expiring into a raising finally, a TaskGroup whose sibling's
// cleanup raises, a shield whose awaiting task's finally raises, and asCompleted.

const AppError = errorClass("AppError", ValueError);
const Boom = errorClass("Boom");

function state(label, t) {
  const out = [label, "done", t.done(), "cancelled", t.cancelled(), "cancelling", t.cancelling()];
  for (const name of ["exception", "exception", "result"]) {
    try {
      out.push(name, repr(t[name]()));
    } catch (e) {
      out.push(name + "!", repr(e));
    }
  }
  print(...out);
}

const ticks = aio.coroutine(function* ticks(n = 4) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const raiseInFinally = aio.coroutine(function* raise_in_finally(msg) {
  try {
    yield* aio.sleep(10);
  } finally {
    print("  finally of", msg);
    throw new AppError(msg);
  }
});

const awaitThenRaise = aio.coroutine(function* await_then_raise(msg) {
  try {
    yield* aio.sleep(10);
  } finally {
    yield* aio.sleep(0);
    print("  finally awaited, raising", msg);
    throw new Boom(msg);
  }
});

const recancelInFinally = aio.coroutine(function* recancel_in_finally() {
  try {
    yield* aio.sleep(10);
  } finally {
    print("  c finally waits");
    yield* aio.sleep(10);
    print("  c never here");
  }
});

const returnInFinally = aio.coroutine(function* return_in_finally() {
  try {
    yield* aio.sleep(10);
  } finally {
    // eslint-disable-next-line no-unsafe-finally
    return "swallowed";
  }
});

const nestedFinally = aio.coroutine(function* nested_finally() {
  try {
    try {
      yield* aio.sleep(10);
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      throw new AppError("inner finally");
    }
  } finally {
    print("  outer finally runs");
    // eslint-disable-next-line no-unsafe-finally
    throw new Boom("outer finally");
  }
});

const handlerRaises = aio.coroutine(function* handler_raises() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  handler caught", repr(e));
    throw new aio.RuntimeError("from handler");
  } finally {
    print("  handler finally");
  }
});

const resists = aio.coroutine(function* resists() {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  resisting", repr(e));
  }
  return "resisted";
});

const drive = aio.coroutine(function* drive(label, fn, ...cancels) {
  const t = aio.getRunningLoop().createTask(fn(), { name: label });
  yield* aio.sleep(0);
  for (const msg of cancels) {
    print(label, "cancel", repr(msg), "->", t.cancel(msg));
    yield* aio.sleep(0);
  }
  yield* ticks();
  state(label, t);
  try {
    print(label, "await ->", repr(yield* t));
  } catch (e) {
    print(label, "await raised", repr(e));
  }
});

const main = aio.coroutine(function* main() {
  yield* drive("a", () => raiseInFinally("fin a"), "m-a");
  yield* drive("b", () => awaitThenRaise("fin b"), "m-b");
  yield* drive("c", recancelInFinally, "first", "second");
  yield* drive("d", returnInFinally, "m-d");
  yield* drive("e", nestedFinally, null);
  yield* drive("f", handlerRaises, "m-f");
  yield* drive("g", resists, "m-g");

  // gather cancelled: one child's finally raises, the other is cancelled normally
  const g1 = aio.ensureFuture(raiseInFinally("gather child"));
  const g2 = aio.ensureFuture(aio.sleep(10));
  let gat = aio.gather(g1, g2);
  yield* aio.sleep(0);
  print("gather cancel ->", gat.cancel("gm"));
  try {
    yield* gat;
  } catch (e) {
    print("gather raised", repr(e));
  }
  print("gather cancelled", gat.cancelled(), "g1", repr(g1.exception()), "g2 cancelled", g2.cancelled());

  // gather(returnExceptions: true) cancelled the same way
  const h1 = aio.ensureFuture(raiseInFinally("rx child"));
  const h2 = aio.ensureFuture(aio.sleep(10));
  gat = aio.gather(h1, h2, { returnExceptions: true });
  yield* aio.sleep(0);
  print("gather rx cancel ->", gat.cancel("rxm"));
  try {
    print("gather rx ->", repr(yield* gat));
  } catch (e) {
    print("gather rx raised", repr(e));
  }

  // timeout() expiring into a finally that raises
  const task = aio.currentTask();
  let cm;
  try {
    yield* aio.timeout(0.01, function* (c) {
      cm = c;
      yield* raiseInFinally("timeout body");
    });
  } catch (e) {
    print("timeout raised", repr(e), "expired", cm.expired(), "cancelling", task.cancelling());
  }
  // timeout() expiring into a finally that awaits and then raises
  try {
    yield* aio.timeout(0.01, function* (c) {
      cm = c;
      yield* awaitThenRaise("timeout body 2");
    });
  } catch (e) {
    print("timeout raised", repr(e), "expired", cm.expired(), "cancelling", task.cancelling());
  }

  // waitFor expiring, the inner's finally raises
  try {
    yield* aio.waitFor(raiseInFinally("wait_for inner"), 0.01);
  } catch (e) {
    print("wait_for raised", repr(e), "cancelling", task.cancelling());
  }
  try {
    yield* aio.waitFor(awaitThenRaise("wait_for inner 2"), 0.01);
  } catch (e) {
    print("wait_for raised", repr(e), "cancelling", task.cancelling());
  }

  // TaskGroup: one child fails, its sibling's cleanup raises
  const failSoon = aio.coroutine(function* fail_soon() {
    yield* aio.sleep(0);
    throw new AppError("tg first");
  });
  try {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(failSoon(), { name: "tg1" });
      tg.createTask(raiseInFinally("tg sibling"), { name: "tg2" });
      tg.createTask(awaitThenRaise("tg sibling 2"), { name: "tg3" });
      tg.createTask(aio.sleep(10), { name: "tg4" });
    });
  } catch (e) {
    print("tg raised", rep(e), "cancelling", task.cancelling());
    print("tg str", e.message);
  }

  // shield: the awaiting task is cancelled and its finally raises; the inner goes on
  const inner = aio.ensureFuture(aio.sleep(0.05, "inner ok"));
  const shielded = aio.coroutine(function* shielded() {
    try {
      return yield* aio.shield(inner);
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      throw new Boom("shielded finally");
    }
  });
  yield* drive("s", shielded, "sm");
  print("inner result", yield* inner);

  // asCompleted: the consumer is cancelled, its finally raises
  const consumer = aio.coroutine(function* consumer() {
    try {
      for (const f of aio.asCompleted([aio.sleep(10)])) yield* f;
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      throw new AppError("consumer finally");
    }
  });
  yield* drive("ac", consumer, "acm");
  yield* ticks();
  print("loop still runs", yield* aio.sleep(0, "yes"));
});

await aio.run(main);
