import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// waitFor() (3.11's, not built on timeout()) over a task that does not give in to the
// cancellation the timeout sends: it returns a value late (waitFor returns it, no
// TimeoutError), raises another error (that error comes out), resists several requests, or
// uncancel()s itself. Timeout 0 against a task that has not started (cancelled before its first
// step: no chance to resist) and one that has. The caller cancelled while waitFor waits for the
// cancellation to finish (the CancelledError comes out at once and the holdout runs on), and the
// caller cancelled before the timeout (the holdout's value is dropped, the caller's request
// wins). cancelling() of both sides throughout.

const log = print;

const holdout = aio.coroutine(function* holdout(label, mode, pause = 0.1) {
  const me = aio.currentTask();
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    log("   ", label, "holdout caught", repr(str(e)), "cancelling", me.cancelling());
    if (mode === "uncancel") log("   ", label, "uncancel ->", me.uncancel());
    if (mode === "raise") throw new ValueError("holdout " + label);
    if (mode === "rounds") {
      for (let i = 0; i < 2; i++) {
        try {
          yield* aio.sleep(pause);
        } catch (e2) {
          if (!(e2 instanceof aio.CancelledError)) throw e2;
          log("   ", label, "round", i, "caught again", repr(str(e2)), "cancelling", me.cancelling());
        }
      }
    }
    yield* aio.sleep(pause);
    log("   ", label, "holdout returns, cancelling", me.cancelling());
    return "late " + label;
  }
  return "never";
});

function outcome(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return "exception " + repr(t.exception());
  return "result " + repr(t.result());
}

const caller = aio.coroutine(function* caller(label, aw, timeout) {
  const me = aio.currentTask();
  try {
    const r = yield* aio.waitFor(aw, timeout);
    log("  ", label, "wait_for ->", repr(r), "cancelling", me.cancelling());
    return r;
  } catch (e) {
    if (e instanceof aio.TimeoutError) log("  ", label, "TimeoutError cause", e.cause.name, "cancelling", me.cancelling());
    else if (e instanceof aio.CancelledError) {
      log("  ", label, "CancelledError", repr(str(e)), "cancelling", me.cancelling());
      throw e;
    } else if (e instanceof ValueError) log("  ", label, "ValueError", repr(str(e)), "cancelling", me.cancelling());
    else throw e;
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  for (const mode of ["return", "raise", "uncancel", "rounds"]) {
    print("-- holdout", mode);
    const h = aio.createTask(holdout(mode, mode));
    const c = aio.createTask(caller(mode, h, 0.05));
    yield* c;
    print("  h", outcome(h), "cancelling", h.cancelling());
  }

  print("-- timeout 0, holdout not started");
  let h = aio.createTask(holdout("t0-new", "return"));
  yield* caller("t0-new", h, 0);
  print("  h", outcome(h), "cancelling", h.cancelling());

  print("-- timeout 0, holdout started");
  h = aio.createTask(holdout("t0-started", "return", 0.02));
  yield* aio.sleep(0);
  yield* caller("t0-started", h, 0);
  print("  h", outcome(h), "cancelling", h.cancelling());

  print("-- timeout -1 over a coroutine");
  yield* caller("neg-coro", holdout("neg-coro", "return"), -1);

  print("-- caller cancelled while wait_for waits for the holdout");
  h = aio.createTask(holdout("mid", "return", 0.3));
  let c = aio.createTask(caller("mid", h, 0.05));
  loop.callLater(0.15, () => print("  cancel caller ->", c.cancel("stop mid")));
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  caller ended cancelled", repr(str(e)), "h", outcome(h), "cancelling", h.cancelling());
  }
  yield* h;
  print("  h", outcome(h));

  print("-- caller cancelled before the timeout");
  h = aio.createTask(holdout("early", "return", 0.1));
  c = aio.createTask(caller("early", h, 5));
  yield* aio.sleep(0.02);
  print("  cancel caller ->", c.cancel("stop early"), "cancelling", c.cancelling());
  yield* aio.sleep(0);
  print("  after one iteration: caller", outcome(c), "h cancelling", h.cancelling());
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  caller ended cancelled", repr(str(e)), "h", outcome(h));
  }

  print("-- caller cancelled twice before the timeout, holdout raises");
  h = aio.createTask(holdout("twice", "raise"));
  c = aio.createTask(caller("twice", h, 5));
  yield* aio.sleep(0.02);
  print("  cancel ->", c.cancel("one"), c.cancel("two"), "cancelling", c.cancelling());
  try {
    yield* c;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  caller ended cancelled", repr(str(e)));
  }
  print("  h", outcome(h));
  print("loop goes on", yield* aio.sleep(0.001, "ok"));
});

await aio.run(main);
