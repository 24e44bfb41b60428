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

const clock = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    it[0] += 1;
    await aio.sleep(0);
  }
});

const instant = aio.coroutine(async function (x) {
  return x;
});

const nest = aio.coroutine(async function (n, make) {
  if (n === 0) return await make();
  return await nest(n - 1, make);
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  await aio.sleep(0);

  const done = loop.createFuture();
  done.setResult("d");
  const failed = loop.createFuture();
  failed.setException(new KeyError("k"));
  const tDone = aio.createTask(instant("t"));
  await aio.sleep(0);
  const lock = new aio.Lock();
  const sem = new aio.Semaphore(2);
  const ev = new aio.Event();
  ev.set();
  const q = new aio.Queue();

  const rows = [
    ["done future", () => done],
    ["done task", () => tDone],
    ["failed future", aio.coroutine(async function () {
      try {
        await failed;
      } catch (e) {
        return "KeyError " + repr(e.message);
      }
    })],
    ["instant coroutine", () => instant("i")],
    ["shield(done)", aio.coroutine(async function () { return await aio.shield(done); })],
    ["shield(done task)", aio.coroutine(async function () { return await aio.shield(tDone); })],
    ["ensure_future(done)", aio.coroutine(async function () { return await aio.ensureFuture(done); })],
    ["wait_for(done, 0)", aio.coroutine(async function () { return await aio.waitFor(done, 0); })],
    ["wait_for(done, None)", aio.coroutine(async function () { return await aio.waitFor(done, null); })],
    ["wait_for(done, 10)", aio.coroutine(async function () { return await aio.waitFor(done, 10); })],
    ["wait_for(coro, None)", aio.coroutine(async function () { return await aio.waitFor(instant("c"), null); })],
    ["empty timeout block", aio.coroutine(async function () {
      return await aio.timeout(10, async function () { return "inside"; });
    })],
    ["empty TaskGroup", aio.coroutine(async function () {
      return await aio.taskGroup(async function () { return "group"; });
    })],
    ["Lock block", aio.coroutine(async function () {
      return await lock.with(async function () { return lock.locked(); });
    })],
    ["Semaphore block", aio.coroutine(async function () {
      return await sem.with(async function () { return sem.locked(); });
    })],
    ["set Event", () => ev.wait()],
    ["Queue get", aio.coroutine(async function () {
      q.putNowait("item");
      return await q.get();
    })],
    ["sleep(0)", aio.coroutine(async function () { return await aio.sleep(0, "slept"); })],
    ["gather()", aio.coroutine(async function () { return await aio.gather(); })],
    ["gather(done, task)", aio.coroutine(async function () { return await aio.gather(done, tDone); })],
    ["gather(coro)", aio.coroutine(async function () { return await aio.gather(instant(1)); })],
    ["wait(done)", aio.coroutine(async function () {
      const [d, p] = await aio.wait([done, tDone]);
      return tuple(d.size, p.size);
    })],
    ["wait(FIRST_COMPLETED)", aio.coroutine(async function () {
      const [d] = await aio.wait([done], { returnWhen: aio.FIRST_COMPLETED });
      return d.size;
    })],
    ["new task", aio.coroutine(async function () { return await aio.createTask(instant("n")); })],
    ["as_completed(done)", aio.coroutine(async function () {
      const out = [];
      for (const f of aio.asCompleted([done, tDone])) out.push(await f);
      return out.sort();
    })],
  ];
  for (const [name, make] of rows) {
    for (const depth of [0, 3]) {
      loop.callSoon((x) => log.push(x), "cb");
      const before = it[0];
      const v = depth === 0 ? await make() : await nest(depth, make);
      print(`${name.padEnd(22)} depth ${depth} -> ${repr(v).padEnd(12)} iterations ${it[0] - before}, callback ran ${repr(log.length === 1 && log[0] === "cb")}`);
      await aio.sleep(0);
      log.length = 0;
    }
  }
  stop.setResult(null);
  await ck;
});
