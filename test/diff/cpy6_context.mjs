import { AsyncLocalStorage } from "node:async_hooks";
import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// CPython test_tasks.py, contextvars and tasks, as printed traces:
// test_context_3 (many tasks in parallel, each setting the variable before every sleep and
// finding its own value after it; here 30 tasks with deterministic sleeps instead of random
// ones) and test_context_2 (a task's sets last across awaits of a future completed by a
// callSoon callback and across sleeps; its done-callback part, a set inside a callback added
// by the task, is left out: aionode shares the step's context with such a callback, a documented
// difference). test_context_1 is what adv_ctx_task_copy prints; test_context_4..6 need
// create_task(context=), which aionode does not have. (AsyncLocalStorage plays the ContextVar,
// var.set <-> als.enterWith.)

const als = new AsyncLocalStorage();
const get = () => als.getStore() ?? -1;
const set = (v) => als.enterWith(v);

const sub = aio.coroutine(function* sub(num, k, log) {
  let bad = 0;
  for (let i = 0; i < 10; i++) {
    set(num + i);
    const d = (k * 7 + i * 3) % 5;
    if (d === 0) yield* aio.sleep(0);
    else yield* aio.sleep(d * 0.002);
    if (get() !== num + i) bad += 1;
  }
  log.push(k);
  return bad;
});

const main3 = aio.coroutine(function* main3(loop) {
  print("main starts with", get());
  const log = [];
  const tasks = [];
  for (let k = 0; k < 30; k++) tasks.push(loop.createTask(sub(k % 11, k, log)));
  const results = yield* aio.gather(...tasks);
  print("mismatches", results.reduce((a, b) => a + b, 0), "tasks finished", log.length, "main sees", get());
});

const main2 = aio.coroutine(function* main2(loop) {
  print("main starts with", get());
  for (let j = 0; j < 2; j++) {
    const fut = loop.createFuture();
    set(`yes${j}`);
    loop.callSoon(fut.setResult.bind(fut), null);
    yield* fut;
    print("after the future", get());
    for (let i = 0; i < 3; i++) {
      set(`yes${i}-${j}`);
      yield* aio.sleep(0.001);
      print("after a sleep", get());
    }
  }
  return get();
});

print("== test_context_3");
const loop = aio.newEventLoop();
await loop.runUntilComplete(main3(loop));
print("outside", get());

print("== test_context_2");
print("main ->", await loop.runUntilComplete(loop.createTask(main2(loop))));
print("outside", get());
loop.close();
