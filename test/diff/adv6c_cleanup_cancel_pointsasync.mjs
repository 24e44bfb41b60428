import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task three coroutines deep, each level with a finally clause that itself suspends (a
// sleep(0), a future set by a callback, a nested coroutine): cancelled after k iterations for
// every k until it finishes first, once, or twice (the second request landing one iteration
// later, typically while a finally clause is awaiting, which replaces the exception in
// flight). The trace shows the cleanup order, cancelling() seen inside each finally, what the
// awaiter gets, and that a finally clause's own awaits complete unless a second cancel hits.

let loop = null;

function setter(fut, v) {
  if (!fut.done()) fut.setResult(v);
}

function log(...a) {
  print("   ", ...a);
}

const tidy = aio.coroutine(async function (tag) {
  for (let i = 0; i < 2; i++) {
    await aio.sleep(0);
    log(tag, "tidy", i);
  }
  return "tidied";
});

const leaf = aio.coroutine(async function (tag) {
  try {
    await aio.sleep(0);
    log(tag, "leaf after first sleep");
    await aio.sleep(0);
    log(tag, "leaf after second sleep");
    return "L";
  } finally {
    log(tag, "leaf finally, cancelling", aio.currentTask().cancelling());
    await aio.sleep(0);
    log(tag, "leaf finally done");
  }
});

const mid = aio.coroutine(async function (tag) {
  const fut = loop.createFuture();
  loop.callSoon(setter, fut, "F");
  try {
    const r = await leaf(tag);
    log(tag, "mid got", r);
    const v = await fut;
    log(tag, "mid got", v);
    return r + v;
  } finally {
    log(tag, "mid finally, cancelling", aio.currentTask().cancelling());
    const clean = loop.createFuture();
    loop.callSoon(setter, clean, "clean");
    log(tag, "mid finally awaited", await clean);
  }
});

const top = aio.coroutine(async function (tag) {
  try {
    const r = await mid(tag);
    log(tag, "top got", r);
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) log(tag, "top sees CancelledError", repr(str(e)));
    throw e;
  } finally {
    log(tag, "top finally ->", await tidy(tag));
  }
});

await aio.run(async function () {
  loop = aio.getRunningLoop();
  for (const times of [1, 2]) {
    let k = 0;
    for (;;) {
      const tag = `${times}/${k}`;
      print("== cancel", times, "time(s) after", k, "iterations");
      const t = aio.createTask(top(tag));
      for (let i = 0; i < k; i++) await aio.sleep(0);
      print("cancel ->", t.cancel("first"));
      if (times === 2) {
        await aio.sleep(0);
        print("second cancel ->", t.cancel("second"), "cancelling", t.cancelling());
      }
      try {
        const r = await t;
        print("result", repr(r));
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("awaiter: CancelledError", repr(str(e)), "cancelled", t.cancelled());
      }
      if (!t.cancelled()) break;
      k += 1;
    }
  }
  print("the loop goes on:", await aio.sleep(0, "ok"));
});
