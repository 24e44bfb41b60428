import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// asyncio.timeout() and external cancellation: which one wins, what cancelling() says, and how
// uncancel() decides whether the timeout converts CancelledError into TimeoutError. Expiry is
// forced with reschedule(loop.time()) (run by call_soon), so the order is fixed.

const holder = {};
const isCancel = (e) => e instanceof aio.CancelledError;

function attempt(label, fn) {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raised", e.name, repr(str(e)));
  }
}

const victim = aio.coroutine(async function (name, uncancelInside = false, swallowInside = false) {
  const me = aio.currentTask();
  let cm;
  try {
    await aio.timeout(10, async function (c) {
      cm = c;
      holder[name] = cm;
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print(name, "body caught", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired());
        attempt(name + " reschedule while expiring", () => cm.reschedule(null));
        if (uncancelInside) print(name, "uncancel ->", me.uncancel());
        if (swallowInside) print(name, "body swallows");
        else throw e;
      }
    });
    print(name, "block exited normally, cancelling", me.cancelling());
    return "normal";
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      print(name, "TimeoutError", repr(str(e)), "cancelling", me.cancelling(), "cause", e.cause.name);
      return "timeout";
    }
    if (isCancel(e)) print(name, "CancelledError", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired());
    throw e;
  } finally {
    print(name, "repr", String(cm));
  }
});

const outcome = aio.coroutine(async function (t) {
  try {
    const r = await t;
    print("result", repr(r), "cancelling", t.cancelling());
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("cancelled", repr(str(e)), "cancelling", t.cancelling());
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- external cancel first, then the timeout fires in the same iteration");
  let t = aio.createTask(victim("v1"));
  await aio.sleep(0);
  holder.v1.reschedule(loop.time());
  t.cancel("ext1");
  print("cancelling", t.cancelling());
  await outcome(t);

  print("-- the timeout fires first, then the external cancel");
  t = aio.createTask(victim("v2"));
  await aio.sleep(0);
  holder.v2.reschedule(loop.time());
  await aio.sleep(0);
  print("after the timeout callback: cancelling", t.cancelling());
  t.cancel("ext2");
  print("cancelling", t.cancelling());
  await outcome(t);

  print("-- both, and the body withdraws the external one with uncancel()");
  t = aio.createTask(victim("v3", true));
  await aio.sleep(0);
  holder.v3.reschedule(loop.time());
  t.cancel("ext3");
  await outcome(t);

  print("-- only the timeout, and the body swallows the CancelledError");
  t = aio.createTask(victim("v4", false, true));
  await aio.sleep(0);
  holder.v4.reschedule(loop.time());
  await outcome(t);

  print("-- only the timeout, the body uncancels and re-raises");
  t = aio.createTask(victim("v5", true));
  await aio.sleep(0);
  holder.v5.reschedule(loop.time());
  await outcome(t);

  print("-- only an external cancel; the body swallows it");
  t = aio.createTask(victim("v6", false, true));
  await aio.sleep(0);
  t.cancel("ext6");
  await outcome(t);

  print("-- a timeout entered while a cancellation request is already counted");
  const preCounted = aio.coroutine(async function () {
    const me = aio.currentTask();
    me.cancel("pre");
    try {
      await aio.sleep(0);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("pre_counted swallowed", repr(str(e)), "cancelling", me.cancelling());
    }
    try {
      await aio.timeout(0, async function () {
        await aio.sleep(10);
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("pre_counted TimeoutError, cancelling", me.cancelling());
    }
    let cm;
    try {
      await aio.timeout(10, async function (c) {
        cm = c;
        loop.callSoon((m) => me.cancel(m), "second");
        await aio.sleep(10);
      });
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("pre_counted CancelledError", repr(str(e)), "cancelling", me.cancelling(), "expired", cm.expired());
    }
    return "done";
  });
  await outcome(aio.createTask(preCounted()));

  print("-- reschedule after the block");
  attempt("expired one", () => holder.v1.reschedule(null));
  attempt("finished one", () => holder.v6.reschedule(null));
  print("when", holder.v6.when() !== null, "expired", holder.v6.expired(), holder.v1.expired());
});
