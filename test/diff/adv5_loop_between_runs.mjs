import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Timers and callbacks that wait between runs: what run_until_complete() leaves pending (timers,
// callbacks queued in its last iteration, tasks) runs in the next run; deadlines that passed
// while no run was going (a blocking wait between runs) fire in the next run's first iteration,
// behind the callbacks queued before it, in deadline order, before what the first iteration
// queues; a timer cancelled between runs never fires; a task sleeping across two runs wakes in
// the second; a stop() from a timer during run_until_complete ends that run early.
const loop = aio.newEventLoop();
function log(...args) {
  print("  ", ...args);
}
function blocking(seconds) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end);
}
const sleeper = aio.coroutine(function* sleeper(tag, d) {
  log(tag, "sleeps", d);
  yield* aio.sleep(d);
  log(tag, "woke");
  return tag;
});
function chain(tag, n) {
  log(tag, n);
  if (n > 0) loop.callSoon(chain, tag, n - 1);
}

print("-- 1 a run leaves work behind");
const t_long = loop.createTask(sleeper("long", 1.5), { name: "long" });
const h_a = loop.callLater(0.5, log, "timer a (+0.5)");
const h_b = loop.callLater(0.55, log, "timer b (+0.55)");
const h_c = loop.callLater(0.8, log, "timer c (+0.8, cancelled between runs)");
print("result", await loop.runUntilComplete(sleeper("short", 0.01)));
loop.callSoon(chain, "q", 1);
h_c.cancel();
print("-- 2 blocking between runs: a and b are overdue");
blocking(0.7);
loop.callSoon(log, "queued between runs");
print("result", await loop.runUntilComplete(sleeper("zero", 0)));
print("-- 3 the long sleeper wakes in a later run");
print("result", await loop.runUntilComplete(t_long));
print("-- 4 a timer stops run_until_complete early");
const f = loop.createFuture();
loop.callLater(0.02, () => loop.stop());
loop.callLater(0.5, (v) => f.setResult(v), "f done");
try {
  await loop.runUntilComplete(f);
} catch (e) {
  print("raised", e.name, e.message);
}
print("f done?", f.done());
print("result", await loop.runUntilComplete(f));
print("-- 5 past deadlines scheduled between runs, shuffled");
const now = loop.time();
for (const off of [0.3, 0.1, 0.5, 0.2, 0.4]) loop.callAt(now - off, log, `past -${off}`);
loop.callSoon(log, "soon");
loop.callLater(0, log, "later(0)");
print("result", await loop.runUntilComplete(sleeper("s", 0.01)));
print("cancelled flags", h_a.cancelled(), h_b.cancelled(), h_c.cancelled());
loop.close();
