import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A coroutine two levels below a task loops over as_completed() of four worker tasks (finishing
// after 1, 2, 2 and 4 iterations; the third fails with ValueError); each round awaits the next
// future inside try/except ValueError/finally, then hands the value to a coroutine that awaits
// again, and the finally clause awaits too. The task is cancelled after k iterations for every k
// until it finishes first, once, or with the level above catching the cancellation and going on
// to gather() the workers. Trace: the rounds, where the cancellation lands, that the workers are
// not cancelled by it (as_completed leaves them running), what the task returns.

const log = [];
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();

const worker = aio.coroutine(async function worker(name, n, fail) {
  for (let j = 0; j < n; j++) await aio.sleep(0);
  L("      worker", name, "ends");
  if (fail) throw new ValueError(name);
  return name;
});

const handle = aio.coroutine(async function handle(v) {
  await aio.sleep(0);
  return v.toUpperCase();
});

const consume = aio.coroutine(async function consume(ws) {
  const got = [];
  let i = 0;
  for (const f of aio.asCompleted(ws)) {
    i += 1;
    try {
      const v = await f;
      L("    round", i, "got", repr(v));
      got.push(await handle(v));
    } catch (e) {
      if (e instanceof ValueError) {
        L("    round", i, "ValueError", repr(str(e)));
        got.push("err");
      } else {
        if (e instanceof aio.CancelledError) L("    round", i, "cancelled", repr(str(e)), `c=${cnt()}`);
        throw e;
      }
    } finally {
      await aio.sleep(0);
      L("    round", i, "finally", got);
    }
  }
  return got;
});

const outer = aio.coroutine(async function outer(resist) {
  const ws = [["w1", 1], ["w2", 2], ["w3", 2], ["w4", 4]].map(([n, k]) => aio.createTask(worker(n, k, n === "w3"), { name: n }));
  try {
    const r = await consume(ws);
    L("  consume ->", r);
    return r;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    L("  outer caught", repr(str(e)), `c=${cnt()}`, "workers", ws.map((w) => (w.done() ? "done" : "pending")));
    if (!resist) throw e;
    aio.currentTask().uncancel();
    const rs = await aio.gather(...ws, { returnExceptions: true });
    return ["after-cancel", ...rs.map((r) => (typeof r === "string" ? r : repr(r)))];
  }
});

await aio.run(async function main() {
  for (const resist of [false, true]) {
    let k = 0;
    while (true) {
      log.length = 0;
      const t = aio.createTask(outer(resist));
      for (let j = 0; j < k; j++) await aio.sleep(0);
      if (t.done()) {
        print("resist", resist, "finished before k =", k, "->", t.result());
        break;
      }
      t.cancel(`k${k}`);
      let out;
      try {
        out = `result ${repr(await t)}`;
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        out = `CancelledError ${repr(str(e))}`;
      }
      print("resist", resist, `k=${k}`, out, "cancelling", t.cancelling());
      for (const line of log) print("   ", line);
      for (let j = 0; j < 6; j++) await aio.sleep(0);
      k += 1;
    }
    for (const line of log) print("   ", line);
  }
});
