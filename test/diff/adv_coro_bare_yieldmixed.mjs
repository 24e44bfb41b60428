import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// The worker uses bare yields where Python awaits: `yield fut` (a pending future or task),
// `yield` (Python's @types.coroutine bare yield: relinquish one iteration) and `yield coro()`.
// Here the clock, setter and slow() are async functions (`yield slow()` runs it inline).
const it = [0];

const clock = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    await aio.sleep(0);
  }
});

const setter = aio.coroutine(async function (fut, value, n, fail = false) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  if (fut.done()) {
    print("setter finds it done, cancelled", fut.cancelled());
    return;
  }
  print("setter", fail ? "fails" : "sets", value);
  if (fail) fut.setException(new ValueError(value));
  else fut.setResult(value);
});

const slow = aio.coroutine(async function (name, n) {
  print(name, "slow starts");
  try {
    for (let i = 0; i < n; i++) await aio.sleep(0);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(name, "slow cancelled", repr(str(e)));
    throw e;
  }
  print(name, "slow ends");
  return name + " slow result";
});

const worker = aio.coroutine(function* (name, fut) {
  print(name, "waits for its future");
  try {
    const v = yield fut;
    print(name, "got", repr(v));
    const r = yield;
    print(name, "relinquished, got", repr(r));
    const s = yield slow(name, 2);
    print(name, "got", repr(s));
    return v;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print(name, "cancelled", repr(str(e)), "fut cancelled", fut.cancelled());
      throw e;
    }
    if (!(e instanceof ValueError)) throw e;
    print(name, "ValueError", repr(str(e)));
    return "failed";
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);

  print("== two workers, futures set at different times");
  const f1 = loop.createFuture();
  const f2 = loop.createFuture();
  let w1 = aio.createTask(worker("w1", f1));
  let w2 = aio.createTask(worker("w2", f2));
  aio.createTask(setter(f2, "two", 1));
  aio.createTask(setter(f1, "one", 3));
  print("results", yield* w1, yield* w2);

  print("== a worker waiting on a task");
  const t = aio.createTask(slow("inner", 3));
  let w = aio.createTask(worker("wt", t));
  print("result", yield* w);

  print("== failing future");
  let f = loop.createFuture();
  w = aio.createTask(worker("wf", f));
  aio.createTask(setter(f, "bad value", 1, true));
  print("result", yield* w);

  print("== cancel at each suspension");
  for (let k = 1; k < 7; k++) {
    print("-- cancel after", k);
    f = loop.createFuture();
    w = aio.createTask(worker(`wc${k}`, f));
    aio.createTask(setter(f, `v${k}`, 1));
    for (let j = 0; j < k; j++) yield* aio.sleep(0);
    print("cancel ->", w.cancel(`c${k}`));
    try {
      print("result", yield* w);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("raised CancelledError", repr(str(e)), "cancelling", w.cancelling());
    }
  }

  stop.setResult(null);
  yield* ck;
});
