import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { attempt, ValueError } from "./task_util.mjs";

const value = aio.coroutine(async function () {
  await aio.sleep(0);
  return 5;
});

const fail = aio.coroutine(async function () {
  await aio.sleep(0);
  throw new ValueError("failed");
});

const selfCancelThenReturn = aio.coroutine(async function () {
  const me = aio.currentTask();
  print("self cancel ->", me.cancel("self"));
  print("still running; cancelling", me.cancelling());
  return "returned anyway";
});

const selfCancelThenAwait = aio.coroutine(async function () {
  const me = aio.currentTask();
  me.cancel("self2");
  try {
    await aio.sleep(0);
    print("not reached");
  } catch (e) {
    if (e instanceof aio.CancelledError) print("cancelled at the next await", repr(str(e)));
    throw e;
  }
});

await aio.run(async () => {
  let t = aio.createTask(value());
  await t;
  attempt("cancel done task", () => t.cancel());
  print("cancelling stays", t.cancelling(), "cancelled", t.cancelled());

  t = aio.createTask(fail());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
  }
  attempt("cancel failed task", () => t.cancel());
  attempt("exception kept", () => str(t.exception()));

  t = aio.createTask(value());
  attempt("cancel pending", () => t.cancel());
  attempt("cancel pending again", () => t.cancel());
  await aio.sleep(0);
  attempt("cancel cancelled task", () => t.cancel());
  print("cancelling", t.cancelling());

  t = aio.createTask(selfCancelThenReturn());
  await aio.sleep(0);
  print("self-cancelled task: done", t.done(), "cancelled", t.cancelled());
  attempt("result", () => t.result());
  attempt("result again", () => t.result());

  t = aio.createTask(selfCancelThenAwait());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("main saw", repr(str(e)));
  }

  const loop = aio.getRunningLoop();
  let f = loop.createFuture();
  attempt("future cancel", () => f.cancel());
  attempt("future cancel again", () => f.cancel());
  f = loop.createFuture();
  f.setResult(1);
  attempt("finished future cancel", () => f.cancel());
});
