import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const playerA = aio.coroutine(function* (q1, q2, n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    print("A put", i);
    yield* q1.put(i);
    const v = yield* q2.get();
    print("A got", v);
    total += v;
  }
  yield* q1.put(null);
  return total;
});

const playerB = aio.coroutine(function* (q1, q2) {
  let count = 0;
  for (;;) {
    const v = yield* q1.get();
    if (v === null) return count;
    print("B got", v);
    count++;
    yield* q2.put(v * 2);
    print("B put", v * 2);
  }
});

await aio.run(function* () {
  for (const maxsize of [0, 1]) {
    print("maxsize", maxsize);
    const q1 = new aio.Queue(maxsize);
    const q2 = new aio.Queue(maxsize);
    const a = aio.createTask(playerA(q1, q2, 4));
    const b = aio.createTask(playerB(q1, q2));
    print("results", yield* aio.gather(a, b));
  }
  const q1 = new aio.Queue();
  const q2 = new aio.Queue();
  const quietA = aio.coroutine(function* (n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      q1.putNowait(i);
      s += yield* q2.get();
    }
    return s;
  });
  const quietB = aio.coroutine(function* (n) {
    for (let i = 0; i < n; i++) yield* q2.put((yield* q1.get()) + 1);
  });
  print("totals", yield* aio.gather(quietA(5000), quietB(5000)));
});
