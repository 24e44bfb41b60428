import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// BoundedSemaphore: like Semaphore, but releasing above the initial value fails (ValueError in
// Python; aionode throws RangeError with the same message) and leaves the counter and the
// loop intact.
const r = (x) => String(x);
const tryRelease = (sem, label) => {
  try {
    sem.release();
    if (label) print(label, r(sem));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("release error:", e.message, r(sem));
  }
};

await aio.run(function* () {
  let sem = new aio.BoundedSemaphore(2);
  print("initial", r(sem), sem.locked());
  tryRelease(sem);
  yield* sem.acquire();
  yield* sem.acquire();
  print("both taken", r(sem), sem.locked());
  let w = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  print("waiting", r(sem));
  sem.release();
  print("released once (handed to waiter)", r(sem));
  yield* w;
  sem.release();
  sem.release();
  print("released all", r(sem));
  tryRelease(sem);

  print("-- with");
  const log = [];
  const job = aio.coroutine(function* (i) {
    yield* sem.with(function* () {
      log.push(["in", i, r(sem)]);
      yield* aio.sleep(0);
    });
    log.push(["out", i]);
  });
  yield* aio.gather(job(0), job(1), job(2), job(3));
  for (const entry of log) print(...entry);
  print("final", r(sem));

  print("-- over-release while a woken waiter has not run yet");
  sem = new aio.BoundedSemaphore(1);
  yield* sem.acquire();
  w = aio.createTask(sem.acquire());
  yield* aio.sleep(0);
  sem.release();
  tryRelease(sem, "second release accepted");
  yield* w;
  print("after", r(sem));
  tryRelease(sem);
  print("end", r(sem), "loop still runs", yield* aio.sleep(0, true));
});
