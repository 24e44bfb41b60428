import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

const kid = aio.coroutine(function* () {
  print("kid runs");
});

const t3f = aio.coroutine(function* () {
  try {
    yield* aio.timeout(0, function* () {
      yield* aio.taskGroup(function* (tg) {
        tg.createTask(kid());
      });
    });
    print("t3 body done");
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("t3 cancelled", repr(args(e)), aio.currentTask().cancelling());
    return "swallowed";
  }
});

const t0f = aio.coroutine(function* (t3) {
  try {
    print("t0 gathered", yield* aio.gather(t3, { returnExceptions: true }));
  } catch (e) {
    if (e instanceof aio.CancelledError) print("t0 cancelled", repr(args(e)), aio.currentTask().cancelling());
    throw e;
  }
});

await aio.run(function* () {
  const t3 = aio.createTask(t3f());
  const t0 = aio.createTask(t0f(t3));
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  print("cancel t0", t0.cancel("main1"));
  yield* aio.sleep(0);
  for (let i = 0; i < 2; i++) {
    print("cancel t0 again", t0.cancel());
    yield* aio.sleep(0);
  }
  const r = yield* aio.gather(t0, t3, { returnExceptions: true });
  print(r[0].name, repr(r[0].message), r[1]);
});
