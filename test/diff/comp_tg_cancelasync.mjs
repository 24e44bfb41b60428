import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time;
// n=null means "until cancelled".
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const events = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const sibling = aio.coroutine(async function (name, n, swallow = false) {
  try {
    if (n === null) await aio.sleep(10);
    else await ticks(n);
  } catch (e) {
    if (!isCancel(e)) throw e;
    events.push("cancelled " + name);
    if (swallow) {
      await ticks(10);
      events.push("finished cleanup " + name);
      return "swallowed";
    }
    throw e;
  }
  return name;
});

const failing = aio.coroutine(async function (n, exc) {
  await ticks(n);
  throw exc;
});

function flush() {
  print("events", [...events].sort());
  events.length = 0;
}

await aio.run(async () => {
  print("-- the task running the group is cancelled from outside");
  const runner = aio.coroutine(async function () {
    try {
      await aio.taskGroup(async function (tg) {
        tg.createTask(sibling("a", null));
        tg.createTask(sibling("b", null));
        await aio.sleep(10);
      });
    } catch (e) {
      if (isCancel(e)) print("runner: CancelledError out of the group");
      throw e;
    }
  });
  let t = aio.createTask(runner());
  await ticks(2);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("runner cancelled", t.cancelled());
  }
  flush();

  print("-- cancelled while waiting in __aexit__");
  const runner2 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sibling("c", null));
      tg.createTask(sibling("d", null, true));
    });
    print("not reached");
  });
  t = aio.createTask(runner2());
  await ticks(2);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("runner2 cancelled", t.cancelled());
  }
  flush();

  print("-- a child error and an outer cancellation: the error group wins");
  const runner3 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(sibling("e", null, true));
      tg.createTask(failing(1, new ValueError("child error")));
      await aio.sleep(10);
    });
  });
  t = aio.createTask(runner3());
  await ticks(7);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (e instanceof aio.ExceptionGroup) print("runner3", tname(e), e.errors.map(tname));
    else if (isCancel(e)) print("runner3 cancelled");
    else throw e;
  }
  flush();

  print("-- the parent's cancel count is restored");
  const runner4 = aio.coroutine(async function () {
    try {
      await aio.taskGroup(async function (tg) {
        tg.createTask(failing(1, new ValueError("v")));
        await aio.sleep(10);
      });
    } catch (e) {
      if (!(e instanceof aio.ExceptionGroup)) throw e;
      print("runner4 cancelling after the group", aio.currentTask().cancelling());
    }
    await ticks(1);
    return "runner4 continues";
  });
  print(await aio.createTask(runner4()));

  print("-- a child cancelled on its own does not fail the group");
  let victim, other;
  await aio.taskGroup(async function (tg) {
    victim = tg.createTask(sibling("victim", null));
    other = tg.createTask(sibling("other", 3));
    await ticks(1);
    victim.cancel();
  });
  print("victim", victim.cancelled(), "other", other.result());
  flush();

  print("-- a TaskGroup inside a timeout");
  try {
    await aio.timeout(0.005, async function () {
      await aio.taskGroup(async function (tg) {
        tg.createTask(sibling("t1", null));
        tg.createTask(sibling("t2", null));
      });
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("TimeoutError around the group");
  }
  flush();
});
