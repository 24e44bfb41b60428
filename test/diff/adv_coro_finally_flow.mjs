import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const AppError = errorClass("AppError");

/* eslint-disable no-unsafe-finally */
const retInFinally = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
    return "body";
  } finally {
    print(name, "finally returns, swallowing whatever was raised");
    return "from finally";
  }
});

const awaitThenRetInFinally = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
  } finally {
    print(name, "finally awaits first");
    yield* aio.sleep(0);
    print(name, "finally returns");
    return "late finally";
  }
});

const breakInFinally = aio.coroutine(function* (name) {
  let n = 0;
  while (true) {
    n += 1;
    try {
      yield* aio.sleep(1);
    } finally {
      print(name, "finally breaks out of loop", n);
      break;
    }
  }
  print(name, "after the loop");
  yield* aio.sleep(0);
  return `broke ${n}`;
});

const continueInFinally = aio.coroutine(function* (name) {
  let n = 0;
  while (n < 3) {
    n += 1;
    try {
      yield* aio.sleep(n < 3 ? 0.05 : 0);
    } finally {
      print(name, "finally continues", n);
      continue;
    }
  }
  return `continued ${n}`;
});

const raiseInFinally = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(1);
  } finally {
    print(name, "finally raises AppError");
    throw new AppError("replaces the cancel");
  }
});
/* eslint-enable no-unsafe-finally */

const returnThenFinallyAwaits = aio.coroutine(function* (name) {
  try {
    yield* aio.sleep(0);
    return "returned";
  } finally {
    print(name, "finally awaits after the return");
    yield* aio.sleep(0);
    print(name, "finally done");
  }
});

const outer = aio.coroutine(function* (name, fn) {
  try {
    const r = yield* fn(name);
    print(name, "outer got", repr(r));
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) print(name, "outer sees CancelledError", repr(str(e)));
    else if (e instanceof AppError) print(name, "outer sees AppError", repr(str(e)));
    throw e;
  } finally {
    print(name, "outer finally");
  }
});

await aio.run(function* () {
  const cases = [
    ["ret", retInFinally, 0, 1],
    ["await_ret", awaitThenRetInFinally, 0, 1],
    ["brk", breakInFinally, 0, 1],
    ["cont", continueInFinally, 0, 2],
    ["raise", raiseInFinally, 0, 1],
    ["ret_fin", returnThenFinallyAwaits, 0, 0],
    ["ret_fin_cancel", returnThenFinallyAwaits, 1, 1],
  ];
  for (const [name, fn, delay, cancels] of cases) {
    print("==", name);
    const t = aio.createTask(outer(name, fn));
    for (let i = 0; i < delay; i++) yield* aio.sleep(0);
    for (let i = 0; i < cancels; i++) {
      yield* aio.sleep(0);
      print("cancel ->", t.cancel(`${name}-${i}`), t.cancelling());
    }
    try {
      const r = yield* t;
      print("result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling());
    } catch (e) {
      if (e instanceof aio.CancelledError) print("raised CancelledError", repr(str(e)));
      else if (e instanceof AppError) print("raised AppError", repr(str(e)), "cancelled", t.cancelled());
      else throw e;
    }
  }
  print("== cont, not cancelled");
  print("result", yield* outer("plain", continueInFinally));
});
