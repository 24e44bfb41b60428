import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Mixed twin of adv5_sync_barrier_party_cancel.mjs: the party coroutines are async functions, the rest generators.
// Barrier with parties cancelled mid-wait: a cancelled party leaves (nWaiting drops) without
// breaking the barrier, a party cancelled in the iteration the barrier trips still gets its
// cancellation while the others pass, reset() and abort() with waiters raise BrokenBarrierError
// in each, wait() on a broken barrier raises at once, reset() mends it, the with() index,
// the reprs in every state, and bad arguments (RangeError is Python's ValueError).
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

await aio.run(function* () {
  const log = [];
  let b = null;

  const party = aio.coroutine(async function (name) {
    try {
      const i = await b.wait();
      log.push(tuple("passed", name, i));
      return i;
    } catch (e) {
      if (e instanceof aio.BrokenBarrierError) {
        log.push(tuple("broken", name, e.name, e.message));
        return "B";
      }
      if (isCancel(e)) log.push(tuple("cancelled", name, args(e), b.nWaiting));
      throw e;
    }
  });

  const flush = (tag) => {
    print(tag, ...log, "|", r(b), b.nWaiting, b.broken);
    log.length = 0;
  };
  const spin = aio.coroutine(function* (k) {
    for (let i = 0; i < k; i++) yield* aio.sleep(0);
  });
  const states = (ts) => ts.map((t) => (t.done() ? (t.cancelled() ? "C" : t.result()) : "P"));
  const range = (a, z) => Array.from({ length: z - a }, (_, i) => a + i);

  print("-- a cancelled party leaves, the barrier stays whole");
  b = new aio.Barrier(3);
  let ts = range(0, 2).map((i) => aio.createTask(party(i)));
  yield* spin(2);
  flush("two waiting");
  ts[0].cancel("leave");
  yield* spin(2);
  flush("one cancelled");
  ts.push(...[2, 3].map((i) => aio.createTask(party(i))));
  yield* spin(4);
  flush("two more came");
  print("states", states(ts));

  print("-- cancelled in the iteration the barrier trips");
  b = new aio.Barrier(3);
  ts = range(0, 2).map((i) => aio.createTask(party(i)));
  yield* spin(2);
  ts.push(aio.createTask(party(2)));
  yield* aio.sleep(0);
  flush("tripped");
  ts[0].cancel("too late");
  yield* spin(5);
  flush("after");
  print("states", states(ts), ts.map((t) => t.cancelling()));

  print("-- reset with waiters");
  b = new aio.Barrier(4);
  ts = range(0, 3).map((i) => aio.createTask(party(i)));
  yield* spin(2);
  flush("three waiting");
  yield* b.reset();
  flush("reset");
  yield* spin(4);
  flush("after");
  print("states", states(ts));
  ts = range(0, 4).map((i) => aio.createTask(party(i)));
  yield* spin(4);
  flush("reused");
  print("states", states(ts));

  print("-- abort with waiters, wait on a broken barrier, reset mends");
  b = new aio.Barrier(3);
  ts = range(0, 2).map((i) => aio.createTask(party(i)));
  yield* spin(2);
  ts[1].cancel();
  yield* b.abort();
  flush("abort + cancel");
  yield* spin(4);
  flush("after");
  print("states", states(ts));
  try {
    yield* b.wait();
  } catch (e) {
    if (!(e instanceof aio.BrokenBarrierError)) throw e;
    print("wait on broken:", e.name, repr(e.message));
  }
  yield* b.abort();
  flush("abort again");
  yield* b.reset();
  flush("reset");
  ts = range(0, 3).map((i) => aio.createTask(party(i)));
  yield* spin(4);
  flush("whole again");
  print("states", states(ts));

  print("-- async with gives the index, parties=1");
  b = new aio.Barrier(1);
  for (let k = 0; k < 3; k++) {
    yield* b.with(function* (i) {
      log.push(tuple("with", k, i));
    });
  }
  flush("single party");
  for (const bad of [0, -1]) {
    try {
      new aio.Barrier(bad);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print("ValueError", bad, e.message);
    }
  }
  print("parties", b.parties);
});
