import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// CPython test_locks.py EventTests, as traces: test_repr (with real waiters), test_wait,
// test_wait_on_set, test_wait_cancel, test_clear, test_clear_with_waiters.
const r = (x) => String(x);

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("== test_repr");
  let ev = new aio.Event();
  print(r(ev));
  ev.set();
  print(r(ev));
  ev.clear();
  const w = aio.createTask(ev.wait());
  yield* aio.sleep(0);
  print("one waiter", r(ev));
  ev.set();
  print("set with waiter", r(ev));
  print("waiter", yield* w, r(ev));

  print("== test_wait");
  ev = new aio.Event();
  print("is_set", ev.isSet());
  let result = [];
  const c = aio.coroutine(function* (i) {
    const got = yield* ev.wait();
    if (got) result.push(i);
    print(`c${i} woke`, got, r(ev));
  });
  const t1 = aio.createTask(c(1));
  const t2 = aio.createTask(c(2));
  yield* aio.sleep(0);
  print("waiting", result, r(ev));
  const t3 = aio.createTask(c(3));
  ev.set();
  print("set", r(ev));
  yield* aio.sleep(0);
  print("result", result);
  print("tasks", [t1, t2, t3].map((t) => tuple(t.done(), t.result())));

  print("== test_wait_on_set");
  ev = new aio.Event();
  ev.set();
  print("wait", yield* ev.wait(), r(ev));

  print("== test_wait_cancel");
  ev = new aio.Event();
  const wait = aio.createTask(ev.wait());
  loop.callSoon(() => wait.cancel());
  try {
    yield* wait;
    print("not cancelled?");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("CancelledError", wait.cancelled(), r(ev));
  }

  print("== test_clear");
  ev = new aio.Event();
  print(ev.isSet());
  ev.set();
  print(ev.isSet());
  ev.clear();
  print(ev.isSet(), r(ev));

  print("== test_clear_with_waiters");
  ev = new aio.Event();
  result = [];
  const c1 = aio.coroutine(function* () {
    if (yield* ev.wait()) result.push(1);
    return true;
  });
  const t = aio.createTask(c1());
  yield* aio.sleep(0);
  print("waiting", result, r(ev));
  ev.set();
  ev.clear();
  print("set+clear", ev.isSet(), r(ev));
  ev.set();
  ev.set();
  print("set twice", ev.isSet(), r(ev));
  yield* aio.sleep(0);
  print("after tick", result, r(ev), t.done(), t.result());
});
