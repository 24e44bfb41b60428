import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of lock_bsem.mjs.
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

await aio.run(async () => {
  let sem = new aio.BoundedSemaphore(2);
  print("initial", r(sem), sem.locked());
  tryRelease(sem);
  await sem.acquire();
  await sem.acquire();
  print("both taken", r(sem), sem.locked());
  let w = aio.createTask(sem.acquire());
  await aio.sleep(0);
  print("waiting", r(sem));
  sem.release();
  print("released once (handed to waiter)", r(sem));
  await w;
  sem.release();
  sem.release();
  print("released all", r(sem));
  tryRelease(sem);

  print("-- with");
  const log = [];
  const job = aio.coroutine(async function (i) {
    await sem.with(async function () {
      log.push(["in", i, r(sem)]);
      await aio.sleep(0);
    });
    log.push(["out", i]);
  });
  await aio.gather(job(0), job(1), job(2), job(3));
  for (const entry of log) print(...entry);
  print("final", r(sem));

  print("-- over-release while a woken waiter has not run yet");
  sem = new aio.BoundedSemaphore(1);
  await sem.acquire();
  w = aio.createTask(sem.acquire());
  await aio.sleep(0);
  sem.release();
  tryRelease(sem, "second release accepted");
  await w;
  print("after", r(sem));
  tryRelease(sem);
  print("end", r(sem), "loop still runs", await aio.sleep(0, true));
});
