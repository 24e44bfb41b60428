import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

const child = aio.coroutine(function* () {
  yield* new aio.Event().wait();
});

const parent = aio.coroutine(function* (kids) {
  try {
    yield* aio.gather(...kids);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("parent got", repr(args(e)), "cancelling", aio.currentTask().cancelling());
    return "parent swallowed";
  }
});

const waiter = aio.coroutine(function* (fut) {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("waiter got", repr(args(e)));
    return "waiter swallowed";
  }
});

await aio.run(function* () {
  const k = aio.createTask(child());
  const p = aio.createTask(parent([k]));
  yield* aio.sleep(0);
  print("cancel child", k.cancel("child-msg"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("cancel parent", p.cancel());
  print(yield* p);
  const f = aio.getRunningLoop().createFuture();
  const w = aio.createTask(waiter(f));
  yield* aio.sleep(0);
  f.setException(new aio.CancelledError("as-exception"));
  print("cancel waiter", w.cancel("outer"));
  print(yield* w);
});
