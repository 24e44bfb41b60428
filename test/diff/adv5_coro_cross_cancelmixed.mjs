import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Task A awaits task B through three inline levels. In one iteration main cancels B then A,
// A then B, A twice, or B twice (A.cancel() goes on to B, so B counts every request, A only
// its own). B re-raises, or catches every cancellation and sleeps again. Which message each
// level sees, the cancel() returns and cancelling() counts, and how both tasks end: a request
// on A that B absorbs leaves A finishing with B's result (cancelling() 1, not cancelled).

const py = (b) => (b ? "True" : "False");

const bBody = aio.coroutine(async function (resist) {
  for (let rnd = 0; rnd < 3; rnd++) {
    try {
      await aio.sleep(rnd === 0 ? 1 : 0.05);
      return `b slept (round ${rnd})`;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(`  B caught ${repr(str(e))} cancelling ${aio.currentTask().cancelling()}`);
      if (!resist) throw e;
    }
  }
  return "b resisted";
});

// the chain's levels alternate: generator, async, generator; B is an async function
const lvl = aio.coroutine(function* (d, b) {
  try {
    if (d) return yield* lvlA(d - 1, b);
    return yield* b;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`  A L${d} caught ${repr(str(e))} cancelling ${aio.currentTask().cancelling()}`);
    throw e;
  }
});

const lvlA = aio.coroutine(async function (d, b) {
  try {
    if (d) return await lvl(d - 1, b);
    return await b;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`  A L${d} caught ${repr(str(e))} cancelling ${aio.currentTask().cancelling()}`);
    throw e;
  }
});

function state(n, t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      return `${n} cancelled ${repr(str(e))} (cancelling ${t.cancelling()})`;
    }
  }
  return `${n} -> ${repr(t.result())} (cancelling ${t.cancelling()})`;
}

await aio.run(function* () {
  for (const order of ["BA", "AB", "AA", "BB", "ABA"]) {
    for (const resist of [false, true]) {
      for (const settle of [0, 1]) {
        print(`== order ${order}, B resists ${py(resist)}, ${settle} iteration(s) between cancels`);
        const b = aio.createTask(bBody(resist), { name: "B" });
        const a = aio.createTask(lvl(2, b), { name: "A" });
        yield* aio.sleep(0);
        for (let i = 0; i < order.length; i++) {
          if (i && settle) yield* aio.sleep(0);
          const ch = order[i];
          const t = ch === "A" ? a : b;
          const r = t.cancel(`${ch}${i}`);
          print(`  cancel ${ch}${i} -> ${py(r)}; cancelling A ${a.cancelling()} B ${b.cancelling()}; done A ${py(a.done())} B ${py(b.done())}`);
        }
        yield* aio.wait([a, b]);
        print(" ", state("A", a), "|", state("B", b));
      }
    }
  }
  print("loop still works:", yield* aio.sleep(0, "yes"));
});
