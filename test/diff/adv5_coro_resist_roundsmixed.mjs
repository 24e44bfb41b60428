import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A four-level delegation chain whose level `at` catches CancelledError and awaits again,
// `rounds` times, while the task is cancelled once per iteration with a new message. Each
// level has a finally; the resister optionally uncancel()s. The task's cancelling() count and
// cancel()'s return after every request, what each level sees, and how the task ends.

const DEPTH = 3;
const py = (b) => (b ? "True" : "False");

// even levels are generator coroutines, odd ones async functions
const levelx = aio.coroutine(function* (i, at, rounds, uncancel, longWait) {
  // the resister may sit at any depth: levels above `at` delegate, `at` resists in its own loop
  print(`   L${i} enter`);
  try {
    if (i === at) {
      let n = 0;
      while (true) {
        try {
          let r;
          if (n > 0) {
            if (!longWait) {
              yield* aio.sleep(0);
              print(`   L${i} slept in its handler`);
            }
            yield* aio.sleep(0.2);
            r = "retry";
          } else if (i < DEPTH) {
            r = yield* levelA(i + 1, -1, rounds, uncancel, longWait);
          } else {
            yield* aio.sleep(1);
            r = "slept";
          }
          return `L${i} got ${r} after ${n}`;
        } catch (e) {
          if (!(e instanceof aio.CancelledError)) throw e;
          n += 1;
          const t = aio.currentTask();
          print(`   L${i} resists #${n} msg=${repr(str(e))} cancelling=${t.cancelling()}`);
          if (uncancel) print(`   L${i} uncancel ->`, t.uncancel());
          if (n >= rounds) {
            print(`   L${i} gives up resisting, returns`);
            return `L${i} resisted ${n}`;
          }
        }
      }
    }
    if (i < DEPTH) return `L${i}<${yield* levelA(i + 1, at, rounds, uncancel, longWait)}>`;
    yield* aio.sleep(1);
    return "bottom";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`   L${i} passes CancelledError ${repr(str(e))}`);
    throw e;
  } finally {
    print(`   L${i} finally`);
  }
});

const levelA = aio.coroutine(async function (i, at, rounds, uncancel, longWait) {
  // the resister may sit at any depth: levels above `at` delegate, `at` resists in its own loop
  print(`   L${i} enter`);
  try {
    if (i === at) {
      let n = 0;
      while (true) {
        try {
          let r;
          if (n > 0) {
            if (!longWait) {
              await aio.sleep(0);
              print(`   L${i} slept in its handler`);
            }
            await aio.sleep(0.2);
            r = "retry";
          } else if (i < DEPTH) {
            r = await levelx(i + 1, -1, rounds, uncancel, longWait);
          } else {
            await aio.sleep(1);
            r = "slept";
          }
          return `L${i} got ${r} after ${n}`;
        } catch (e) {
          if (!(e instanceof aio.CancelledError)) throw e;
          n += 1;
          const t = aio.currentTask();
          print(`   L${i} resists #${n} msg=${repr(str(e))} cancelling=${t.cancelling()}`);
          if (uncancel) print(`   L${i} uncancel ->`, t.uncancel());
          if (n >= rounds) {
            print(`   L${i} gives up resisting, returns`);
            return `L${i} resisted ${n}`;
          }
        }
      }
    }
    if (i < DEPTH) return `L${i}<${await levelx(i + 1, at, rounds, uncancel, longWait)}>`;
    await aio.sleep(1);
    return "bottom";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`   L${i} passes CancelledError ${repr(str(e))}`);
    throw e;
  } finally {
    print(`   L${i} finally`);
  }
});

const runCase = aio.coroutine(function* (fn, at, rounds, uncancel, longWait, ncancel) {
  print(`== levelx at=${at} rounds=${rounds} uncancel=${py(uncancel)} long_wait=${py(longWait)} cancels=${ncancel}`);
  const t = aio.createTask(fn(0, at, rounds, uncancel, longWait));
  yield* aio.sleep(0);
  for (let k = 0; k < ncancel; k++) {
    if (t.done()) {
      print(" task already done before cancel", k);
      break;
    }
    const r = t.cancel(`m${k}`);
    print(` cancel m${k} ->`, r, "cancelling", t.cancelling());
    yield* aio.sleep(0);
  }
  try {
    const r = yield* t;
    print(" result", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(" CancelledError", repr(str(e)), "cancelling", t.cancelling(), "cancelled", t.cancelled());
  }
});

await aio.run(function* () {
  for (let at = 0; at <= DEPTH; at++) yield* runCase(levelx, at, 2, false, false, 3);
  for (const at of [0, 2, 3]) {
    yield* runCase(levelx, at, 3, true, false, 2);
    yield* runCase(levelx, at, 3, true, false, 5);
  }
  yield* runCase(levelx, 1, 2, false, true, 4);
  yield* runCase(levelx, 3, 4, true, true, 3);
  yield* runCase(levelx, 2, 3, false, false, 1);
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
