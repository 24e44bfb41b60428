import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Barrier and cancellation: a party cancelled while the barrier fills gives its place back
// (nWaiting drops, the barrier is not broken); a party cancelled after the barrier tripped but
// before it ran gets CancelledError while the others pass; reset() while parties drain makes the
// woken-but-not-yet-run parties fail with BrokenBarrierError; arrivals during draining block
// until it ends, and one cancelled there leaves the count alone; abort() and a cancel in the
// same iteration.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const names = (res) => res.map((x) => (x instanceof Error ? x.name : x));

await aio.run(function* () {
  const log = [];
  let b = null;

  const party = aio.coroutine(function* (name) {
    let i;
    try {
      i = yield* b.wait();
    } catch (e) {
      if (isCancel(e)) {
        log.push(tuple("cancelled", name, r(b)));
        throw e;
      }
      if (e instanceof aio.BrokenBarrierError) {
        log.push(tuple("broken", name, e.message));
        return "broken";
      }
      throw e;
    }
    log.push(tuple("passed", name, i));
    return i;
  });

  const flush = (tag) => {
    print(tag, ...log, r(b), b.nWaiting, b.broken);
    log.length = 0;
  };

  print("-- cancelled while filling");
  b = new aio.Barrier(3);
  const p0 = aio.createTask(party(0));
  const p1 = aio.createTask(party(1));
  yield* aio.sleep(0);
  flush("two waiting");
  p0.cancel();
  yield* aio.sleep(0);
  flush("after cancel");
  const p2 = aio.createTask(party(2));
  yield* aio.sleep(0);
  flush("p2 arrived");
  const p3 = aio.createTask(party(3));
  yield* aio.gather(p1, p2, p3);
  flush("tripped");

  print("-- cancelled after the trip, before it ran");
  b = new aio.Barrier(3);
  let ps = [0, 1].map((i) => aio.createTask(party(i)));
  yield* aio.sleep(0);
  const last = aio.createTask(party("last"));
  yield* aio.sleep(0);
  flush("tripped?");
  ps[0].cancel();
  yield* aio.sleep(0);
  flush("tick");
  let res = yield* aio.gather(...ps, last, { returnExceptions: true });
  flush("end");
  print(names(res));

  print("-- trip and cancel in one iteration");
  b = new aio.Barrier(3);
  ps = [0, 1].map((i) => aio.createTask(party(i)));
  yield* aio.sleep(0);
  const tripper = aio.coroutine(function* () {
    const i = yield* b.wait();
    ps[1].cancel();
    log.push(tuple("tripper", i));
    return i;
  });
  let t = aio.createTask(tripper());
  const newcomer = aio.createTask(party("new"));
  res = yield* aio.gather(...ps, t, { returnExceptions: true });
  flush("drained");
  print(names(res));
  print("newcomer", newcomer.done());
  newcomer.cancel();
  yield* aio.sleep(0);
  flush("newcomer cancelled");

  print("-- reset while draining");
  b = new aio.Barrier(3);
  ps = [0, 1].map((i) => aio.createTask(party(i)));
  yield* aio.sleep(0);
  const tripper2 = aio.coroutine(function* () {
    const i = yield* b.wait();
    log.push(tuple("tripper2", i, r(b)));
    yield* b.reset();
    log.push(tuple("reset done", r(b)));
    return i;
  });
  t = aio.createTask(tripper2());
  const blocked = aio.createTask(party("blocked"));
  res = yield* aio.gather(...ps, t, { returnExceptions: true });
  flush("after");
  print(res);
  yield* aio.sleep(0);
  flush("blocked");
  blocked.cancel();
  yield* aio.sleep(0);
  flush("blocked cancelled");

  print("-- abort and cancel in the same iteration");
  b = new aio.Barrier(4);
  ps = [0, 1, 2].map((i) => aio.createTask(party(i)));
  yield* aio.sleep(0);
  aio.createTask(b.abort());
  ps[1].cancel();
  yield* aio.sleep(0);
  flush("tick1");
  res = yield* aio.gather(...ps, { returnExceptions: true });
  flush("end");
  print(names(res));
  yield* b.reset();
  flush("reset");
});
