import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// How many loop iterations an await takes when what it awaits is already done (or needs no
// waiting): a done future or task does not suspend, nor does a coroutine that returns at once,
// a shield() of a done future, waitFor() with timeout 0 or null on a done future, an empty
// timeout() block, an empty taskGroup, an uncontended Lock or Semaphore, a set Event, a
// non-empty Queue; gather() and wait() of done futures, and waitFor() with a timeout, each
// take their own number of iterations. A callback queued just before shows whether the
// awaiting step was interrupted. Each row also runs inside three levels of coroutines.

class KeyError extends Error {
  name = "KeyError";
}

const it = [0];
const log = [];

const clock = aio.coroutine(function* (stop) {
  while (!stop.done()) {
    it[0] += 1;
    yield* aio.sleep(0);
  }
});

const instant = aio.coroutine(function* (x) {
  return x;
});

const nest = aio.coroutine(function* (n, make) {
  if (n === 0) return yield* make();
  return yield* nest(n - 1, make);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);

  const done = loop.createFuture();
  done.setResult("d");
  const failed = loop.createFuture();
  failed.setException(new KeyError("k"));
  const tDone = aio.createTask(instant("t"));
  yield* aio.sleep(0);
  const lock = new aio.Lock();
  const sem = new aio.Semaphore(2);
  const ev = new aio.Event();
  ev.set();
  const q = new aio.Queue();

  const rows = [
    ["done future", () => done],
    ["done task", () => tDone],
    ["failed future", aio.coroutine(function* () {
      try {
        yield* failed;
      } catch (e) {
        return "KeyError " + repr(e.message);
      }
    })],
    ["instant coroutine", () => instant("i")],
    ["shield(done)", aio.coroutine(function* () { return yield* aio.shield(done); })],
    ["shield(done task)", aio.coroutine(function* () { return yield* aio.shield(tDone); })],
    ["ensure_future(done)", aio.coroutine(function* () { return yield* aio.ensureFuture(done); })],
    ["wait_for(done, 0)", aio.coroutine(function* () { return yield* aio.waitFor(done, 0); })],
    ["wait_for(done, None)", aio.coroutine(function* () { return yield* aio.waitFor(done, null); })],
    ["wait_for(done, 10)", aio.coroutine(function* () { return yield* aio.waitFor(done, 10); })],
    ["wait_for(coro, None)", aio.coroutine(function* () { return yield* aio.waitFor(instant("c"), null); })],
    ["empty timeout block", aio.coroutine(function* () {
      return yield* aio.timeout(10, function* () { return "inside"; });
    })],
    ["empty TaskGroup", aio.coroutine(function* () {
      return yield* aio.taskGroup(function* () { return "group"; });
    })],
    ["Lock block", aio.coroutine(function* () {
      return yield* lock.with(function* () { return lock.locked(); });
    })],
    ["Semaphore block", aio.coroutine(function* () {
      return yield* sem.with(function* () { return sem.locked(); });
    })],
    ["set Event", () => ev.wait()],
    ["Queue get", aio.coroutine(function* () {
      q.putNowait("item");
      return yield* q.get();
    })],
    ["sleep(0)", aio.coroutine(function* () { return yield* aio.sleep(0, "slept"); })],
    ["gather()", aio.coroutine(function* () { return yield* aio.gather(); })],
    ["gather(done, task)", aio.coroutine(function* () { return yield* aio.gather(done, tDone); })],
    ["gather(coro)", aio.coroutine(function* () { return yield* aio.gather(instant(1)); })],
    ["wait(done)", aio.coroutine(function* () {
      const [d, p] = yield* aio.wait([done, tDone]);
      return tuple(d.size, p.size);
    })],
    ["wait(FIRST_COMPLETED)", aio.coroutine(function* () {
      const [d] = yield* aio.wait([done], { returnWhen: aio.FIRST_COMPLETED });
      return d.size;
    })],
    ["new task", aio.coroutine(function* () { return yield* aio.createTask(instant("n")); })],
    ["as_completed(done)", aio.coroutine(function* () {
      const out = [];
      for (const f of aio.asCompleted([done, tDone])) out.push(yield* f);
      return out.sort();
    })],
  ];
  for (const [name, make] of rows) {
    for (const depth of [0, 3]) {
      loop.callSoon((x) => log.push(x), "cb");
      const before = it[0];
      const v = depth === 0 ? yield* make() : yield* nest(depth, make);
      print(`${name.padEnd(22)} depth ${depth} -> ${repr(v).padEnd(12)} iterations ${it[0] - before}, callback ran ${repr(log.length === 1 && log[0] === "cb")}`);
      yield* aio.sleep(0);
      log.length = 0;
    }
  }
  stop.setResult(null);
  yield* ck;
});
