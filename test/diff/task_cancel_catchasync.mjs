import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const obstinate = aio.coroutine(async function () {
  const me = aio.currentTask();
  try {
    await aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("obstinate caught", repr(str(e)), "cancelling", me.cancelling());
  }
  await aio.sleep(0.005);
  print("obstinate still running");
  return "survived";
});

const polite = aio.coroutine(async function () {
  const me = aio.currentTask();
  try {
    await aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("polite caught; uncancel ->", me.uncancel());
  }
  await aio.sleep(0);
  return "polite done";
});

const twice = aio.coroutine(async function () {
  const me = aio.currentTask();
  for (let i = 0; i < 3; i++) {
    try {
      await aio.sleep(1);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("twice caught", i, repr(str(e)), "cancelling", me.cancelling());
    }
  }
  return "twice done";
});

const cleanup = aio.coroutine(async function () {
  try {
    await aio.sleep(1);
  } finally {
    print("cleanup finally starts");
    await aio.sleep(0.005);
    print("cleanup finally ends");
  }
});

await aio.run(async () => {
  let t = aio.createTask(obstinate());
  await aio.sleep(0);
  print("cancel ->", t.cancel("please stop"));
  const r = await t;
  print("result", r, "cancelled", t.cancelled(), "cancelling", t.cancelling());

  t = aio.createTask(polite());
  await aio.sleep(0);
  t.cancel();
  print("result", await t, "cancelling", t.cancelling());

  t = aio.createTask(twice());
  await aio.sleep(0);
  t.cancel("first");
  await aio.sleep(0);
  t.cancel("second");
  await aio.sleep(0);
  t.cancel("third");
  print("result", await t, "cancelled", t.cancelled(), "cancelling", t.cancelling());

  t = aio.createTask(cleanup());
  await aio.sleep(0);
  t.cancel();
  print("cancel requested; done", t.done());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("cleanup task cancelled", t.cancelled());
  }
});
