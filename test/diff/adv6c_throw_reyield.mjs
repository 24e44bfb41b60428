import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";

// Exceptions delivered into a coroutine three levels deep through the futures it awaits: each
// level catches its own kind and suspends again (the innermost retries on ValueError, the
// middle one on KeyError, the outer one on a CancelledError that came from a cancelled future,
// not from a cancelled task: cancelling() stays 0); other kinds pass through. A future failed
// with a CancelledError instance, an exception replaced in an except clause, one exception
// object delivered to three waiters at once (the same object each time), and a return value
// carried up after the rounds. Then a real cancel() of the task in the middle of a round, and
// one in the very step that completes the awaited future (what it carried is never seen).

const KeyError = errorClass("KeyError");
const OverflowError = errorClass("OverflowError");
const LookupError = errorClass("LookupError");

let loop = null;
const feeds = [];

function log(...a) {
  print("   ", ...a);
}

const inner = aio.coroutine(function* (tag) {
  let tries = 0;
  for (;;) {
    const fut = loop.createFuture();
    feeds.push(fut);
    try {
      const v = yield* fut;
      log(tag, "inner got", repr(v), "after", tries, "retries");
      return v;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      tries += 1;
      log(tag, "inner caught ValueError", repr(str(e)), "retrying");
    }
  }
});

const middle = aio.coroutine(function* (tag) {
  for (;;) {
    try {
      return "m(" + (yield* inner(tag)) + ")";
    } catch (e) {
      if (e instanceof KeyError) {
        log(tag, "middle caught KeyError", str(e), "retrying");
      } else if (e instanceof OverflowError) {
        log(tag, "middle replaces OverflowError", repr(str(e)));
        throw new LookupError("replaced: " + str(e));
      } else {
        throw e;
      }
    }
  }
});

const outer = aio.coroutine(function* (tag) {
  let rounds = 0;
  for (;;) {
    rounds += 1;
    try {
      const r = yield* middle(tag);
      log(tag, "outer got", repr(r), "in round", rounds);
      return "o(" + r + ")";
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      const t = aio.currentTask();
      log(tag, "outer caught CancelledError", repr(str(e)), "cancelling", t.cancelling());
      if (t.cancelling()) throw e;
    }
  }
});

const drive = aio.coroutine(function* (plan, tag) {
  const t = aio.createTask(outer(tag), { name: tag });
  for (const what of plan) {
    yield* aio.sleep(0);
    const f = feeds.pop();
    print(tag, "feed", what);
    if (what === "value") f.setException(new ValueError("v"));
    else if (what === "key") f.setException(new KeyError("'k'"));
    else if (what === "cancel-fut") f.cancel("fut-msg");
    else if (what === "cancelled-exc") f.setException(new aio.CancelledError("as-exception"));
    else if (what === "overflow") f.setException(new OverflowError("o"));
    else if (what === "cancel-task") print(tag, "cancel ->", t.cancel("task-msg"));
    else if (what === "value+cancel") {
      f.setException(new ValueError("never seen"));
      print(tag, "cancel ->", t.cancel("same-step"), "cancelling", t.cancelling());
    } else if (what === "result+cancel") {
      f.setResult("never seen");
      print(tag, "cancel ->", t.cancel("same-step"), "cancelling", t.cancelling());
    } else if (what.startsWith("result")) f.setResult(what);
    if (what === "cancel-task") feeds.push(f);
  }
  try {
    print(tag, "result", repr(yield* t));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(tag, "CancelledError", repr(str(e)), "cancelled", t.cancelled());
    else print(tag, "failed", e.name, repr(str(e)));
  }
  feeds.length = 0;
});

const waiter = aio.coroutine(function* (name, fut, seen) {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    seen.push(e);
    log(name, "got", repr(str(e)));
    try {
      yield* aio.sleep(0);
      throw e;
    } catch (e2) {
      if (!(e2 instanceof ValueError)) throw e2;
      log(name, "re-raised, same object", e2 === e);
    }
  }
  return name;
});

await aio.run(function* () {
  loop = aio.getRunningLoop();
  print("== retries at each level, then a result");
  yield* drive(["value", "key", "value", "cancel-fut", "value", "result-1"], "A");
  print("== a future failed with a CancelledError instance");
  yield* drive(["cancelled-exc", "key", "result-2"], "B");
  print("== an exception replaced on its way up");
  yield* drive(["value", "overflow"], "C");
  print("== a real cancel() mid-way");
  yield* drive(["key", "cancel-task"], "D");
  print("== cancel() in the step that fails the awaited future: the ValueError is never seen");
  yield* drive(["value", "value+cancel"], "E");
  print("== cancel() in the step that sets its result: the result is never seen");
  yield* drive(["key", "result+cancel"], "F");

  print("== one exception object, three waiters");
  const f = loop.createFuture();
  const seen = [];
  const ws = [0, 1, 2].map((i) => aio.createTask(waiter(`w${i}`, f, seen)));
  yield* aio.sleep(0);
  const exc = new ValueError("shared");
  f.setException(exc);
  print("gathered", yield* aio.gather(...ws));
  print("all the same object", seen.every((e) => e === exc), seen.length);
  print("the loop goes on:", yield* aio.sleep(0, "ok"));
});
