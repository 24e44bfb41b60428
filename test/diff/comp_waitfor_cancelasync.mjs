import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Inner work never finishes on its own (it sleeps 10 s); the main task acts after a fixed number
// of loop iterations, so no ordering depends on the clock.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const isCancel = (e) => e instanceof aio.CancelledError;

const inner = aio.coroutine(async function (name, delay, swallow = false) {
  print("inner start", name);
  try {
    await aio.sleep(delay);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("inner cancelled", name, repr(str(e)));
    if (swallow) {
      print("inner swallows", name);
      return "swallowed";
    }
    throw e;
  } finally {
    print("inner finally", name);
  }
  print("inner end", name);
  return name;
});

const outer = aio.coroutine(async function (name, aw, timeout) {
  print("outer waits", name);
  try {
    const r = await aio.waitFor(aw, timeout);
    print("outer got", name, repr(r));
    return r;
  } catch (e) {
    if (isCancel(e)) print("outer cancelled", name, repr(str(e)));
    else if (e instanceof aio.TimeoutError) print("outer timeout", name);
    throw e;
  }
});

await aio.run(async () => {
  print("-- cancel the outer task while wait_for waits");
  let t = aio.createTask(outer("o1", inner("i1", 10), 10));
  await ticks(2);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: o1 cancelled", t.cancelled());
  }

  print("-- with a message");
  t = aio.createTask(outer("o2", inner("i2", 10), 10));
  await ticks(2);
  t.cancel("go away");
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: o2 cancelled", repr(str(e)));
  }

  print("-- the inner task swallows the cancellation");
  let it = aio.createTask(inner("i3", 10, true));
  t = aio.createTask(outer("o3", it, 10));
  await ticks(2);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: o3 cancelled", t.cancelled());
  }
  print("inner task result", it.result());

  print("-- timeout None, outer cancelled");
  it = aio.createTask(inner("i4", 10));
  t = aio.createTask(outer("o4", it, null));
  await ticks(2);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: o4 cancelled", t.cancelled(), "inner cancelled", it.cancelled());
  }

  print("-- nested wait_for: the inner deadline is first");
  const nested = aio.coroutine(async function () {
    return await aio.waitFor(inner("i5", 10), 0.005);
  });
  try {
    await aio.waitFor(nested(), 10);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("nested: TimeoutError");
  }

  print("-- nested wait_for: the outer deadline is first");
  const nested2 = aio.coroutine(async function () {
    try {
      return await aio.waitFor(inner("i6", 10), 10);
    } catch (e) {
      if (isCancel(e)) print("nested2 cancelled");
      throw e;
    }
  });
  try {
    await aio.waitFor(nested2(), 0.005);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("nested2: TimeoutError");
  }
});
