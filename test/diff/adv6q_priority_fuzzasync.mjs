import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Async-function twin of adv6q_priority_fuzz.mjs.

// PriorityQueue against heapq with many ties, driven by a deterministic generator (Park-Miller):
// numbers mixing ints, halves, booleans (True == 1), -0.0 and 0, inf and nan (every comparison
// with nan is false, so its place depends on heapq's exact comparisons); lists compared as
// tuples (equal heads, a shorter list before a longer one, booleans against ints, strings with
// characters above U+FFFF and in U+E000-U+FFFF); and plain strings. Each get and the heap layout
// (str) every few steps; then getters waiting on an empty PriorityQueue fed several entries in
// one iteration, and a bounded one whose putters wait.
let seed = 12345;
function rnd(n) {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
}

const STRS = ["a", "b", "", "ab", "\ue000", "\u{1F600}", "\uffff", "z", "A"];

function number() {
  const k = rnd(8);
  const p = rnd(4);
  if (k < 3) return p;
  if (k < 5) return p + 0.5;
  if (k === 5) return [true, false, -0][rnd(3)];
  if (k === 6) return [Infinity, -0.5][rnd(2)];
  return rnd(4) === 0 ? NaN : p;
}

function entry() {
  const k = rnd(5);
  const head = [rnd(3), true, 1.5, 0][rnd(4)];
  if (k === 0) return [head];
  if (k === 4) return [head, STRS[rnd(STRS.length)], rnd(3)];
  return [head, STRS[rnd(STRS.length)]];
}

function string() {
  return STRS[rnd(STRS.length)] + STRS[rnd(STRS.length)];
}

await aio.run(async function () {
  for (const [name, make] of [["numbers", number], ["lists", entry], ["strings", string]]) {
    print("--", name);
    const q = new aio.PriorityQueue();
    let out = [];
    for (let step = 0; step < 150; step++) {
      if (rnd(3) !== 0) q.putNowait(make());
      else if (!q.empty()) out.push(q.getNowait());
      if (step % 30 === 29) {
        print(" out", out);
        out = [];
        print(" ", String(q));
      }
    }
    while (!q.empty()) out.push(q.getNowait());
    print(" drained", out);
    try {
      q.getNowait();
    } catch (e) {
      if (!(e instanceof aio.QueueEmpty)) throw e;
      print(" QueueEmpty", q.qsize());
    }
  }

  print("-- getters fed in one iteration");
  let q = new aio.PriorityQueue();
  const getter = aio.coroutine(async function (i) {
    const v = await q.get();
    print("  getter", i, "got", repr(v), String(q));
    return v;
  });
  const gs = [0, 1, 2, 3].map((i) => aio.createTask(getter(i)));
  await aio.sleep(0);
  for (let i = 0; i < 6; i++) q.putNowait(entry());
  print(" ", String(q));
  await aio.gather(...gs);
  print(" left", String(q));

  print("-- bounded with putters");
  q = new aio.PriorityQueue(3);
  const putter = aio.coroutine(async function (v) {
    await q.put(v);
    print("  put", repr(v), String(q));
  });
  const ps = [];
  for (let i = 0; i < 6; i++) ps.push(aio.createTask(putter(number())));
  await aio.sleep(0);
  print(" ", String(q));
  while (!ps.every((p) => p.done()) || !q.empty()) {
    print("  get", repr(q.getNowait()));
    await aio.sleep(0);
  }
  print(" end", String(q));
});
