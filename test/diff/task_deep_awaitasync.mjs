import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const AppError = errorClass("AppError");

const depth = aio.coroutine(async function (n) {
  if (n === 0) {
    await aio.sleep(0);
    return 0;
  }
  return 1 + (await depth(n - 1));
});

const raiser = aio.coroutine(async function (n) {
  if (n === 0) {
    await aio.sleep(0);
    throw new AppError("from the bottom");
  }
  try {
    return await raiser(n - 1);
  } finally {
    if (n % 25 === 0) print("unwinding", n);
  }
});

const ticker = aio.coroutine(async function (log) {
  for (let i = 0; i < 3; i++) {
    log.push(i);
    await aio.sleep(0);
  }
});

await aio.run(async () => {
  print("depth(200) ->", await depth(200));
  const log = [];
  let t = aio.createTask(ticker(log));
  await t;
  print("after the deep await, tasks still run", log, t.done());
  try {
    await raiser(100);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("deep raise caught", str(e));
  }
  print("gather", await aio.gather(depth(50), depth(60)));
  t = aio.createTask(depth(100));
  print("task result", await t);
});
