import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// TaskGroup and cancellation counts: external cancels, a failing child, timeouts around and
// inside the group, cancels that arrive while the group waits for its children on exit.

class Boom extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "Boom";
  }
}

const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const sleeper = aio.coroutine(async function (name) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (isCancel(e)) print(name, "cancelled", repr(str(e)));
    throw e;
  }
});

// resists cancellation for n ticks, then finishes
const holdout = aio.coroutine(async function (name, n) {
  for (let i = 0; i < n; i++) {
    try {
      await aio.sleep(0);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print(name, "ignores cancel", repr(str(e)));
    }
  }
  print(name, "finishes");
  return name;
});

const failAfter = aio.coroutine(async function (n, msg) {
  await ticks(n);
  print("raising", msg);
  throw new Boom(msg);
});

function show(e) {
  if (e instanceof aio.ExceptionGroup) return e.name + "[" + e.errors.map(show).join(", ") + "]";
  return e.name + "(" + repr(str(e)) + ")";
}

const guarded = aio.coroutine(async function (label, coro) {
  const me = aio.currentTask();
  try {
    const r = await coro;
    print(label, "returned", repr(r), "cancelling", me.cancelling());
  } catch (e) {
    if (isCancel(e)) {
      print(label, "CancelledError", repr(str(e)), "cancelling", me.cancelling());
      throw e;
    }
    print(label, "raised", show(e), "cancelling", me.cancelling());
  }
});

const runTask = aio.coroutine(async function (label, coro, cancelAfter = null, msg = undefined, againAfter = null, msg2 = undefined) {
  const t = aio.createTask(guarded(label, coro));
  if (cancelAfter !== null) {
    await ticks(cancelAfter);
    print("cancel", label, "->", t.cancel(msg));
    if (againAfter !== null) {
      await ticks(againAfter);
      print("cancel again", label, "->", t.cancel(msg2));
    }
  }
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main:", label, "cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

await aio.run(async () => {
  print("-- external cancel while the body awaits");
  const body1 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sleeper("c1"));
      await aio.sleep(10);
    });
  });
  await runTask("g1", body1(), 2, "ext1");

  print("-- a child fails while the parent was cancelled externally too");
  const body2 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(1, "b2"));
      tg.createTask(sleeper("c2"));
      await aio.sleep(10);
    });
  });
  await runTask("g2", body2(), 3, "ext2");

  print("-- external cancel while the group waits for its children on exit");
  const body3 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(holdout("s3", 3));
      tg.createTask(sleeper("c3"));
    });
    return "body3 done";
  });
  await runTask("g3", body3(), 1, "ext3", 1, "ext3b");

  print("-- a timeout around the group expires while it waits on exit");
  const body4 = aio.coroutine(async function () {
    await aio.timeout(0, async function (cm) {
      await aio.taskGroup(async function (tg) {
        tg.createTask(holdout("s4", 2));
        tg.createTask(sleeper("c4"));
      });
    });
    return "unreached";
  });
  await runTask("g4", body4());

  print("-- a timeout inside the body and a failing child in the same iteration");
  const body5 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(0, "b5"));
      try {
        await aio.timeout(0, async function () {
          await aio.sleep(10);
        });
      } catch (e) {
        if (e instanceof aio.TimeoutError) print("body5: TimeoutError (the timeout owned it)");
        else if (isCancel(e)) {
          print("body5: CancelledError passes through, cancelling", aio.currentTask().cancelling());
          throw e;
        } else throw e;
      }
    });
  });
  await runTask("g5", body5());

  print("-- a timeout inside the body, the failing child one tick later");
  const body6 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(2, "b6"));
      try {
        await aio.timeout(0, async function () {
          await aio.sleep(10);
        });
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        print("body6: TimeoutError, cancelling", aio.currentTask().cancelling());
      }
      await aio.sleep(10);
    });
  });
  await runTask("g6", body6());

  print("-- nested groups: the inner child fails");
  const body7 = aio.coroutine(async function () {
    await aio.taskGroup(async function (outer) {
      outer.createTask(sleeper("o7"));
      await aio.taskGroup(async function (inner) {
        inner.createTask(sleeper("i7"));
        inner.createTask(failAfter(1, "b7"));
      });
      print("not reached");
    });
  });
  await runTask("g7", body7());

  print("-- the body swallows the group's cancellation and finishes normally");
  const body8 = aio.coroutine(async function () {
    return await aio.taskGroup(async function (tg) {
      tg.createTask(failAfter(1, "b8"));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("body8 swallows", repr(str(e)), "cancelling", aio.currentTask().cancelling());
      }
      return "body8";
    });
  });
  await runTask("g8", body8());

  print("-- the parent is cancelled before the group starts waiting");
  const body9 = aio.coroutine(async function () {
    aio.currentTask().cancel("self9");
    await aio.taskGroup(async function (tg) {
      tg.createTask(holdout("s9", 1));
    });
    return "body9";
  });
  await runTask("g9", body9());
});
