import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// cancel() on tasks and futures that are already done: the return value, cancelling() and
// uncancel() afterwards, and the side effect of cancel() on an unretrieved exception (it counts
// as retrieved: no "exception was never retrieved" report), compared with one left alone.

const log = [];

class Boom extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "Boom";
  }
}

const isCancel = (e) => e instanceof aio.CancelledError;

const fail = aio.coroutine(function* (msg) {
  throw new Boom(msg);
});

const value = aio.coroutine(function* (v) {
  return v;
});

const swallowThenFail = aio.coroutine(function* () {
  try {
    yield* aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    throw new Boom("after cancel");
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler((l, ctx) => log.push(ctx.message + ": " + str(ctx.exception)));

  let tSilenced = aio.createTask(fail("silenced"));
  let tReported = aio.createTask(fail("reported"));
  let tValue = aio.createTask(value(1));
  yield* aio.sleep(0);
  print("states", tSilenced.done(), tReported.done(), tValue.done());
  print("cancel failed task ->", tSilenced.cancel("late"), "cancelling", tSilenced.cancelling());
  print("cancel finished task ->", tValue.cancel(), "result", tValue.result());
  print("uncancel on done task ->", tValue.uncancel());

  let fSilenced = loop.createFuture();
  fSilenced.setException(new Boom("fut silenced"));
  print("cancel failed future ->", fSilenced.cancel());
  let fReported = loop.createFuture();
  fReported.setException(new Boom("fut reported"));

  print("-- a task cancelled, then failing in its except block");
  let t = aio.createTask(swallowThenFail());
  yield* aio.sleep(0);
  print("cancel ->", t.cancel("m"), t.cancel("m2"), "cancelling", t.cancelling());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof Boom)) throw e;
    print("raised Boom", str(e), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  }
  print("cancel afterwards ->", t.cancel());

  print("-- a task cancelled before start, then cancel() again after it is done");
  t = aio.createTask(value(2));
  t.cancel("x");
  yield* aio.sleep(0);
  print("done", t.done(), "cancelled", t.cancelled(), "cancel again ->", t.cancel("y"), "cancelling", t.cancelling());
  try {
    t.result();
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("result raised", repr(str(e)));
  }
  print("uncancel ->", t.uncancel(), t.uncancel());

  print("-- a cancelled future: cancel() again keeps the first message");
  const f = loop.createFuture();
  print(f.cancel("first"), f.cancel("second"));
  try {
    f.result();
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("future result raised", repr(str(e)));
  }
  try {
    yield* f;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("await future raised", repr(str(e)));
  }

  tSilenced = tReported = tValue = fSilenced = fReported = null;
});
print("log after run", log.sort());
