import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Nested asyncio.timeout() blocks whose deadlines pass in the same iteration (order forced with
// reschedule(loop.time()), which schedules the expiry with call_soon), a timeout entered while an
// outer one is already expiring, and external cancels mixed in. Prints cancelling() throughout.

const isCancel = (e) => e instanceof aio.CancelledError;
const isTimeout = (e) => e instanceof aio.TimeoutError;

function cnt() {
  return aio.currentTask().cancelling();
}

const bothExpire = aio.coroutine(async function (first) {
  const loop = aio.getRunningLoop();
  let outer, inner;
  try {
    await aio.timeout(10, async function (o) {
      outer = o;
      try {
        await aio.timeout(10, async function (i) {
          inner = i;
          if (first === "inner") {
            inner.reschedule(loop.time());
            outer.reschedule(loop.time());
          } else {
            outer.reschedule(loop.time());
            inner.reschedule(loop.time());
          }
          try {
            await aio.sleep(10);
          } catch (e) {
            if (isCancel(e)) print("  body CancelledError, cancelling", cnt());
            throw e;
          }
        });
      } catch (e) {
        if (isTimeout(e)) print("  inner converted (wrong)");
        else if (isCancel(e)) {
          print("  past inner: CancelledError, cancelling", cnt(), "inner expired", inner.expired());
          throw e;
        } else throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer TimeoutError, cancelling", cnt(), "outer expired", outer.expired());
  }
});

const timeoutInCleanup = aio.coroutine(async function () {
  try {
    await aio.timeout(0, async function (outer) {
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  outer expiring, cancelling", cnt());
        try {
          await aio.timeout(0, async function (inner) {
            await aio.sleep(10);
          });
        } catch (e2) {
          if (!isTimeout(e2)) throw e2;
          print("  inner TimeoutError during cleanup, cancelling", cnt());
        }
        try {
          let inner2;
          await aio.timeout(10, async function (i2) {
            inner2 = i2;
            await aio.sleep(0);
          });
          print("  inner2 finished, expired", inner2.expired(), "cancelling", cnt());
        } catch (e3) {
          print("  inner2 raised", e3.name);
        }
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer TimeoutError, cancelling", cnt());
  }
});

const externalBetween = aio.coroutine(async function (holder) {
  let outer, inner;
  try {
    await aio.timeout(10, async function (o) {
      outer = o;
      holder.push(outer);
      await aio.timeout(10, async function (i) {
        inner = i;
        holder.push(inner);
        await aio.sleep(10);
      });
    });
  } catch (e) {
    if (isTimeout(e)) print("  TimeoutError, cancelling", cnt());
    else if (isCancel(e)) {
      print("  CancelledError", repr(str(e)), "cancelling", cnt(), "expired", outer.expired(), inner.expired());
      throw e;
    } else throw e;
  }
});

const innerExpiresThenOuter = aio.coroutine(async function () {
  const loop = aio.getRunningLoop();
  try {
    await aio.timeout(10, async function (outer) {
      try {
        await aio.timeout(0, async function () {
          await aio.sleep(10);
        });
      } catch (e) {
        if (!isTimeout(e)) throw e;
        print("  inner TimeoutError, cancelling", cnt());
      }
      outer.reschedule(loop.time());
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) print("  outer expiring, cancelling", cnt());
        throw e;
      }
    });
  } catch (e) {
    if (!isTimeout(e)) throw e;
    print("  outer TimeoutError, cancelling", cnt());
  }
});

const outcome = aio.coroutine(async function (label, t) {
  try {
    const r = await t;
    print(label, "result", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (!isCancel(e)) throw e;
    print(label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  print("-- both expire, inner first");
  await outcome("a", aio.createTask(bothExpire("inner")));
  print("-- both expire, outer first");
  await outcome("b", aio.createTask(bothExpire("outer")));
  print("-- a timeout entered while the outer one is expiring");
  await outcome("c", aio.createTask(timeoutInCleanup()));
  print("-- the inner expires, then the outer");
  await outcome("d", aio.createTask(innerExpiresThenOuter()));

  print("-- external cancel together with the inner expiry");
  let h = [];
  let t = aio.createTask(externalBetween(h));
  await aio.sleep(0);
  h[1].reschedule(loop.time());
  t.cancel("ext");
  await outcome("e", t);

  print("-- external cancel together with the outer expiry");
  h = [];
  t = aio.createTask(externalBetween(h));
  await aio.sleep(0);
  t.cancel("ext2");
  h[0].reschedule(loop.time());
  await outcome("f", t);

  print("-- both expire and an external cancel, all in one iteration");
  h = [];
  t = aio.createTask(externalBetween(h));
  await aio.sleep(0);
  h[0].reschedule(loop.time());
  h[1].reschedule(loop.time());
  await aio.sleep(0);
  print("  after the expiries: cancelling", t.cancelling());
  t.cancel("ext3");
  await outcome("g", t);
});
