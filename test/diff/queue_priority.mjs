import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

function* lcg(seed = 12345) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(1664525, x) + 1013904223) >>> 0;
    yield x >>> 16;
  }
}

class Job {}

/** Python tuples are arrays here; print them as tuples. */
const t = (a) => (Array.isArray(a) ? tuple(...a.map(t)) : a);

await aio.run(function* () {
  let q = new aio.PriorityQueue();
  for (const item of [[3, "c"], [1, "a"], [2, "b"], [1, "A"], [0, "z", 1], [0, "z"], [2, "b", 0]]) yield* q.put(item);
  const out0 = [];
  for (let n = q.qsize(); n > 0; n--) out0.push(t(yield* q.get()));
  print("out", out0);

  q = new aio.PriorityQueue();
  for (const s of ["pear", "apple", "fig", "Apple", "apple pie", ""]) q.putNowait(s);
  const strs = [];
  for (let n = q.qsize(); n > 0; n--) strs.push(q.getNowait());
  print("strings", strs);
  for (const n of [5, -1, 2.5, 0, 10 ** 15, -7.25]) q.putNowait(n);
  const nums = [];
  for (let n = q.qsize(); n > 0; n--) nums.push(q.getNowait());
  print("numbers", nums);

  const r = lcg();
  const vals = [0, false, 1, true, 2, 3];
  q = new aio.PriorityQueue();
  const out = [];
  for (let i = 0; i < 300; i++) {
    const x = r.next().value;
    if (x % 3 === 0 && !q.empty()) out.push(q.getNowait());
    else q.putNowait(vals[x % vals.length]);
  }
  for (let n = q.qsize(); n > 0; n--) out.push(q.getNowait());
  print("ties", out.length);
  for (let i = 0; i < out.length; i += 30) print(" ", out.slice(i, i + 30));

  q = new aio.PriorityQueue();
  for (let i = 0; i < 40; i++) q.putNowait([r.next().value % 4, i]);
  const ids = [];
  for (let i = 0; i < 20; i++) ids.push(q.getNowait()[1]);
  print("tuples", ids);

  q = new aio.PriorityQueue();
  q.putNowait([1, "a"]);
  try {
    q.putNowait([1, 2]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError", e.message);
  }
  q = new aio.PriorityQueue();
  q.putNowait("s");
  try {
    yield* q.put(5);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError", e.message);
  }
  q = new aio.PriorityQueue();
  q.putNowait([1, null]);
  try {
    q.putNowait([1, null, 2]);
    print("prefix ok", t(q.getNowait()), t(q.getNowait()));
    q.putNowait([1, null]);
    q.putNowait([1, null]);
    print("equal ok", q.qsize());
    q.putNowait([1, new Job()]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError", e.message);
  }

  q = new aio.PriorityQueue(2);
  const putter = aio.coroutine(function* (item) {
    yield* q.put(item);
    print("put", t(item));
  });
  const getter = aio.coroutine(function* (name) {
    const v = yield* q.get();
    print(name, "got", t(v));
  });
  const ps = [5, 3, 4, 1].map((p) => aio.createTask(putter([p, `job${p}`])));
  yield* aio.sleep(0);
  print("qsize", q.qsize(), "full", q.full());
  while (!(q.empty() && ps.every((p) => p.done()))) {
    print("get", t(yield* q.get()));
    yield* aio.sleep(0);
  }
  const gs = [0, 1].map((i) => aio.createTask(getter(`g${i}`)));
  yield* aio.sleep(0);
  q.putNowait([9, "late"]);
  q.putNowait([0, "early"]);
  yield* aio.gather(...gs);
});
