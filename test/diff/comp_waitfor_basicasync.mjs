import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError, tname } from "./comp_util.mjs";

// The inner awaitables either finish after a few loop iterations (n) or never (n=null) unless
// cancelled or released, so each timeout either surely fires or surely does not.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const inner = aio.coroutine(async function (name, n = null, result = null, exc = null, onCancel = null, gate = null) {
  print("inner start", name);
  try {
    if (gate !== null) await gate;
    else if (n === null) await aio.sleep(10);
    else await ticks(n);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("inner cancelled", name);
    if (onCancel === "swallow") return "swallowed";
    if (onCancel === "raise") throw new ValueError("cleanup failed");
    if (onCancel === "slow") {
      await ticks(3);
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
  await attempt("success", inner("s", 2, "ok"), 10);
  await attempt("timeout", inner("t"), 0.005);
  await attempt("slow cleanup", inner("sc", null, null, null, "slow"), 0.005);
  await attempt("inner error", inner("e", 2, null, new ValueError("bad")), 10);
  await attempt("swallow", inner("sw", null, null, null, "swallow"), 0.005);
  await attempt("cleanup raises", inner("cr", null, null, null, "raise"), 0.005);
  await attempt("none", inner("n", 2, "no timeout"), null);

  print("-- timeout <= 0");
  await attempt("zero coro", inner("z", 1, "zz"), 0);
  await attempt("negative coro", inner("neg", 1, "nn"), -1);
  let f = loop.createFuture();
  f.setResult("ready");
  await attempt("zero done future", f, 0);
  let t = aio.createTask(inner("zt"));
  await aio.sleep(0);
  await attempt("zero running task", t, 0);
  print("task cancelled", t.cancelled());

  print("-- futures and tasks");
  f = loop.createFuture();
  await attempt("future timeout", f, 0.002);
  print("future cancelled", f.cancelled());
  const f2 = loop.createFuture();
  loop.callSoon((v) => f2.setResult(v), 42);
  await attempt("future ok", f2, 10);
  const gate = loop.createFuture();
  t = aio.createTask(inner("shielded", null, "still here", null, null, gate));
  await attempt("shielded", aio.shield(t), 0.002);
  print("shielded task done?", t.done());
  gate.setResult(null);
  print("shielded result", await t);
});
