import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";
import { errorClass, ValueError } from "./task_util.mjs";

const MyError = errorClass("MyError");

const failLater = aio.coroutine(async function (msg) {
  await aio.sleep(0.005);
  throw new MyError(msg);
});

const failNow = aio.coroutine(async function (msg) {
  throw new ValueError(msg);
});

const ok = aio.coroutine(async function () {
  await aio.sleep(0);
});

const awaiter = aio.coroutine(async function (name, t) {
  try {
    await t;
  } catch (e) {
    if (!(e instanceof MyError)) throw e;
    print(name, "saw", e.name, str(e));
    return e;
  }
});

await aio.run(async () => {
  let t = aio.createTask(failLater("boom"));
  print("done", t.done());
  const finished = aio.getRunningLoop().createFuture();
  t.addDoneCallback(() => finished.setResult(null));
  await finished;
  print("done", t.done(), "cancelled", t.cancelled());
  const e = t.exception();
  print("exception", e.name, str(e), e instanceof MyError);
  print("same object", t.exception() === e);
  try {
    t.result();
  } catch (e2) {
    if (!(e2 instanceof MyError)) throw e2;
    print("result raised", e2.name, str(e2), e2 === e);
  }
  try {
    await t;
  } catch (e3) {
    if (!(e3 instanceof MyError)) throw e3;
    print("await raised", str(e3), e3 === e);
  }

  t = aio.createTask(failNow("immediately"));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("fail_now raised", e.name, str(e));
  }

  t = aio.createTask(failLater("shared"));
  const ws = ["w1", "w2"].map((n) => aio.createTask(awaiter(n, t)));
  const errs = [];
  for (const w of ws) errs.push(await w);
  print("both saw the same exception", errs[0] === errs[1], errs[0] === t.exception());

  t = aio.createTask(ok());
  await t;
  print("ok exception", t.exception(), "result", t.result());

  try {
    await failNow("direct coroutine");
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("direct await raised", str(e));
  }
});
