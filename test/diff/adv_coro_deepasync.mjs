import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

const KeyError = errorClass("KeyError");
const ticks = [0];

const ticker = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    ticks[0] += 1;
    await aio.sleep(0);
  }
});

const depth = aio.coroutine(async function (n) {
  if (n === 0) {
    await aio.sleep(0);
    return 0;
  }
  return 1 + (await depth(n - 1));
});

// suspends on the way down and on the way up at every 100th level
const zigzag = aio.coroutine(async function (n) {
  if (n % 100 === 0) await aio.sleep(0);
  if (n === 0) return [0];
  const r = await zigzag(n - 1);
  if (n % 100 === 0) {
    await aio.sleep(0);
    r.push(n);
  }
  return r;
});

const raiser = aio.coroutine(async function (n) {
  if (n === 0) {
    await aio.sleep(0);
    throw new KeyError("'deep'");
  }
  try {
    return await raiser(n - 1);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    if (n % 100 === 0) print("level", n, "sees", repr(str(e)));
    throw e;
  } finally {
    if (n % 125 === 0) print("finally", n);
  }
});

const cancellable = aio.coroutine(async function (n, seen) {
  if (n === 0) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("bottom cancelled", repr(str(e)), aio.currentTask().cancelling());
      throw e;
    }
  }
  try {
    return await cancellable(n - 1, seen);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    seen.push(n);
    if (n === 250) {
      print("level 250 swallows, awaits, and returns");
      await aio.sleep(0);
      return "swallowed at 250";
    }
    throw e;
  }
});

await aio.run(async () => {
  const stop = aio.getRunningLoop().createFuture();
  const tk = aio.createTask(ticker(stop));
  print("depth(500) ->", await depth(500), "ticks", ticks[0]);
  let r = await zigzag(500);
  print("zigzag(500) ->", r, "ticks", ticks[0]);
  try {
    await raiser(500);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("raiser(500) ->", repr(str(e)), "ticks", ticks[0]);
  }
  let seen = [];
  let t = aio.createTask(cancellable(500, seen));
  await aio.sleep(0);
  t.cancel("deep cancel");
  r = await t;
  print("cancellable(500) ->", repr(r), "levels that saw it", seen.length, seen[0], seen[seen.length - 1], "ticks", ticks[0]);
  print("cancelled", t.cancelled(), "cancelling", t.cancelling());
  seen = [];
  t = aio.createTask(cancellable(200, seen));
  await aio.sleep(0);
  t.cancel("all the way");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("cancellable(200) raised", repr(str(e)), "levels", seen.length);
  }
  const g = await aio.gather(depth(300), zigzag(300), depth(400));
  print("gather ->", g[0], g[1], g[2], "ticks", ticks[0]);
  stop.setResult(null);
  await tk;
});
