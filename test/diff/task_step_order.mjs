import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const worker = aio.coroutine(function* (name, n) {
  print(name, "start");
  for (let i = 0; i < n; i++) {
    yield* aio.sleep(0);
    print(name, "after sleep(0)", i);
  }
  print(name, "done");
  return name;
});

const yielder = aio.coroutine(function* (name, n) {
  print(name, "start");
  for (let i = 0; i < n; i++) {
    yield;
    print(name, "after bare yield", i);
  }
  return name.toUpperCase();
});

await aio.run(function* () {
  const ta = aio.createTask(worker("a", 3));
  const tb = aio.createTask(worker("b", 2));
  print("main after creating a, b");
  const tc = aio.createTask(worker("c", 1));
  print("main after creating c");
  yield* aio.sleep(0);
  print("main after sleep(0) #1");
  const td = aio.createTask(worker("d", 1));
  yield* aio.sleep(0);
  print("main after sleep(0) #2");
  const res = [yield* ta, yield* tb, yield* tc, yield* td];
  print("results", res);

  const ty = aio.createTask(yielder("y", 2));
  const tz = aio.createTask(yielder("z", 3));
  yield;
  print("main after bare yield");
  print("results", yield* ty, yield* tz);

  print("end");
});
