import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Barrier.reset(): waiting parties get BrokenBarrierError and the barrier goes through
// 'resetting' back to 'filling' once they have left; reset of an idle barrier; reset while
// some parties drain and others block; parties that wait again after the reset.
const r = (x) => String(x);
const isBroken = (e) => e instanceof aio.BrokenBarrierError;
const N = 5;
const range = (n) => Array.from({ length: n }, (_, i) => i);

await aio.run(function* () {
  print("-- reset of an idle barrier");
  let b = new aio.Barrier(1);
  aio.createTask(b.reset());
  yield* aio.sleep(0);
  print("idle", b.nWaiting, b.broken, r(b));

  print("-- reset while N-1 wait");
  b = new aio.Barrier(N);
  let results = [];
  const coro = aio.coroutine(function* (name) {
    try {
      yield* b.wait();
      results.push([name, "passed"]);
    } catch (e) {
      if (!isBroken(e)) throw e;
      results.push([name, "broken", e.message]);
    }
  });
  let tasks = range(N - 1).map((i) => aio.createTask(coro(i)));
  yield* aio.sleep(0);
  print("filling", r(b));
  const rt = aio.createTask(b.reset());
  yield* aio.sleep(0);
  print("resetting", r(b), rt.done());
  yield* aio.gather(...tasks);
  for (const x of results) print(...x);
  print("after", r(b), b.broken);

  print("-- waiting again after the reset completes the barrier");
  b = new aio.Barrier(N);
  results = [];
  const coro1 = aio.coroutine(function* (i) {
    try {
      yield* b.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      results.push(["broken", i]);
    } finally {
      const k = yield* b.wait();
      results.push(["second", i, k]);
    }
  });
  const coro2 = aio.coroutine(function* () {
    yield* b.with(function* (k) {
      results.push(["late", k]);
    });
  });
  tasks = range(N - 1).map((i) => aio.createTask(coro1(i)));
  aio.createTask(b.reset());
  yield* aio.sleep(0);
  print("state", r(b));
  aio.createTask(coro2());
  yield* aio.gather(...tasks);
  yield* aio.sleep(0);
  for (const x of results) print(...x);
  print("after", r(b));

  print("-- reset by the last party out: the others pass their second wait");
  b = new aio.Barrier(N);
  let count = 0;
  let log = [];
  const coro3 = aio.coroutine(function* (i) {
    let k = yield* b.wait();
    count += 1;
    if (count === N) {
      log.push(["reset by", i, r(b)]);
      yield* b.reset();
      log.push(["after reset", r(b)]);
      yield* b.wait();
    } else {
      try {
        yield* b.wait();
        log.push(["second passed", i]);
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push(["second broken", i]);
      }
    }
    k = yield* b.wait();
    log.push(["third", i, k]);
  });
  yield* aio.gather(...range(N).map((i) => coro3(i)));
  for (const x of log) print(...x);
  print("after", r(b));

  print("-- reset when half drained, half blocking");
  b = new aio.Barrier(N);
  const blocking = Math.floor(N / 2);
  count = 0;
  log = [];
  const coro4 = aio.coroutine(function* (i) {
    let broken = false;
    try {
      yield* b.wait();
    } catch (e) {
      if (!isBroken(e)) throw e;
      broken = true;
    }
    if (broken) {
      log.push(["broken then rewait", i]);
      yield* b.wait();
      return;
    }
    count += 1;
    if (count > blocking) {
      log.push(["reset by", i, r(b)]);
      yield* b.reset();
      yield* b.wait();
    } else {
      try {
        yield* b.wait();
        log.push(["second passed", i]);
      } catch (e) {
        if (!isBroken(e)) throw e;
        log.push(["second broken", i]);
      }
    }
  });
  yield* aio.gather(...range(N).map((i) => coro4(i)));
  for (const x of log) print(...x);
  print("after", r(b), b.nWaiting, b.broken);
});
