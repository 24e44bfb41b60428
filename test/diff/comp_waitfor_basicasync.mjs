import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

const inner = aio.coroutine(async function (name, delay, result = null, exc = null, onCancel = null) {
  print("inner start", name);
  try {
    await aio.sleep(delay);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("inner cancelled", name);
    if (onCancel === "swallow") return "swallowed";
    if (onCancel === "raise") throw new ValueError("cleanup failed");
    if (onCancel === "slow") {
      await aio.sleep(0.01);
      print("inner slow cleanup done", name);
    }
    throw e;
  } finally {
    print("inner finally", name);
  }
  if (exc !== null) throw exc;
  print("inner end", name);
  return result;
});

const attempt = aio.coroutine(async function (label, aw, timeout) {
  try {
    const r = await aio.waitFor(aw, timeout);
    print(label, "->", repr(r));
  } catch (e) {
    print(label, "raised", tname(e), repr(str(e)));
  }
});

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  await attempt("success", inner("s", 0.002, "ok"), 0.05);
  await attempt("timeout", inner("t", 0.05, "late"), 0.005);
  await attempt("slow cleanup", inner("sc", 0.05, null, null, "slow"), 0.005);
  await attempt("inner error", inner("e", 0.002, null, new ValueError("bad")), 0.05);
  await attempt("swallow", inner("sw", 0.05, null, null, "swallow"), 0.005);
  await attempt("cleanup raises", inner("cr", 0.05, null, null, "raise"), 0.005);
  await attempt("none", inner("n", 0.005, "no timeout"), null);

  print("-- timeout <= 0");
  await attempt("zero coro", inner("z", 0.001, "zz"), 0);
  await attempt("negative coro", inner("neg", 0.001, "nn"), -1);
  let f = loop.createFuture();
  f.setResult("ready");
  await attempt("zero done future", f, 0);
  let t = aio.createTask(inner("zt", 0.05));
  await aio.sleep(0);
  await attempt("zero running task", t, 0);
  print("task cancelled", t.cancelled());

  print("-- futures and tasks");
  f = loop.createFuture();
  await attempt("future timeout", f, 0.002);
  print("future cancelled", f.cancelled());
  const f2 = loop.createFuture();
  loop.callLater(0.002, (v) => f2.setResult(v), 42);
  await attempt("future ok", f2, 0.05);
  t = aio.createTask(inner("shielded", 0.02, "still here"));
  await attempt("shielded", aio.shield(t), 0.002);
  print("shielded task done?", t.done());
  print("shielded result", await t);
});
