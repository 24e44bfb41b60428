import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { attempt } from "./task_util.mjs";

// result()/exception() of cancelled tasks, called repeatedly. In 3.11 the first call hands out
// the CancelledError the coroutine raised (with its message); the task itself was cancelled
// without a message (Task.__step: super().cancel()), so later calls raise a fresh
// CancelledError(''). Awaiting the task consumes the first one.

const raisesCancel = aio.coroutine(async function raises_cancel(msg) {
  await aio.sleep(0);
  throw new aio.CancelledError(msg);
});

const sleeper = aio.coroutine(async function sleeper() {
  await aio.sleep(1);
});

const main = aio.coroutine(async function main() {
  const t = aio.createTask(raisesCancel("custom"));
  await aio.sleep(0);
  await aio.sleep(0);
  print("cancelled", t.cancelled(), "cancelling", t.cancelling());
  attempt("result 1", () => t.result());
  attempt("result 2", () => t.result());
  attempt("exception 3", () => t.exception());

  const t2 = aio.createTask(raisesCancel("custom2"));
  try {
    await t2;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("await raised", repr(e.message));
  }
  attempt("t2 result after await", () => t2.result());

  const t3 = aio.createTask(sleeper());
  await aio.sleep(0);
  t3.cancel("m3");
  await aio.sleep(0);
  attempt("t3 exception 1", () => t3.exception());
  attempt("t3 exception 2", () => t3.exception());
  attempt("t3 result", () => t3.result());

  const t4 = aio.createTask(sleeper());
  t4.cancel("before start");
  await aio.sleep(0);
  attempt("t4 result 1", () => t4.result());
  attempt("t4 result 2", () => t4.result());
  print("t4 cancelling", t4.cancelling());

  const f = aio.getRunningLoop().createFuture();
  f.cancel("future msg");
  attempt("future result 1", () => f.result());
  attempt("future result 2", () => f.result());
  attempt("future exception", () => f.exception());
});

await aio.run(main);
