import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of lock_barrier_abort.mjs.
// Barrier.abort(): the barrier is broken; waiting parties and every later wait() get
// BrokenBarrierError ("Abort or reset of barrier" for those waiting, "Barrier aborted" for
// new arrivals) until reset(); abort on an exception inside barrier.with(); abort, then
// synchronize on a second barrier and reset the first.
const r = (x) => String(x);
const isBroken = (e) => e instanceof aio.BrokenBarrierError;
const N = 5;
const range = (n) => Array.from({ length: n }, (_, i) => i);

await aio.run(async () => {
  print("-- abort of an idle barrier");
  let b = new aio.Barrier(1);
  aio.createTask(b.abort());
  await aio.sleep(0);
  print("idle", b.nWaiting, b.broken, r(b));
  try {
    await b.wait();
  } catch (e) {
    if (!isBroken(e)) throw e;
    print("wait on broken:", e.message);
  }
  await b.reset();
  print("reset", b.broken, r(b), await b.wait());

  print("-- abort while half drained, half blocking");
  b = new aio.Barrier(N);
  const blocking = Math.floor(N / 2);
  let count = 0;
  let log = [];
  const coro = aio.coroutine(async function (i) {
    try {
      await b.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      log.push(["first broken", i, e.message]);
      return;
    }
    count += 1;
    if (count > blocking) {
      log.push(["abort by", i, r(b)]);
      await b.abort();
    } else {
      try {
        await b.wait();
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push(["second broken", i, e.message]);
      }
    }
  });
  await aio.gather(...range(N).map((i) => coro(i)));
  for (const x of log) print(...x);
  print("after", r(b), b.nWaiting, b.broken);

  print("-- exception inside async with barrier: abort");
  b = new aio.Barrier(N);
  log = [];
  const coro2 = aio.coroutine(async function (i) {
    try {
      await b.with(async function (k) {
        if (k === Math.floor(N / 2)) throw new aio.RuntimeError("party failed");
      });
      await b.with(async function () {
        log.push(["second round", i]);
      });
    } catch (e) {
      if (isBroken(e)) log.push(["broken", i, e.message]);
      else if (e instanceof aio.RuntimeError) {
        log.push(["failed", i, e.message]);
        await b.abort();
      } else throw e;
    }
  });
  await aio.gather(...range(N).map((i) => coro2(i)));
  for (const x of log) print(...x);
  print("after", r(b), b.broken);

  print("-- abort, then synchronize and reset");
  const b1 = new aio.Barrier(N);
  const b2 = new aio.Barrier(N);
  log = [];
  const coro3 = aio.coroutine(async function (i) {
    try {
      const k = await b1.wait();
      if (k === Math.floor(N / 2)) throw new aio.RuntimeError();
      await b1.wait();
      log.push(["passed", i]);
    } catch (e) {
      if (isBroken(e)) log.push(["broken", i]);
      else if (e instanceof aio.RuntimeError) {
        log.push(["abort by", i]);
        await b1.abort();
      } else throw e;
    }
    let k = await b2.wait();
    if (k === Math.floor(N / 2)) {
      log.push(["reset by", i, r(b1)]);
      await b1.reset();
    }
    await b2.wait();
    k = await b1.wait();
    log.push(["final", i, k]);
  });
  await aio.gather(...range(N).map((i) => coro3(i)));
  for (const x of log) print(...x);
  print("after", r(b1), r(b2), b1.broken);
});
