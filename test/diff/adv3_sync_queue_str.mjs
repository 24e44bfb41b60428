import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// str() of queues holding items (asyncio prints the list of items, in storage order: FIFO order,
// the LIFO stack bottom first, the PriorityQueue heap as laid out), with maxsize, waiters and
// unfinished tasks.
await aio.run(function* () {
  const q = new aio.Queue(3);
  print(String(q));
  q.putNowait(1);
  print(String(q));
  q.putNowait("two");
  q.putNowait([3, "x"]);
  print(String(q));
  const p = aio.createTask(q.put(4));
  yield* aio.sleep(0);
  print(String(q));
  print(q.getNowait(), String(q));
  yield* p;
  print(String(q));

  const lq = new aio.LifoQueue();
  for (const x of [1, 2, 3]) lq.putNowait(x);
  print(String(lq), lq.getNowait(), String(lq));

  const pq = new aio.PriorityQueue();
  for (const x of [5, 1, 4, 2, 3]) pq.putNowait(x);
  print(String(pq), pq.getNowait(), String(pq));

  const eq = new aio.Queue();
  const g = aio.createTask(eq.get());
  yield* aio.sleep(0);
  print(String(eq));
  eq.putNowait([]);
  print(String(eq));
  print(yield* g, String(eq));
});
