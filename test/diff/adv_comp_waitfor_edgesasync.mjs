import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const body = aio.coroutine(async function (name, mode = "raise", delay = 10) {
  print("body start", name);
  try {
    await aio.sleep(delay);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("body cancelled", name, repr(str(e)), "cancelling", aio.currentTask().cancelling());
    if (mode === "swallow") return "swallowed-" + name;
    if (mode === "other") throw new KeyError(name);
    if (mode === "slow") {
      await ticks(2);
      print("body slow cleanup done", name);
      return "late-" + name;
    }
    throw e;
  }
  return name;
});

const run = aio.coroutine(async function (label, aw, timeout) {
  try {
    const r = await aio.waitFor(aw, timeout);
    print(label, "->", repr(r));
  } catch (e) {
    if (e instanceof aio.TimeoutError) print(label, "-> TimeoutError", repr(str(e)), "cause", e.cause?.name);
    else if (isCancel(e)) print(label, "-> CancelledError", repr(str(e)));
    else print(label, "->", e.name, repr(e));
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();

  print("-- timeout=0 on done futures");
  let f = loop.createFuture(); f.setResult("done-value");
  await run("done result", f, 0);
  f = loop.createFuture(); f.setException(new ValueError("done-exc"));
  await run("done exception", f, 0);
  f = loop.createFuture(); f.cancel("pre");
  await run("done cancelled", f, 0);
  let t = aio.createTask(body("finished", "raise", 0));
  await ticks(2);
  print("task done", t.done());
  await run("finished task", t, 0);
  await run("done cancelled, negative", f, -5);

  print("-- timeout=0 on pending things");
  f = loop.createFuture();
  await run("pending future", f, 0);
  print("future cancelled", f.cancelled());
  const c = body("coro0");
  await run("coroutine", c, 0);
  t = aio.createTask(body("task0"));
  await run("unstarted task", t, 0);
  print("task cancelled", t.cancelled());
  t = aio.createTask(body("task1"));
  await ticks(1);
  await run("started task", t, 0);
  t = aio.createTask(body("sw0", "swallow"));
  await ticks(1);
  await run("swallowing task, timeout 0", t, 0);
  t = aio.createTask(body("oth0", "other"));
  await ticks(1);
  await run("converting task, timeout 0", t, -1);

  print("-- positive timeout, inner swallows / converts / slow cleanup");
  await run("swallow", body("sw", "swallow"), 0.01);
  await run("other", body("ot", "other"), 0.01);
  await run("slow", body("sl", "slow"), 0.01);
  print("current cancelling", aio.currentTask().cancelling());

  print("-- positive timeout, already-done future");
  f = loop.createFuture(); f.setResult("ready");
  await run("done ready", f, 5);

  print("-- timeout None with a done future and a coroutine");
  await run("none done", f, null);
  await run("none coro", body("nn", "raise", 0), null);
});
