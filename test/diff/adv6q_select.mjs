import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// "select" over queues and a semaphore with wait(FIRST_COMPLETED): a getter task per source,
// the losers cancelled and awaited each round. Sources fed one at a time, both in one callback,
// one after the other, both before the round starts (both tasks finish in their first step), an
// item stolen by get_nowait() in the callback that put it, and a queue and the semaphore fed
// while the round's losers are being cancelled (a woken loser leaves its item queued, a woken
// acquirer gives its unit back). Nothing is lost: leftovers are listed at the end.
const r = (x) => String(x);
const byName = (a, b) => (a.getName() < b.getName() ? -1 : a.getName() > b.getName() ? 1 : 0);

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const qa = new aio.Queue();
  const qb = new aio.LifoQueue(2);
  const sem = new aio.Semaphore(0);

  const put = (q, ...items) => {
    for (const x of items) q.putNowait(x);
    print("   put", tuple(...items), "->", q.constructor.name);
  };

  const stealThen = (q, x, other, y) => {
    q.putNowait(x);
    print("   put", x, "and stole", q.getNowait());
    other.putNowait(y);
    print("   put", y);
  };

  const rel = () => {
    sem.release();
    print("   release", r(sem));
  };

  const acquireNamed = aio.coroutine(function* () {
    yield* sem.acquire();
    return "unit";
  });

  // fn(...args) k iterations from now (each callSoon runs in the next iteration)
  const later = (k, fn, ...args) => {
    if (k === 0) fn(...args);
    else loop.callSoon(later, k - 1, fn, ...args);
  };

  const schedules = [
    ["a only", () => later(3, put, qa, "a1"), false],
    ["both in one callback", () => later(3, () => (put(qa, "a2"), put(qb, "b2"))), false],
    ["b then a", () => (later(3, put, qb, "b3"), later(4, put, qa, "a3")), false],
    ["both before", () => (put(qa, "a4"), put(qb, "b4", "b5")), false],
    ["stolen", () => later(3, stealThen, qa, "a6", qb, "b6"), false],
    ["sem and queue together", () => later(3, () => (rel(), put(qa, "a7"))), true],
    ["sem alone", () => later(3, rel), true],
    ["queue then sem", () => (later(3, put, qb, "b8"), later(3, rel)), true],
  ];
  for (const [i, [title, feed, withSem]] of schedules.entries()) {
    print("-- round", i, title);
    feed();
    const tasks = [aio.createTask(qa.get(), { name: "qa" }), aio.createTask(qb.get(), { name: "qb" })];
    if (withSem) tasks.push(aio.createTask(acquireNamed(), { name: "sem" }));
    const [done, pending] = yield* aio.wait(tasks, { returnWhen: aio.FIRST_COMPLETED });
    print(
      "   done",
      [...done].sort(byName).map((t) => tuple(t.getName(), t.result())),
      "pending",
      [...pending].sort(byName).map((t) => t.getName()),
    );
    for (const t of pending) t.cancel();
    const res = yield* aio.gather(...[...pending].sort(byName), { returnExceptions: true });
    print("   losers", res.map((x) => (x instanceof Error ? x.name : x)));
    print("   ", String(qa), String(qb), r(sem));
  }

  print("-- leftovers");
  const drain = (q) => Array.from({ length: q.qsize() }, () => q.getNowait());
  print("  ", drain(qa), drain(qb), r(sem));
  print("  ", String(qa), String(qb));
});
