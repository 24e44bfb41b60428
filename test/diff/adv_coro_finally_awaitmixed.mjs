import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

function cur() {
  return aio.currentTask().cancelling();
}

const ticker = aio.coroutine(async function (name, n) {
  for (let i = 0; i < n; i++) {
    print(name, "tick", i);
    await aio.sleep(0);
  }
});

const twoFinallies = aio.coroutine(async function (name) {
  try {
    try {
      await aio.sleep(1);
    } finally {
      print(name, "inner finally start", cur());
      await aio.sleep(0);
      print(name, "inner finally after sleep(0)");
      await aio.sleep(0);
      print(name, "inner finally end");
    }
  } finally {
    print(name, "outer finally start");
    await aio.sleep(0);
    print(name, "outer finally end");
  }
});

const resist = aio.coroutine(async function (name, fut) {
  try {
    await aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(name, "caught", repr(str(e)), cur());
    const v = await fut;
    print(name, "awaited again, got", repr(v), cur());
    print(name, "uncancel ->", aio.currentTask().uncancel());
    return "resisted " + v;
  }
});

const resistTwice = aio.coroutine(async function (name) {
  let caught = 0;
  while (true) {
    try {
      await aio.sleep(0.1);
      return "slept";
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      caught += 1;
      print(name, "caught", caught, repr(str(e)), cur());
      if (caught === 3) return `gave up after ${caught}`;
      try {
        await aio.sleep(0);
        print(name, "slept 0 after catch", caught);
      } catch (e2) {
        if (!(e2 instanceof aio.CancelledError)) throw e2;
        print(name, "cancelled inside except", repr(str(e2)), cur());
      }
    }
  }
});

const selfCancelInFinally = aio.coroutine(async function (name) {
  try {
    await aio.sleep(0);
    return "body";
  } finally {
    print(name, "finally cancels its own task ->", aio.currentTask().cancel("self"), cur());
    try {
      await aio.sleep(0);
      print(name, "not reached");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(name, "finally await raised", repr(str(e)), cur());
    }
    await aio.sleep(0);
    print(name, "finally goes on");
  }
});

// The bodies are async functions; each task runs a generator that awaits one (inline).
const viaGen = aio.coroutine(function* (fn, ...args) {
  return yield* fn(...args);
});

const show = aio.coroutine(function* (t) {
  try {
    const r = yield* t;
    print("  result", repr(r));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  raised CancelledError", repr(str(e)));
  }
  print("  cancelled", t.cancelled(), "cancelling", t.cancelling());
});

await aio.run(function* () {
  print("== one cancel, finally blocks await while a ticker runs");
  let t = aio.createTask(viaGen(twoFinallies, "a"));
  yield* aio.sleep(0);
  const k = aio.createTask(ticker("k", 6));
  t.cancel("c1");
  yield* show(t);
  yield* k;

  print("== a second cancel while the inner finally awaits");
  t = aio.createTask(viaGen(twoFinallies, "b"));
  yield* aio.sleep(0);
  t.cancel("first");
  yield* aio.sleep(0);
  print("main: second cancel ->", t.cancel("second"), t.cancelling());
  yield* show(t);

  print("== catch, then await a future another task resolves");
  const fut = aio.getRunningLoop().createFuture();
  t = aio.createTask(viaGen(resist, "r", fut));
  yield* aio.sleep(0);
  t.cancel("go away");
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("main: t still pending", !t.done(), t.cancelling());
  aio.getRunningLoop().callSoon((v) => fut.setResult(v), "value");
  yield* show(t);

  print("== catch repeatedly, cancelled again inside the except");
  t = aio.createTask(viaGen(resistTwice, "w"));
  yield* aio.sleep(0);
  t.cancel("one");
  yield* aio.sleep(0);
  print("main: cancel in except ->", t.cancel("two"), t.cancelling());
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("main: third cancel ->", t.cancel("three"), t.cancelling());
  yield* aio.sleep(0);
  print("main: fourth cancel ->", t.cancel("four"), t.cancelling());
  yield* show(t);

  print("== self-cancel inside finally");
  t = aio.createTask(viaGen(selfCancelInFinally, "s"));
  yield* show(t);
});
