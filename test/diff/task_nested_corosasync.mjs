import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

const AppError = errorClass("AppError");

const level3 = aio.coroutine(async function (x) {
  await aio.sleep(0);
  if (x < 0) throw new AppError(`negative ${x}`);
  return x * 2;
});

const level2 = aio.coroutine(async function (x) {
  try {
    const v = await level3(x);
    print("level2 got", v);
    return v + 1;
  } finally {
    print("level2 finally", x);
  }
});

const level1 = aio.coroutine(async function (x) {
  try {
    return (await level2(x)) * 10;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("level1 caught", e.name, str(e));
    throw new ValueError(`wrapped: ${str(e)}`, { cause: e });
  }
});

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
    if (n % 10 === 0) print("unwinding", n);
  }
});

await aio.run(async () => {
  print("level1(3) ->", await level1(3));
  try {
    await level1(-1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("main caught", e.name, str(e), "cause", e.cause.name, str(e.cause));
  }
  const t = aio.createTask(level1(-2));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("task raised", str(e), "task exception is it", t.exception() === e);
  }
  print("depth(8) ->", await depth(8));
  try {
    await raiser(10);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    print("deep raise caught", str(e));
  }
  const r = await aio.gather(level1(1), depth(5), level1(4));
  print("gather of nested", r);
});
