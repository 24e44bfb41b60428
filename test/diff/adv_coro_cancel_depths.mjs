import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const DEPTH = 4;

const cleanup = aio.coroutine(function* (level) {
  yield* aio.sleep(0);
  return `cleaned ${level}`;
});

const level = aio.coroutine(function* (i, swallowAt) {
  print(`  L${i} enter`);
  try {
    yield* aio.sleep(0);
    let r;
    if (i < DEPTH) r = yield* level(i + 1, swallowAt);
    else r = "bottom";
    print(`  L${i} got ${repr(r)}`);
    yield* aio.sleep(0);
    return `L${i}(${r})`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`  L${i} cancelled ${repr(str(e))} cancelling=${aio.currentTask().cancelling()}`);
    const c = yield* cleanup(i);
    print(`  L${i} ${c}`);
    if (i === swallowAt) return `L${i} swallowed`;
    throw e;
  } finally {
    print(`  L${i} finally`);
  }
});

const runCase = aio.coroutine(function* (k, swallowAt, twice) {
  const t = aio.createTask(level(0, swallowAt));
  for (let j = 0; j < k; j++) yield* aio.sleep(0);
  const r1 = t.cancel(`at ${k}`);
  const r2 = twice ? t.cancel("again") : null;
  print(" cancel ->", r1, r2, "cancelling", t.cancelling());
  try {
    const r = yield* t;
    print(" result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(" raised CancelledError", repr(str(e)), "cancelling", t.cancelling());
  }
});

await aio.run(function* () {
  for (let k = 0; k < 2 * DEPTH + 3; k++) {
    print("== cancel after", k, "iterations");
    yield* runCase(k, -1, false);
  }
  for (const k of [3, 6, 9]) {
    print("== swallowed at level 2, cancel after", k);
    yield* runCase(k, 2, false);
  }
  for (const k of [1, 4, 8]) {
    print("== two cancels, after", k);
    yield* runCase(k, -1, true);
  }
});
