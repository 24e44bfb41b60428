import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_queues.py _QueueJoinTestMixin test_task_done, for Queue, LifoQueue and
// PriorityQueue: two workers drain 100 items (get() on a non-empty queue does not suspend, so
// who takes what is deterministic), join() returns once every item is marked done, then the
// workers are let go with one item each; a join() task waiting for two more items.
const S = (q) => String(q);

await aio.run(function* () {
  for (const cls of [aio.Queue, aio.LifoQueue, aio.PriorityQueue]) {
    print("== test_task_done", cls.name);
    const q = new cls();
    for (let i = 0; i < 100; i++) q.putNowait(i);
    let accumulator = 0;
    let running = true;
    const taken = [[], []];
    const log = [];
    const worker = aio.coroutine(function* (w) {
      while (running) {
        const item = yield* q.get();
        accumulator += item;
        taken[w].push(item);
        q.taskDone();
      }
      log.push([`worker ${w} exits`, q.qsize()]);
    });
    yield* aio.taskGroup(function* (tg) {
      const tasks = [0, 1].map((w) => tg.createTask(worker(w)));
      log.push(["join", S(q).slice(0, 40)]);
      yield* q.join();
      log.push(["joined", accumulator === 4950, S(q)]);
      running = false;
      for (let i = 0; i < tasks.length; i++) q.putNowait(0);
      log.push(["released", S(q)]);
    });
    for (const x of log) print(" ", ...x);
    for (const w of [0, 1]) print("  worker", w, taken[w].length, taken[w].slice(0, 5), taken[w].slice(-3));
    print(" ", accumulator, S(q));
    yield* q.join();
    print("  join again", S(q));
    q.putNowait(7);
    q.putNowait(8);
    const j = aio.createTask(q.join());
    yield* aio.sleep(0);
    print("  join waits", j.done(), S(q));
    q.getNowait();
    q.taskDone();
    yield* aio.sleep(0);
    print("  one done", j.done(), S(q));
    q.getNowait();
    q.taskDone();
    print("  two done", j.done(), S(q));
    yield* aio.sleep(0);
    print("  tick", j.done(), j.result(), S(q));
  }
});
