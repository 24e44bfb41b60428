import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Async-function twin of adv10r_barrier_rounds.mjs.


// A map-reduce service in rounds over a Barrier: three workers compute a partial result per round
// (a few sleep(0) ticks), meet at the barrier (the arrival index decides who reduces: the last to
// arrive), and meet again so nobody starts the next round before the reduce. Then: a worker
// failing before the barrier makes the coordinator abort() it (every waiter gets
// BrokenBarrierError, the round is reported with gather(returnExceptions)), reset() and a rerun;
// a worker cancelled while waiting at the barrier (the count drops, the barrier is not broken)
// and replaced by a fresh one; a lone waiter under waitFor(0.15) that times out (the barrier
// stays usable), `barrier.with((i) => ...)`, and reset() while tasks wait (they get
// BrokenBarrierError, the barrier is usable afterwards). The barrier's state (repr from the
// bracket on, nWaiting, broken) is traced throughout.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
function st(b) {
  const s = String(b);
  return `${s.slice(s.indexOf("["), -1)} n_waiting=${b.nWaiting} broken=${repr(b.broken)}`;
}

await aio.run(async function () {
  const bar = new aio.Barrier(3);
  const partial = new Map();
  const totals = [];

  const worker = aio.coroutine(async function (w, rounds, failAt = null) {
    for (let rnd = 0; rnd < rounds; rnd++) {
      for (let i = 0; i < (w * 2 + rnd) % 4; i++) await aio.sleep(0);
      if (rnd === failAt) {
        log.push(`w${w} fails in round ${rnd}`);
        throw new ValueError(`w${w} broke in round ${rnd}`);
      }
      partial.set(w, (w + 1) * (rnd + 1));
      let i;
      try {
        i = await bar.wait();
      } catch (e) {
        if (e instanceof aio.BrokenBarrierError) log.push(`w${w}: barrier broken in round ${rnd}`);
        throw e;
      }
      log.push(`w${w} passes round ${rnd} as #${i}`);
      if (i === bar.parties - 1) {
        totals.push([...partial.values()].reduce((a, b) => a + b, 0));
        log.push(`w${w} reduces round ${rnd} -> ${totals[totals.length - 1]}`);
      }
      await bar.wait();
    }
    return `w${w} done`;
  });

  print("-- three clean rounds");
  let res = await aio.gather(...[0, 1, 2].map((w) => worker(w, 3)));
  flush("rounds");
  print(res, "totals", totals, st(bar));

  print("-- a worker fails; the coordinator aborts the barrier");
  partial.clear();
  const ts = [0, 1, 2].map((w) => aio.createTask(worker(w, 3, w === 1 ? 1 : null), { name: `w${w}` }));
  const onDone = (t) => {
    if (!t.cancelled() && t.exception() instanceof ValueError) {
      log.push(`coordinator aborts after ${t.getName()} failed; ${st(bar)}`);
      aio.ensureFuture(bar.abort());
    }
  };
  for (const t of ts) t.addDoneCallback(onDone);
  res = await aio.gather(...ts, { returnExceptions: true });
  flush("aborted");
  print(res.map((r) => repr(r)), st(bar));
  try {
    await bar.wait();
  } catch (e) {
    if (!(e instanceof aio.BrokenBarrierError)) throw e;
    print("wait on a broken barrier ->", repr(e));
  }
  await bar.reset();
  print("after reset", st(bar));
  res = await aio.gather(...[0, 1, 2].map((w) => worker(w, 1)));
  flush("rerun");
  print(res, "totals", totals, st(bar));

  print("-- a waiter cancelled at the barrier, then replaced");
  const arrive = aio.coroutine(async function (name) {
    let i;
    try {
      i = await bar.wait();
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(`${name} cancelled at the barrier; ${st(bar)}`);
      else if (e instanceof aio.BrokenBarrierError) log.push(`${name}: broken`);
      throw e;
    }
    log.push(`${name} passes as #${i}`);
    return i;
  });

  const a = aio.createTask(arrive("a"));
  const b = aio.createTask(arrive("b"));
  await aio.sleep(0);
  print("two waiting:", st(bar));
  print("cancel a ->", a.cancel("a left"));
  await aio.sleep(0);
  flush("a left");
  print("now", st(bar));
  const c = aio.createTask(arrive("c"));
  const d = aio.createTask(arrive("d"));
  res = await aio.gather(a, b, c, d, { returnExceptions: true });
  flush("replaced");
  print(res.map((r) => (r instanceof Error ? r.name : r)), st(bar));

  print("-- a lone waiter times out; the barrier stays usable");
  try {
    await aio.waitFor(arrive("lone"), 0.15);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("lone: TimeoutError", repr(str(e)));
  }
  flush("lone");
  print("after timeout", st(bar));

  print("-- async with barrier as i");
  const ctx = aio.coroutine(async function (name) {
    const i = await bar.with(async function (i) {
      log.push(`${name} inside as #${i}, ${st(bar)}`);
      await aio.sleep(0);
      return i;
    });
    log.push(`${name} out`);
    return i;
  });
  res = await aio.gather(ctx("x"), ctx("y"), ctx("z"));
  flush("with");
  print(res, st(bar));

  print("-- reset while two wait");
  const e1 = aio.createTask(arrive("e1"));
  const e2 = aio.createTask(arrive("e2"));
  await aio.sleep(0);
  print("waiting:", st(bar));
  await bar.reset();
  print("reset returned:", st(bar));
  res = await aio.gather(e1, e2, { returnExceptions: true });
  flush("reset");
  print(res.map((r) => r.name), st(bar));
  res = await aio.gather(arrive("f1"), arrive("f2"), arrive("f3"));
  flush("after reset");
  print(res, st(bar));
  print("loop still fine:", await aio.sleep(0, "yes"));
});
