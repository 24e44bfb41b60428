import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Deadlines further away than setTimeout's 32-bit millisecond range (about 24.9 days), and
// infinite ones, while the loop has nothing else to wait for: the loop sleeps until something
// from outside (here a Node timer) wakes it. Nothing fires, nothing is reported, no runtime
// warning is issued (Python: the warnings module; Node: process warnings).
const INF = Infinity;
const DAY = 86400.0;
const ws = [];
process.on("warning", (w) => ws.push(w.name));

// something from outside the loop: a Node timer that fires after `ms` milliseconds
const outside = (ms, value) => aio.wrapFuture(new Promise((r) => setTimeout(() => r(value), ms)));

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const fired = [];

  print("-- call_later(30 days) and call_at(inf), then an outside wake-up");
  const h1 = loop.callLater(30 * DAY, (v) => fired.push(v), "30d");
  const h2 = loop.callAt(INF, (v) => fired.push(v), "inf");
  print(yield* outside(30, "woken 1"), fired);
  h1.cancel();
  h2.cancel();

  print("-- wait_for(outside, 40 days)");
  print(yield* aio.waitFor(outside(20, "woken 2"), 40 * DAY));

  print("-- timeout(25 days) and timeout(inf) around an outside wait");
  let r;
  let cm;
  yield* aio.timeout(25 * DAY, function* (c) {
    cm = c;
    r = yield* outside(20, "woken 3");
  });
  print(r, cm.expired());
  yield* aio.timeout(INF, function* (c) {
    cm = c;
    r = yield* outside(20, "woken 4");
  });
  print(r, cm.expired(), cm.when() === INF ? "inf" : cm.when());

  print("-- a task sleeping 1e7 s, cancelled after an outside wait");
  const t = aio.createTask(aio.sleep(1e7, "never"));
  yield* aio.sleep(0);
  print(yield* outside(20, "woken 5"));
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("sleeper cancelled", t.cancelled());
  }
  print("fired", fired);
});
await new Promise((r) => setImmediate(r));
print("warnings", [...new Set(ws)].sort());
