import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const worker = aio.coroutine(async function (name, n) {
  print(name, "start");
  for (let i = 0; i < n; i++) {
    await aio.sleep(0);
    print(name, "after sleep(0)", i);
  }
  print(name, "done");
  return name;
});

const yielder = aio.coroutine(async function (name, n) {
  print(name, "start");
  for (let i = 0; i < n; i++) {
    await aio.sleep(0); // no bare yield in async functions: sleep(0) is asyncio's bare yield
    print(name, "after bare yield", i);
  }
  return name.toUpperCase();
});

await aio.run(async () => {
  const ta = aio.createTask(worker("a", 3));
  const tb = aio.createTask(worker("b", 2));
  print("main after creating a, b");
  const tc = aio.createTask(worker("c", 1));
  print("main after creating c");
  await aio.sleep(0);
  print("main after sleep(0) #1");
  const td = aio.createTask(worker("d", 1));
  await aio.sleep(0);
  print("main after sleep(0) #2");
  const res = [await ta, await tb, await tc, await td];
  print("results", res);

  const ty = aio.createTask(yielder("y", 2));
  const tz = aio.createTask(yielder("z", 3));
  await aio.sleep(0); // no bare yield in async functions: sleep(0) is asyncio's bare yield
  print("main after bare yield");
  print("results", await ty, await tz);

  print("end");
});
