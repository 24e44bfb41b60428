import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of lock_mixed.mjs (every task and body an async function).
// All primitives together, shared by several tasks (here generator tasks a, c and async-function
// tasks b, d side by side, each using with() bodies of the other kind): an Event starts them, a
// Semaphore bounds them, a Lock serializes a section, a Condition on that same Lock holds them
// until a flag is set, a Barrier lines them up at the end.
await aio.run(async () => {
  const lock = new aio.Lock();
  const cond = new aio.Condition(lock);
  const sem = new aio.Semaphore(2);
  const ev = new aio.Event();
  const b = new aio.Barrier(4);
  const ready = [];
  const log = [];

  const genWorker = aio.coroutine(async function (name) {
    await ev.wait();
    log.push(["start", name]);
    await sem.with(async () => {
      await lock.with(async () => {
        log.push(["locked", name, sem.locked()]);
        await aio.sleep(0);
      });
      log.push(["unlocked", name]);
    });
    await cond.with(async () => {
      const v = await cond.waitFor(() => ready.length > 0 && ready[0]);
      log.push(["cond", name, v]);
    });
    const k = await b.wait();
    log.push(["barrier", name, k]);
    return name;
  });

  const asyncWorker = aio.coroutine(async function (name) {
    await ev.wait();
    log.push(["start", name]);
    await sem.with(async function () {
      await lock.with(async function () {
        log.push(["locked", name, sem.locked()]);
        await aio.sleep(0);
      });
      log.push(["unlocked", name]);
    });
    await cond.with(async function () {
      const v = await cond.waitFor(() => ready.length > 0 && ready[0]);
      log.push(["cond", name, v]);
    });
    const k = await b.wait();
    log.push(["barrier", name, k]);
    return name;
  });

  const tasks = [
    aio.createTask(genWorker("a")),
    aio.createTask(asyncWorker("b")),
    aio.createTask(genWorker("c")),
    aio.createTask(asyncWorker("d")),
  ];
  await aio.sleep(0);
  ev.set();
  for (let i = 0; i < 8; i++) {
    await aio.sleep(0);
    log.push(["tick", i]);
  }
  await cond.with(async function () {
    ready.push("go");
    cond.notifyAll();
  });
  print("results", await aio.gather(...tasks));
  for (const entry of log) print(...entry);
  print("final", lock.locked(), sem.locked(), ev.isSet(), b.nWaiting);
});
