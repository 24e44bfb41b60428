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

const show = aio.coroutine(async function (t) {
  try {
    const r = await t;
    print("  result", repr(r));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("  raised CancelledError", repr(str(e)));
  }
  print("  cancelled", t.cancelled(), "cancelling", t.cancelling());
});

await aio.run(async () => {
  print("== one cancel, finally blocks await while a ticker runs");
  let t = aio.createTask(twoFinallies("a"));
  await aio.sleep(0);
  const k = aio.createTask(ticker("k", 6));
  t.cancel("c1");
  await show(t);
  await k;

  print("== a second cancel while the inner finally awaits");
  t = aio.createTask(twoFinallies("b"));
  await aio.sleep(0);
  t.cancel("first");
  await aio.sleep(0);
  print("main: second cancel ->", t.cancel("second"), t.cancelling());
  await show(t);

  print("== catch, then await a future another task resolves");
  const fut = aio.getRunningLoop().createFuture();
  t = aio.createTask(resist("r", fut));
  await aio.sleep(0);
  t.cancel("go away");
  await aio.sleep(0);
  await aio.sleep(0);
  print("main: t still pending", !t.done(), t.cancelling());
  aio.getRunningLoop().callSoon((v) => fut.setResult(v), "value");
  await show(t);

  print("== catch repeatedly, cancelled again inside the except");
  t = aio.createTask(resistTwice("w"));
  await aio.sleep(0);
  t.cancel("one");
  await aio.sleep(0);
  print("main: cancel in except ->", t.cancel("two"), t.cancelling());
  await aio.sleep(0);
  await aio.sleep(0);
  print("main: third cancel ->", t.cancel("three"), t.cancelling());
  await aio.sleep(0);
  print("main: fourth cancel ->", t.cancel("four"), t.cancelling());
  await show(t);

  print("== self-cancel inside finally");
  t = aio.createTask(selfCancelInFinally("s"));
  await show(t);
});
