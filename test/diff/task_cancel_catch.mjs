import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const obstinate = aio.coroutine(function* () {
  const me = aio.currentTask();
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("obstinate caught", repr(str(e)), "cancelling", me.cancelling());
  }
  yield* aio.sleep(0.005);
  print("obstinate still running");
  return "survived";
});

const polite = aio.coroutine(function* () {
  const me = aio.currentTask();
  try {
    yield* aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("polite caught; uncancel ->", me.uncancel());
  }
  yield* aio.sleep(0);
  return "polite done";
});

const twice = aio.coroutine(function* () {
  const me = aio.currentTask();
  for (let i = 0; i < 3; i++) {
    try {
      yield* aio.sleep(1);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print("twice caught", i, repr(str(e)), "cancelling", me.cancelling());
    }
  }
  return "twice done";
});

const cleanup = aio.coroutine(function* () {
  try {
    yield* aio.sleep(1);
  } finally {
    print("cleanup finally starts");
    yield* aio.sleep(0.005);
    print("cleanup finally ends");
  }
});

await aio.run(function* () {
  let t = aio.createTask(obstinate());
  yield* aio.sleep(0);
  print("cancel ->", t.cancel("please stop"));
  const r = yield* t;
  print("result", r, "cancelled", t.cancelled(), "cancelling", t.cancelling());

  t = aio.createTask(polite());
  yield* aio.sleep(0);
  t.cancel();
  print("result", yield* t, "cancelling", t.cancelling());

  t = aio.createTask(twice());
  yield* aio.sleep(0);
  t.cancel("first");
  yield* aio.sleep(0);
  t.cancel("second");
  yield* aio.sleep(0);
  t.cancel("third");
  print("result", yield* t, "cancelled", t.cancelled(), "cancelling", t.cancelling());

  t = aio.createTask(cleanup());
  yield* aio.sleep(0);
  t.cancel();
  print("cancel requested; done", t.done());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("cleanup task cancelled", t.cancelled());
  }
});
