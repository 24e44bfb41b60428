import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Barrier.abort(): the barrier is broken; waiting parties and every later wait() get
// BrokenBarrierError ("Abort or reset of barrier" for those waiting, "Barrier aborted" for
// new arrivals) until reset(); abort on an exception inside barrier.with(); abort, then
// synchronize on a second barrier and reset the first.
const r = (x) => String(x);
const isBroken = (e) => e instanceof aio.BrokenBarrierError;
const N = 5;
const range = (n) => Array.from({ length: n }, (_, i) => i);

await aio.run(function* () {
  print("-- abort of an idle barrier");
  let b = new aio.Barrier(1);
  aio.createTask(b.abort());
  yield* aio.sleep(0);
  print("idle", b.nWaiting, b.broken, r(b));
  try {
    yield* b.wait();
  } catch (e) {
    if (!isBroken(e)) throw e;
    print("wait on broken:", e.message);
  }
  yield* b.reset();
  print("reset", b.broken, r(b), yield* b.wait());

  print("-- abort while half drained, half blocking");
  b = new aio.Barrier(N);
  const blocking = Math.floor(N / 2);
  let count = 0;
  let log = [];
  const coro = aio.coroutine(function* (i) {
    try {
      yield* b.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push(["first broken", i, e.message]);
      return;
    }
    count += 1;
    if (count > blocking) {
      log.push(["abort by", i, r(b)]);
      yield* b.abort();
    } else {
      try {
        yield* b.wait();
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push(["second broken", i, e.message]);
      }
    }
  });
  yield* aio.gather(...range(N).map((i) => coro(i)));
  for (const x of log) print(...x);
  print("after", r(b), b.nWaiting, b.broken);

  print("-- exception inside async with barrier: abort");
  b = new aio.Barrier(N);
  log = [];
  const coro2 = aio.coroutine(function* (i) {
    try {
      yield* b.with(function* (k) {
        if (k === Math.floor(N / 2)) throw new aio.RuntimeError("party failed");
      });
      yield* b.with(function* () {
        log.push(["second round", i]);
      });
    } catch (e) {
      if (isBroken(e)) log.push(["broken", i, e.message]);
      else if (e instanceof aio.RuntimeError) {
        log.push(["failed", i, e.message]);
        yield* b.abort();
      } else throw e;
    }
  });
  yield* aio.gather(...range(N).map((i) => coro2(i)));
  for (const x of log) print(...x);
  print("after", r(b), b.broken);

  print("-- abort, then synchronize and reset");
  const b1 = new aio.Barrier(N);
  const b2 = new aio.Barrier(N);
  log = [];
  const coro3 = aio.coroutine(function* (i) {
    try {
      const k = yield* b1.wait();
      if (k === Math.floor(N / 2)) throw new aio.RuntimeError();
      yield* b1.wait();
      log.push(["passed", i]);
    } catch (e) {
      if (isBroken(e)) log.push(["broken", i]);
      else if (e instanceof aio.RuntimeError) {
        log.push(["abort by", i]);
        yield* b1.abort();
      } else throw e;
    }
    let k = yield* b2.wait();
    if (k === Math.floor(N / 2)) {
      log.push(["reset by", i, r(b1)]);
      yield* b1.reset();
    }
    yield* b2.wait();
    k = yield* b1.wait();
    log.push(["final", i, k]);
  });
  yield* aio.gather(...range(N).map((i) => coro3(i)));
  for (const x of log) print(...x);
  print("after", r(b1), r(b2), b1.broken);
});
