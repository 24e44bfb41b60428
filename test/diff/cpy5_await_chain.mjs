import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// CPython test_pep492.CoroutineTests.test_async_def_coroutines and test_types_coroutine, taken
// further: a chain of coroutines awaiting each other (a value returned up three levels, an
// exception raised up three levels and caught on the way), awaiting things that are already
// done (a coroutine that never suspends, a done future, a finished task) does not give up the
// step: a callback queued before runs only at the first real suspension; each run once in
// production mode and once in debug mode, with the same trace.

const KeyError = errorClass("KeyError");

function note(...args) {
  print("  ", ...args);
}

const leaf = aio.coroutine(function* leaf(v) {
  return v * 2;
});

const middle = aio.coroutine(function* middle(v) {
  return (yield* leaf(v)) + 1;
});

const top = aio.coroutine(function* top(v) {
  return (yield* middle(v)) * 10;
});

const leafFails = aio.coroutine(function* leaf_fails(msg) {
  throw new KeyError(msg);
});

const middleFails = aio.coroutine(function* middle_fails(msg) {
  try {
    yield* leafFails(msg);
  } finally {
    note("middle finally runs");
  }
});

const topCatches = aio.coroutine(function* top_catches(msg) {
  try {
    yield* middleFails(msg);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    note("top caught", e.name, repr(e.message));
    return "recovered";
  }
});

const main = aio.coroutine(function* main(mode) {
  const loop = aio.getRunningLoop();
  print(`== test_async_def_coroutines (${mode}): debug ${repr(loop.getDebug())}`);
  note("top(4) ->", yield* top(4));
  note("top_catches ->", yield* topCatches("k"));

  print(`== test_types_coroutine (${mode}): awaiting what is done does not suspend`);
  loop.callSoon(note, "queued callback runs");
  note("no-suspend coroutine ->", yield* leaf(21));
  const f = loop.createFuture();
  f.setResult("ready");
  note("done future ->", yield* f);
  const t = aio.createTask(leaf(5));
  yield* aio.sleep(0);
  note("finished task", t.done(), "->", yield* t);
  loop.callSoon(note, "second queued callback runs");
  note("still before it:", yield* leaf(1));
  yield* aio.sleep(0);
  note("after sleep(0)");
  return mode;
});

async function runMode(mode, debug) {
  const loop = aio.newEventLoop();
  loop.setDebug(debug);
  print("result", await loop.runUntilComplete(main(mode)));
  loop.close();
}

await runMode("production", false);
await runMode("debug", true);
