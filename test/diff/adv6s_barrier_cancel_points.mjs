import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Barrier.wait() of one party cancelled at every point of a two-generation script: before its
// first step, while filling (its slot is given back), in the iteration the barrier trips (it
// still raises CancelledError while its peers pass), while it drains, while it is blocked
// waiting for the drain to end (a late arrival), and after it passed. Indices, nWaiting, the
// state and every task's outcome per step; the second generation fills with whoever is left.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));
const st = (t) => {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  const e = t.exception();
  return e ? e.name : t.result();
};

const scenario = aio.coroutine(function* (target, k) {
  const log = [];
  const b = new aio.Barrier(3);

  const party = aio.coroutine(function* (name) {
    let i;
    try {
      i = yield* b.wait();
    } catch (e) {
      if (isCancel(e)) log.push(tuple("cancel", name, args(e), b.nWaiting));
      throw e;
    }
    log.push(tuple("pass", name, i));
    return `${name}${i}`;
  });

  const ts = {};
  let step = 0;
  const states = () => Object.entries(ts).map(([n, t]) => `${n}:${st(t)}`);
  const tick = (what) => {
    if (step === k && target in ts) {
      ts[target].cancel(`k${k}`);
      log.push(tuple("cancel!", target));
    }
    print(" ", step, what, ...log, "|", r(b), b.nWaiting, ...states());
    log.length = 0;
    step++;
  };

  for (const n of "AB") ts[n] = aio.createTask(party(n));
  tick("A B created");
  yield* aio.sleep(0);
  tick("A B waiting");
  ts.C = aio.createTask(party("C"));
  tick("C created");
  yield* aio.sleep(0);
  tick("C ran");
  ts.D = aio.createTask(party("D"));
  tick("D created");
  yield* aio.sleep(0);
  tick("step");
  ts.E = aio.createTask(party("E"));
  yield* aio.sleep(0);
  tick("E created, step");
  yield* aio.sleep(0);
  tick("step");
  ts.F = aio.createTask(party("F"));
  yield* aio.sleep(0);
  tick("F created, step");
  yield* aio.sleep(0);
  tick("step");
  ts.G = aio.createTask(party("G"));
  for (let i = 0; i < 3; i++) {
    yield* aio.sleep(0);
    tick("step");
  }
  if (b.nWaiting) yield* b.abort();
  yield* aio.gather(...Object.values(ts), { returnExceptions: true });
  print("  final", r(b), ...states());
});

await aio.run(function* () {
  for (const target of "ACD") {
    for (let k = 0; k < 12; k++) {
      print("-- target", target, "k", k);
      yield* scenario(target, k);
    }
  }
});
