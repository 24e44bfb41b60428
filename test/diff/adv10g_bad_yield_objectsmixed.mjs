import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Objects a generator coroutine yields bare (`yield x`, not `yield* x`) that a task cannot
// wait on: a coroutine object already awaited to its end (a generator-based one and an async
// one), one whose task was cancelled mid-way, a raw generator fresh or exhausted (its body does
// not run), a generator function, a coroutine function, a class, an object whose `then` is not
// callable, a list holding a future, an exception instance, falsy values. Each is yielded two
// levels below the task, right after a callback is queued: the error is thrown in at the task's
// next step (after that callback), the innermost level catches it and awaits a real future, or
// lets it climb through the middle level's finally to the top, which reports it and goes on.
// Uncaught, it fails the task; a cancel() while it is on its way replaces it. The loop goes on.
// (aionode throws TypeError for a bad yield, and RuntimeError('cannot reuse already awaited
// coroutine') for a used coroutine object, where asyncio throws its bad-yield RuntimeError:
// both are printed as RuntimeError. A finished generator-based coroutine awaited again returns
// None in asyncio, where aionode's coroutine objects raise, by design: not probed.)
// Mixed: main, the clock and top are async functions; middle and inner generators.

const it = [0];
const ran = [];

function kind(e) {
  if (e instanceof TypeError && String(e.message).includes("got bad yield")) return "RuntimeError";
  return e.constructor.name;
}

function notCancel(e) {
  if (e instanceof aio.CancelledError) throw e; // Python's `except Exception`
}

const clock = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    await aio.sleep(0);
  }
});

const genCoro = aio.coroutine(function* (tag) {
  ran.push(tag);
  yield;
  return "g-" + tag;
});

const asyncCoro = aio.coroutine(async function (tag) {
  ran.push(tag);
  await aio.sleep(0);
  return "a-" + tag;
});

function* rawGen(tag) {
  ran.push(tag);
  yield 1;
}

class Thing {}
Thing.prototype.then = 5;

function* inner(tag, v, c) {
  const loop = aio.getRunningLoop();
  loop.callSoon(print, "   ", tag, "callback queued before the yield, iteration", it[0]);
  if (!c) {
    const r = yield v;
    print("   ", tag, "inner got", repr(r), "?");
    return r;
  }
  try {
    const r = yield v;
    print("   ", tag, "inner got", repr(r), "?");
  } catch (e) {
    notCancel(e);
    print("   ", tag, "inner caught", kind(e), "at iteration", it[0]);
  }
  const fut = loop.createFuture();
  loop.callSoon((x) => fut.setResult(x), tag + "-real");
  const r = yield* fut;
  print("   ", tag, "inner then awaited", repr(r));
  return r;
}

const middle = aio.coroutine(function* (tag, v, c) {
  try {
    return yield* inner(tag, v, c);
  } finally {
    print("   ", tag, "middle finally at iteration", it[0]);
  }
});

const top = aio.coroutine(async function (tag, v, c) {
  let r;
  try {
    r = await middle(tag, v, c);
  } catch (e) {
    notCancel(e);
    print("   ", tag, "top caught", kind(e), "at iteration", it[0]);
    r = await aio.sleep(0, tag + "-recovered");
  }
  return r;
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  await aio.sleep(0);

  const usedG = genCoro("used-g");
  print("used-g awaited ->", await usedG);
  const usedA = asyncCoro("used-a");
  print("used-a awaited ->", await usedA);
  const cut = asyncCoro("cut");
  let t = aio.createTask(cut);
  await aio.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("cut's task cancelled mid-way");
  }
  const exhausted = rawGen("exhausted");
  print("exhausted drained", [...exhausted]);
  const fresh = rawGen("fresh");
  const fut = loop.createFuture();
  const values = [["used-g", usedG], ["used-a", usedA], ["cut", cut], ["exhausted", exhausted],
    ["fresh-gen", fresh], ["gen-func", rawGen], ["coro-func", asyncCoro],
    ["class", Thing], ["then-5", new Thing()], ["list", [fut]], ["exc", new Error("v")],
    ["empty-str", ""], ["false", false], ["nan", NaN]];
  ran.length = 0;

  print("== caught where it is yielded");
  for (const [tag, v] of values) {
    print(tag, "->", await aio.createTask(top(tag, v, true)), "at iteration", it[0]);
  }
  print("bodies run meanwhile:", ran);

  print("== caught two levels up");
  for (const [tag, v] of values.slice(0, 4)) {
    print(tag, "->", await aio.createTask(top(tag, v, false)), "at iteration", it[0]);
  }

  print("== uncaught: the task fails");
  for (const [tag, v] of values.slice(0, 3)) {
    t = aio.createTask(middle(tag, v, false), { name: "U-" + tag });
    try {
      await t;
    } catch (e) {
      notCancel(e);
      print(t.getName(), "failed with", kind(e), "done", t.done(), "cancelled", t.cancelled());
    }
  }

  print("== cancel() while the error is on its way");
  for (const [tag, v] of values.slice(0, 2)) {
    t = aio.createTask(middle(tag, v, true), { name: "C-" + tag });
    await aio.sleep(0);
    print(t.getName(), "cancel ->", t.cancel("stop " + tag), "cancelling", t.cancelling());
    try {
      await t;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(t.getName(), "cancelled", repr(e.message), t.cancelled());
    }
  }

  print("== the loop still works; the used coroutine objects are still used up");
  print("sleep ->", await aio.sleep(0, "fine"));
  for (const [tag, v] of values.slice(1, 3)) {
    try {
      await v;
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print(tag, "awaited again:", kind(e));
    }
  }
  fut.cancel();
  stop.setResult(null);
  await ck;
  print("end at iteration", it[0], "ran", ran);
});
