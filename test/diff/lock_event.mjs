import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";
import { tname } from "./comp_util.mjs";

// Event: set() wakes every waiter (they run in the order they started waiting, after tasks
// already scheduled); clear(); wait() on a set event does not suspend; set+clear before the
// waiters run still wakes them; cancellation while waiting and racing with set().
const r = (x) => String(x);

await aio.run(function* () {
  const ev = new aio.Event();
  print("initial", ev.isSet(), r(ev));
  const result = [];
  const c = aio.coroutine(function* (i) {
    print("wait", i);
    if (yield* ev.wait()) {
      result.push(i);
      print("woke", i, ev.isSet());
    }
    return i;
  });

  const t1 = aio.createTask(c(1));
  const t2 = aio.createTask(c(2));
  yield* aio.sleep(0);
  print("waiting", r(ev), result);
  const t3 = aio.createTask(c(3));
  ev.set();
  print("set", r(ev));
  yield* aio.sleep(0);
  print("result", result);
  print("results", yield* aio.gather(t1, t2, t3), r(ev));

  print("-- wait on a set event does not suspend");
  const order = [];
  const other = aio.coroutine(function* () {
    order.push("other");
  });
  const o = aio.createTask(other());
  order.push(tuple("wait", yield* ev.wait()));
  order.push("after");
  yield* o;
  print("order", order);

  print("-- clear, then set + clear before the waiters run");
  ev.clear();
  print("cleared", ev.isSet(), r(ev));
  const ts = [4, 5].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  ev.set();
  ev.clear();
  print("set+clear", r(ev));
  ev.set();
  ev.set();
  print("set twice", r(ev));
  print("results", yield* aio.gather(...ts), r(ev));

  print("-- cancel while waiting");
  ev.clear();
  const w = aio.createTask(ev.wait());
  yield* aio.sleep(0);
  print("waiting", r(ev));
  w.cancel();
  yield* aio.gather(w, { returnExceptions: true });
  print("cancelled", w.cancelled(), r(ev));

  print("-- set and cancel in the same iteration");
  const ws = [6, 7, 8].map((i) => aio.createTask(c(i)));
  yield* aio.sleep(0);
  ev.set();
  ws[1].cancel();
  const res = yield* aio.gather(...ws, { returnExceptions: true });
  print("res", res.map((x) => (typeof x === "number" ? x : tname(x))), r(ev));

  print("-- a waiter that clears for the next round");
  ev.clear();
  const rounds = [];
  const consumer = aio.coroutine(function* () {
    for (let i = 0; i < 3; i++) {
      yield* ev.wait();
      ev.clear();
      rounds.push("consumed");
    }
  });
  const cons = aio.createTask(consumer());
  for (let i = 0; i < 3; i++) {
    yield* aio.sleep(0);
    rounds.push(tuple("produce", i));
    ev.set();
  }
  yield* cons;
  print("rounds", rounds);
});
