import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// wait_for() entered from a coroutine two levels below a task, on a three-level chain of directly
// awaited coroutines whose bottom waits on a future nobody sets. The timeout (0.05 s, 0, -1, or a
// wait_for(0.3) nested inside a wait_for(0.05)) cancels the chain's task: the bottom re-raises
// after an await, or returns a value; the middle re-raises, converts to ValueError, or awaits and
// returns a value; every level's cleanup awaits. Then the caller's task is cancelled from
// outside after k iterations while wait_for(10) runs. Trace: what each level sees (the chain
// runs in wait_for's own task), what wait_for gives the caller, cancelling() at each level.

const log = [];
let loop = null;
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();
const who = () => aio.currentTask().getName();

const l3 = aio.coroutine(async function l3(mode, pend) {
  try {
    L("      L3 waits in", who());
    await pend;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    L("      L3 cancelled", repr(str(e)), `c=${cnt()}`);
    await aio.sleep(0);
    if (mode === "swallow3") return "L3-swallowed";
    throw e;
  } finally {
    await aio.sleep(0);
    L("      L3 finally");
  }
});

const l2 = aio.coroutine(async function l2(mode, pend) {
  try {
    const r = await l3(mode, pend);
    L("     L2 got", r);
    return "L2(" + r + ")";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    L("     L2 cancelled", repr(str(e)), `c=${cnt()}`);
    if (mode === "convert2") throw new ValueError("converted");
    if (mode === "swallow2") {
      await aio.sleep(0);
      return "L2-swallowed";
    }
    throw e;
  }
});

const l1 = aio.coroutine(async function l1(mode, pend) {
  const r = await l2(mode, pend);
  L("    L1 got", r);
  return r;
});

const innerCaller = aio.coroutine(async function inner_caller(mode, timeout) {
  const pend = loop.createFuture();
  try {
    let r;
    if (timeout === "nested") r = await aio.waitFor(aio.waitFor(l1(mode, pend), 0.3), 0.05);
    else r = await aio.waitFor(l1(mode, pend), timeout);
    L("  wait_for ->", repr(r), `c=${cnt()}`);
    return r;
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      L(`  TimeoutError c=${cnt()}`);
      return "timeout";
    }
    if (e instanceof ValueError) {
      L("  ValueError", repr(str(e)), `c=${cnt()}`);
      return "value-error";
    }
    if (e instanceof aio.CancelledError) L("  CancelledError", repr(str(e)), `c=${cnt()}`);
    throw e;
  } finally {
    L("  pend", pend.cancelled() ? "cancelled" : !pend.done() ? "pending" : "done");
  }
});

const caller = aio.coroutine(async function caller(mode, timeout) {
  const r = await innerCaller(mode, timeout);
  L(" caller got", repr(r));
  return r;
});

const report = aio.coroutine(async function report(t, label) {
  let out;
  try {
    out = `result ${repr(await t)}`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    out = `CancelledError ${repr(str(e))}`;
  }
  print(label, "->", out, "cancelling", t.cancelling());
  for (const line of log) print("   ", line);
  log.length = 0;
});

await aio.run(async function main() {
  loop = aio.getRunningLoop();
  for (const timeout of [0.05, 0, -1, "nested"]) {
    for (const mode of ["raise", "swallow3", "swallow2", "convert2"]) {
      await report(aio.createTask(caller(mode, timeout)), `timeout ${str(timeout)} mode ${mode}`);
    }
  }
  for (const mode of ["raise", "swallow3", "convert2"]) {
    for (let k = 0; k < 7; k++) {
      const t = aio.createTask(caller(mode, 10));
      for (let j = 0; j < k; j++) await aio.sleep(0);
      t.cancel("ext");
      await report(t, `cancel at ${k} mode ${mode}`);
      for (let j = 0; j < 5; j++) await aio.sleep(0);
      if (log.length) {
        print("    afterwards:", log.join(" | "));
        log.length = 0;
      }
    }
  }
});
