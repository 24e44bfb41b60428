import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// sleep() given an AbortSignal that is never aborted (aionode's `{ signal }` option) must behave as
// a plain sleep(): sleep(0) and sleep(-1) still relinquish exactly one loop iteration, are a
// cancellation point, and a task made of such a sleep takes two steps. Python has no signal: the
// Python side is the plain sleep.
const INF = Infinity;
const signal = new AbortController().signal; // never aborted
const sleep = (d, v) => aio.sleep(d, v, { signal });
const dr = (d) => (d === -INF ? "-inf" : d === 1e-9 ? "1e-09" : String(d));

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const st = { n: 0, on: true };
  function tick() {
    st.n += 1;
    if (st.on) loop.callSoon(tick);
  }
  loop.callSoon(tick);
  yield* aio.sleep(0);

  print("-- ticks per sleep");
  for (const d of [0, -1, -INF, 1e-9]) {
    const n0 = st.n;
    const r = yield* sleep(d, "v");
    print(" ", dr(d), repr(r), "ticks", st.n - n0);
  }

  print("-- a polling loop of sleep(0) lets other callbacks run between polls");
  {
    const n0 = st.n;
    const seen = [];
    for (let i = 0; i < 4; i++) {
      yield* sleep(0);
      seen.push(st.n - n0);
    }
    print(" ", seen);
  }

  print("-- sleep(0) is a cancellation point");
  const log = [];
  const worker = aio.coroutine(function* () {
    try {
      for (let i = 0; i < 3; i++) {
        yield* sleep(0);
        log.push(i);
      }
      return "finished";
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      log.push("cancelled");
      throw e;
    }
  });
  let t = aio.createTask(worker());
  yield* aio.sleep(0);
  print("  cancel() returned", t.cancel());
  try {
    print("  result", yield* t);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  worker cancelled");
  }
  print(" ", log);

  print("-- tasks made of one sleep");
  for (const d of [0, -1, 1e-9]) {
    const n0 = st.n;
    const t = aio.createTask(sleep(d, "t"));
    const marks = [];
    t.addDoneCallback(() => marks.push(st.n - n0));
    while (!t.done()) yield* aio.sleep(0);
    yield* aio.sleep(0);
    print(" ", dr(d), t.result(), "done callback at tick", marks);
  }

  print("-- a task cancelled before its sleep(0) step");
  t = aio.createTask(sleep(0, "never"));
  yield* aio.sleep(0);
  print("  cancel() returned", t.cancel(), "done", t.done());
  try {
    yield* t;
    print("  result", t.result());
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  cancelled", t.cancelled());
  }

  st.on = false;
  yield* aio.sleep(0);
});
