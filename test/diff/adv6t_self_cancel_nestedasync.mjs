import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task cancels itself from inside a coroutine it awaits (one or two levels deep), which then
// does not suspend (returns at once, awaits a done future, awaits a coroutine that returns at
// once) or suspends (sleep(0), inside the innermost level, which may catch the CancelledError
// and return). The request stays pending until the task's next real suspension, whichever
// level reaches it; what each level sees, with which message (the last of two requests), the
// task's cancelling() count at each point and how it ends.

let loop = null;

const instant = aio.coroutine(async function instant(v) {
  return v;
});

const deepest = aio.coroutine(async function deepest(mode, label) {
  const me = aio.currentTask();
  if (mode === "catch-deep") {
    try {
      await aio.sleep(0);
      print("   ", label, "deepest slept");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("   ", label, "deepest caught", repr(str(e)), "cancelling", me.cancelling());
      return "deepest caught";
    }
  }
  return "deepest " + mode;
});

const middle = aio.coroutine(async function middle(mode, label, msgs) {
  const me = aio.currentTask();
  for (const m of msgs) me.cancel(m);
  print("   ", label, "middle cancelled itself", msgs, "cancelling", me.cancelling());
  if (mode === "return") return "middle returned";
  if (mode === "done-future") {
    const f = loop.createFuture();
    f.setResult("done value");
    return await f;
  }
  if (mode === "instant-coro") return await instant("instant value");
  if (mode === "uncancel") {
    print("   ", label, "middle uncancel ->", me.uncancel());
    return "uncancelled";
  }
  return await deepest(mode, label);
});

const top = aio.coroutine(async function top(mode, label, msgs) {
  const me = aio.currentTask();
  const r = await middle(mode, label, msgs);
  print("   ", label, "top got", repr(r), "cancelling", me.cancelling());
  const f = loop.createFuture();
  f.setResult("second done");
  print("   ", label, "top awaited a done future:", await f);
  try {
    await aio.sleep(0);
    print("   ", label, "top slept: no cancellation left");
  } catch (e) {
    if (e instanceof aio.CancelledError) print("   ", label, "top caught", repr(str(e)), "cancelling", me.cancelling());
    throw e;
  }
  return "top done";
});

function end(t) {
  if (t.cancelled()) {
    try {
      t.result();
    } catch (e) {
      return "cancelled " + repr(str(e));
    }
  }
  return "result " + repr(t.result());
}

const main = aio.coroutine(async function main() {
  loop = aio.getRunningLoop();
  for (const mode of ["return", "done-future", "instant-coro", "uncancel", "two-levels", "catch-deep"]) {
    for (const msgs of [["m"], ["m1", "m2"]]) {
      const label = mode + "/" + msgs.length;
      print("--", label);
      const t = aio.createTask(top(mode, label, msgs));
      for (let i = 0; i < 4; i++) await aio.sleep(0);
      print("  ", end(t), "cancelling", t.cancelling());
    }
  }
  print("loop goes on", await aio.sleep(0, "ok"));
});

await aio.run(main);
