import * as aio from "aionode";
import { print, tuple } from "./pyfmt.mjs";

// Mixed twin of cpy2_event.mjs: the main body is an async function; the coroutines it defines, its with() and taskGroup() bodies generators.
// CPython test_locks.py EventTests, as traces: test_repr (with real waiters), test_wait,
// test_wait_on_set, test_wait_cancel, test_clear, test_clear_with_waiters.
const r = (x) => String(x);

await aio.run(async function () {
  const loop = aio.getRunningLoop();

  print("== test_repr");
  let ev = new aio.Event();
  print(r(ev));
  ev.set();
  print(r(ev));
  ev.clear();
  const w = aio.createTask(ev.wait());
  await aio.sleep(0);
  print("one waiter", r(ev));
  ev.set();
  print("set with waiter", r(ev));
  print("waiter", await w, r(ev));

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
  await aio.sleep(0);
  print("waiting", result, r(ev));
  const t3 = aio.createTask(c(3));
  ev.set();
  print("set", r(ev));
  await aio.sleep(0);
  print("result", result);
  print("tasks", [t1, t2, t3].map((t) => tuple(t.done(), t.result())));

  print("== test_wait_on_set");
  ev = new aio.Event();
  ev.set();
  print("wait", await ev.wait(), r(ev));

  print("== test_wait_cancel");
  ev = new aio.Event();
  const wait = aio.createTask(ev.wait());
  loop.callSoon(() => wait.cancel());
  try {
    await wait;
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
  await aio.sleep(0);
  print("waiting", result, r(ev));
  ev.set();
  ev.clear();
  print("set+clear", ev.isSet(), r(ev));
  ev.set();
  ev.set();
  print("set twice", ev.isSet(), r(ev));
  await aio.sleep(0);
  print("after tick", result, r(ev), t.done(), t.result());
});
