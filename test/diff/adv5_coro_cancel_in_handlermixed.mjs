import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A ValueError raised at the bottom of a four-level chain climbs through handlers that each
// await (a cancellation point inside an except clause) before re-raising it wrapped, and
// through finally clauses that await too. The task is cancelled after k iterations for every
// k: the CancelledError replaces the ValueError at whichever handler or finally it lands in,
// and the levels above see a cancellation instead. A second round swallows the cancellation in
// the handler it lands in and re-raises the ValueError it was handling.

const DEPTH = 3;

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }

// even levels are generator coroutines, odd ones async functions
const level = aio.coroutine(function* (i, swallow) {
  print(`   L${i} enter`);
  try {
    try {
      yield* aio.sleep(0);
      if (i === DEPTH) throw new ValueError("bottom");
      return yield* levelA(i + 1, swallow);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`   L${i} handles ValueError ${repr(str(e))}`);
      try {
        yield* aio.sleep(0);
      } catch (c) {
        if (!(c instanceof aio.CancelledError)) throw c;
        print(`   L${i} cancelled inside its handler ${repr(str(c))}`);
        if (!swallow) throw c;
        print(`   L${i} swallows it, keeps the ValueError`);
      }
      throw new ValueError(`L${i}<${str(e)}>`);
    } finally {
      print(`   L${i} inner finally`);
      yield* aio.sleep(0);
      print(`   L${i} inner finally resumed`);
    }
  } catch (c) {
    if (!(c instanceof aio.CancelledError)) throw c;
    print(`   L${i} passes CancelledError ${repr(str(c))}`);
    throw c;
  } finally {
    print(`   L${i} outer finally`);
  }
});

const levelA = aio.coroutine(async function (i, swallow) {
  print(`   L${i} enter`);
  try {
    try {
      await aio.sleep(0);
      if (i === DEPTH) throw new ValueError("bottom");
      return await level(i + 1, swallow);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`   L${i} handles ValueError ${repr(str(e))}`);
      try {
        await aio.sleep(0);
      } catch (c) {
        if (!(c instanceof aio.CancelledError)) throw c;
        print(`   L${i} cancelled inside its handler ${repr(str(c))}`);
        if (!swallow) throw c;
        print(`   L${i} swallows it, keeps the ValueError`);
      }
      throw new ValueError(`L${i}<${str(e)}>`);
    } finally {
      print(`   L${i} inner finally`);
      await aio.sleep(0);
      print(`   L${i} inner finally resumed`);
    }
  } catch (c) {
    if (!(c instanceof aio.CancelledError)) throw c;
    print(`   L${i} passes CancelledError ${repr(str(c))}`);
    throw c;
  } finally {
    print(`   L${i} outer finally`);
  }
});

const runCase = aio.coroutine(function* (k, swallow) {
  print(`== cancel after ${k} iterations, swallow=${swallow ? "True" : "False"}`);
  const t = aio.createTask(level(0, swallow));
  for (let j = 0; j < k; j++) yield* aio.sleep(0);
  if (t.done()) print("  already done");
  else print("  cancel ->", t.cancel(`k${k}`));
  try {
    yield* t;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(`  task cancelled ${repr(str(e))} cancelling=${t.cancelling()}`);
    else if (e instanceof ValueError) print(`  task failed ValueError ${repr(str(e))} cancelling=${t.cancelling()}`);
    else throw e;
  }
});

await aio.run(function* () {
  for (let k = 0; k < 16; k++) yield* runCase(k, false);
  for (const k of [4, 5, 6, 7, 9, 11]) yield* runCase(k, true);
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
