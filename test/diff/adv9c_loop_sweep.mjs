import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// An async function three levels deep (top -> middle -> leaf, direct awaits of coroutines, no
// tasks) whose middle level loops: each round awaits the leaf (one or two sleep(0)s by parity,
// returning a value), leaves round 1 with `continue` and round 4 with `break`, both from inside a
// try whose finally clause awaits, and on round 2 catches a CancelledError, uncancel()s, awaits
// and goes on with `continue`. The task is cancelled after k iterations for every k until it
// finishes first, once or twice (the second request one iteration later, often landing in a
// finally clause's await, which replaces the `continue`/`break` in flight). Trace: every step of
// the loop, cancelling() seen at each catch, what the awaiter gets.

const log = [];
const cnt = () => aio.currentTask().cancelling();

const leaf = aio.coroutine(function* leaf(i) {
  log.push(`leaf${i} in`);
  yield* aio.sleep(0);
  if (i % 2) yield* aio.sleep(0);
  log.push(`leaf${i} out`);
  return i * 10;
});

const middle = aio.coroutine(function* middle() {
  let total = 0;
  let i = 0;
  while (true) {
    i += 1;
    try {
      let v;
      try {
        v = yield* leaf(i);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        log.push(`mid caught ${repr(str(e))} at ${i} c=${cnt()}`);
        if (i === 2) {
          log.push(`uncancel -> ${aio.currentTask().uncancel()}`);
          yield* aio.sleep(0);
          log.push("mid resumed after resisting");
          continue;
        }
        throw e;
      }
      total += v;
      if (i === 1) {
        log.push("continue at 1");
        continue;
      }
      if (i >= 4) {
        log.push(`break at ${i}`);
        break;
      }
      log.push(`fall through at ${i}`);
    } finally {
      log.push(`fin${i} total=${total} c=${cnt()}`);
      yield* aio.sleep(0);
      log.push(`fin${i} done`);
    }
  }
  log.push(`middle returns ${total}`);
  return total;
});

const top = aio.coroutine(function* top() {
  try {
    const r = yield* middle();
    log.push(`top got ${repr(r)}`);
    return tuple("top", r);
  } catch (e) {
    if (e instanceof aio.CancelledError) log.push(`top caught ${repr(str(e))} c=${cnt()}`);
    throw e;
  } finally {
    log.push(`top finally c=${cnt()}`);
  }
});

const run = aio.coroutine(function* run(k, twice) {
  log.length = 0;
  const t = aio.createTask(top(), { name: "T" });
  for (let j = 0; j < k; j++) yield* aio.sleep(0);
  if (t.done()) return false;
  t.cancel(`c${k}`);
  if (twice) {
    yield* aio.sleep(0);
    print("  second cancel ->", t.cancel("again"));
  }
  let out;
  try {
    const r = yield* t;
    out = `result ${repr(r)}`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    out = `CancelledError ${repr(str(e))}`;
  }
  print(`k=${k} twice=${repr(twice)}: ${out} cancelling=${t.cancelling()}`);
  for (const line of log) print("   ", line);
  return true;
});

const main = aio.coroutine(function* main() {
  for (const twice of [false, true]) {
    let k = 0;
    while (yield* run(k, twice)) k += 1;
    print("finished uncancelled at k =", k);
    for (const line of log) print("   ", line);
  }
});

await aio.run(main);
