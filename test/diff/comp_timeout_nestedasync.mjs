import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

await aio.run(async () => {
  let outer, inner;

  print("-- the inner timeout expires, the outer does not");
  await aio.timeout(10, async function (o) {
    outer = o;
    try {
      await aio.timeout(0.005, async function (i) {
        inner = i;
        await aio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("inner TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired());
    }
    await aio.sleep(0.001);
    print("outer body continues");
  });
  print("outer", String(outer), "inner", String(inner));

  print("-- the outer timeout expires first");
  try {
    await aio.timeout(0.005, async function (o) {
      outer = o;
      try {
        await aio.timeout(10, async function (i) {
          inner = i;
          await aio.sleep(10);
        });
      } catch (e) {
        if (isTimeout(e)) print("wrongly caught by the inner level");
        else if (isCancel(e)) {
          print("inner level sees CancelledError");
          throw e;
        } else throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError; inner expired", inner.expired(), "outer expired", outer.expired());
  }
  print("cancelling", aio.currentTask().cancelling());

  print("-- both expire at the first suspension: the outer one owns it");
  try {
    await aio.timeout(0, async function (o) {
      outer = o;
      try {
        await aio.timeout(0, async function (i) {
          inner = i;
          await aio.sleep(10);
        });
      } catch (e) {
        if (isTimeout(e)) print("inner TimeoutError");
        else if (isCancel(e)) {
          print("inner level sees CancelledError");
          throw e;
        } else throw e;
      }
      print("after the inner block");
      await aio.sleep(10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("outer TimeoutError", inner.expired(), outer.expired());
  }
  print("cancelling", aio.currentTask().cancelling());

  print("-- a real cancellation inside a timeout stays a CancelledError");
  const victim = aio.coroutine(async function () {
    let tm;
    try {
      await aio.timeout(10, async function (t) {
        tm = t;
        await aio.sleep(10);
      });
    } catch (e) {
      if (isTimeout(e)) print("victim: TimeoutError (wrong)");
      else if (isCancel(e)) {
        print("victim: CancelledError, expired", tm.expired());
        throw e;
      } else throw e;
    }
  });
  const t = aio.createTask(victim());
  await aio.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("victim cancelled", t.cancelled());
  }

  print("-- wait_for inside a timeout");
  const slow = aio.coroutine(async function () {
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) print("slow cancelled");
      throw e;
    }
  });
  let tm;
  await aio.timeout(10, async function (x) {
    tm = x;
    try {
      await aio.waitFor(slow(), 0.005);
    } catch (e) {
      if (!isTimeout(e)) throw e;
      print("wait_for TimeoutError; timeout expired", tm.expired());
    }
  });
  try {
    await aio.timeout(0.005, async function (x) {
      tm = x;
      await aio.waitFor(slow(), 10);
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("timeout TimeoutError; expired", tm.expired());
  }
});
