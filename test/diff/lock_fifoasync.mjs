import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Lock fairness (async-function twin of lock_fifo.mjs).
const r = (x) => String(x);

await aio.run(async () => {
  const lock = new aio.Lock();
  print("initial", lock.locked(), r(lock));
  print("acquire", await lock.acquire(), lock.locked(), r(lock));

  const order = [];
  const worker = aio.coroutine(async function (name, hold) {
    print("want", name);
    const res = await lock.acquire();
    print("got", name, res);
    order.push(name);
    for (let i = 0; i < hold; i++) await aio.sleep(0);
    print("release", name);
    lock.release();
    return name;
  });

  const tasks = [["a", 1], ["b", 0], ["c", 2]].map(([n, h]) => aio.createTask(worker(n, h)));
  await aio.sleep(0);
  print("waiting", r(lock));
  lock.release();
  print("released", lock.locked(), r(lock));
  const late = aio.createTask(worker("late", 0));
  const grab = aio.createTask(lock.acquire());
  for (let i = 0; i < 8; i++) {
    await aio.sleep(0);
    print("tick", i, lock.locked(), order);
  }
  print("results", await aio.gather(...tasks, late));
  print("grab done", grab.done(), grab.done() ? grab.result() : null, r(lock));
  lock.release();
  print("final", r(lock));

  print("-- many waiters keep order");
  const seen = [];
  const quick = aio.coroutine(async function (i) {
    await lock.with(async () => {
      seen.push(i);
      await aio.sleep(0);
    });
  });
  await lock.acquire();
  const ts = [];
  for (let i = 0; i < 10; i++) ts.push(aio.createTask(quick(i)));
  await aio.sleep(0);
  lock.release();
  await aio.gather(...ts);
  print("seen", seen, r(lock));
});
