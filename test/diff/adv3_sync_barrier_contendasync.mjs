import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Async-function twin of adv3_sync_barrier_contend.mjs.
// Barrier whose internal lock is contended: reset() and abort() are coroutines that must take
// the condition's lock, so while tripped parties queue to re-acquire it they run after them (or
// are cancelled before they act); parties = 1; many tasks cycling through a 2-party barrier for
// several generations (indexes, order); a reset() racing with the last arrival.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const isBroken = (e) => e instanceof aio.BrokenBarrierError;

await aio.run(async function () {
  const log = [];
  let b = null;

  const party = aio.coroutine(async function (name, rounds = 1) {
    const out = [];
    for (let k = 0; k < rounds; k++) {
      let i;
      try {
        i = await b.wait();
      } catch (e) {
        if (isCancel(e)) {
          log.push(tuple("cancelled", name, r(b)));
          throw e;
        }
        if (!isBroken(e)) throw e;
        log.push(tuple("broken", name, e.message, r(b)));
        out.push("B");
        continue;
      }
      log.push(tuple("passed", name, k, i, r(b)));
      out.push(i);
    }
    return out;
  });

  const op = aio.coroutine(async function (kind) {
    log.push(tuple(kind, "start", r(b)));
    try {
      await (kind === "reset" ? b.reset() : b.abort());
    } catch (e) {
      if (isCancel(e)) log.push(tuple(kind, "cancelled", r(b)));
      throw e;
    }
    log.push(tuple(kind, "done", r(b)));
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(b), b.nWaiting, b.broken);
    log.length = 0;
  };

  print("-- parties = 1");
  b = new aio.Barrier(1);
  print(r(b), b.parties, await b.wait(), await b.wait(), r(b));
  await b.with(async function (i) {
    print("with", i, r(b));
  });

  print("-- abort() queued on the lock behind tripped parties");
  b = new aio.Barrier(3);
  let ps = [0, 1].map((i) => aio.createTask(party(i)));
  await aio.sleep(0);
  flush("filling");
  let last = aio.createTask(party(2));
  const ab = aio.createTask(op("abort"));
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  await aio.sleep(0);
  flush("tick3");
  let res = await aio.gather(...ps, last, ab);
  flush("end");
  print(res);

  print("-- reset() cancelled while it waits for the lock");
  b = new aio.Barrier(3);
  ps = [0, 1].map((i) => aio.createTask(party(i)));
  await aio.sleep(0);
  last = aio.createTask(party(2));
  let rs = aio.createTask(op("reset"));
  await aio.sleep(0);
  flush("tick1");
  rs.cancel();
  await aio.sleep(0);
  flush("tick2");
  res = await aio.gather(...ps, last, rs, { returnExceptions: true });
  flush("end");
  print(res.map((x) => (Array.isArray(x) ? x : x instanceof Error ? x.name : "NoneType")));

  print("-- reset() in the same iteration as the last arrival");
  b = new aio.Barrier(3);
  ps = [0, 1].map((i) => aio.createTask(party(i)));
  await aio.sleep(0);
  rs = aio.createTask(op("reset"));
  last = aio.createTask(party(2));
  await aio.sleep(0);
  flush("tick1");
  await aio.sleep(0);
  flush("tick2");
  print("late arrival waits?", r(b));
  const late = aio.createTask(party("late"));
  await aio.sleep(0);
  flush("tick3");
  res = await aio.gather(...ps, rs, { returnExceptions: true });
  flush("gathered");
  print(res, late.done(), last.done());
  late.cancel();
  last.cancel();
  await aio.sleep(0);
  flush("cancelled stragglers");

  print("-- five tasks cycling through a 2-party barrier");
  b = new aio.Barrier(2);
  const ts = [0, 1, 2, 3, 4].map((i) => aio.createTask(party(i, 2)));
  for (let k = 0; k < 8; k++) {
    await aio.sleep(0);
    flush(`tick${k}`);
  }
  print("stuck", ts.map((t) => t.done()), r(b));
  for (let n = 0; n < 2; n++) {
    const extra = await b.wait();
    for (let k = 0; k < 3; k++) await aio.sleep(0);
    flush(`after extra ${extra}`);
  }
  print(ts.map((t) => t.result()));
});
