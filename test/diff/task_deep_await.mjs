import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const AppError = errorClass("AppError");

const depth = aio.coroutine(function* (n) {
  if (n === 0) {
    yield* aio.sleep(0);
    return 0;
  }
  return 1 + (yield* depth(n - 1));
});

const raiser = aio.coroutine(function* (n) {
  if (n === 0) {
    yield* aio.sleep(0);
    throw new AppError("from the bottom");
  }
  try {
    return yield* raiser(n - 1);
  } finally {
    if (n % 25 === 0) print("unwinding", n);
  }
});

const ticker = aio.coroutine(function* (log) {
  for (let i = 0; i < 3; i++) {
    log.push(i);
    yield* aio.sleep(0);
  }
});

await aio.run(function* () {
  print("depth(200) ->", yield* depth(200));
  const log = [];
  let t = aio.createTask(ticker(log));
  yield* t;
  print("after the deep await, tasks still run", log, t.done());
  try {
    yield* raiser(100);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("deep raise caught", str(e));
  }
  print("gather", yield* aio.gather(depth(50), depth(60)));
  t = aio.createTask(depth(100));
  print("task result", yield* t);
});
