import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const body = aio.coroutine(function* (name, mode = "raise", delay = 10) {
  print("body start", name);
  try {
    yield* aio.sleep(delay);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("body cancelled", name, repr(str(e)), "cancelling", aio.currentTask().cancelling());
    if (mode === "swallow") return "swallowed-" + name;
    if (mode === "other") throw new KeyError(name);
    if (mode === "slow") {
      yield* ticks(2);
      print("body slow cleanup done", name);
      return "late-" + name;
    }
    throw e;
  }
  return name;
});

const run = aio.coroutine(function* (label, aw, timeout) {
  try {
    const r = yield* aio.waitFor(aw, timeout);
    print(label, "->", repr(r));
  } catch (e) {
    if (e instanceof aio.TimeoutError) print(label, "-> TimeoutError", repr(str(e)), "cause", e.cause?.name);
    else if (isCancel(e)) print(label, "-> CancelledError", repr(str(e)));
    else print(label, "->", e.name, repr(e));
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  print("-- timeout=0 on done futures");
  let f = loop.createFuture(); f.setResult("done-value");
  yield* run("done result", f, 0);
  f = loop.createFuture(); f.setException(new ValueError("done-exc"));
  yield* run("done exception", f, 0);
  f = loop.createFuture(); f.cancel("pre");
  yield* run("done cancelled", f, 0);
  let t = aio.createTask(body("finished", "raise", 0));
  yield* ticks(2);
  print("task done", t.done());
  yield* run("finished task", t, 0);
  yield* run("done cancelled, negative", f, -5);

  print("-- timeout=0 on pending things");
  f = loop.createFuture();
  yield* run("pending future", f, 0);
  print("future cancelled", f.cancelled());
  const c = body("coro0");
  yield* run("coroutine", c, 0);
  t = aio.createTask(body("task0"));
  yield* run("unstarted task", t, 0);
  print("task cancelled", t.cancelled());
  t = aio.createTask(body("task1"));
  yield* ticks(1);
  yield* run("started task", t, 0);
  t = aio.createTask(body("sw0", "swallow"));
  yield* ticks(1);
  yield* run("swallowing task, timeout 0", t, 0);
  t = aio.createTask(body("oth0", "other"));
  yield* ticks(1);
  yield* run("converting task, timeout 0", t, -1);

  print("-- positive timeout, inner swallows / converts / slow cleanup");
  yield* run("swallow", body("sw", "swallow"), 0.01);
  yield* run("other", body("ot", "other"), 0.01);
  yield* run("slow", body("sl", "slow"), 0.01);
  print("current cancelling", aio.currentTask().cancelling());

  print("-- positive timeout, already-done future");
  f = loop.createFuture(); f.setResult("ready");
  yield* run("done ready", f, 5);

  print("-- timeout None with a done future and a coroutine");
  yield* run("none done", f, null);
  yield* run("none coro", body("nn", "raise", 0), null);
});
