import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// try / except ValueError / except CancelledError / else / finally, every clause awaiting (the
// except and finally clauses await a further coroutine that itself awaits), in a coroutine
// awaited directly two levels below the task. The body either succeeds (else clause runs) or
// fails with ValueError (except clause recovers), and the finally clause either falls through or
// returns (which swallows whatever is in flight, a CancelledError included: the task then ends
// with a result while cancelling() stays 1). The task is cancelled after k iterations for every
// k until it finishes first, with one request, and with a second one an iteration later.
// (Python's else clause is the code after the inner try statement, run when it completed.)

const log = [];
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();

const inner = aio.coroutine(async function inner(tag, mode) {
  L(tag, "inner start");
  await aio.sleep(0);
  if (mode === "fail") {
    L(tag, "inner raises");
    throw new ValueError(tag);
  }
  L(tag, "inner returns");
  return tag.toUpperCase();
});

const clauses = aio.coroutine(async function clauses(mode, retInFinally) {
  try {
    let r;
    let completed = false;
    try {
      L("try: await inner");
      r = await inner("t", mode);
      L("try: got", r);
      completed = true;
    } catch (e) {
      if (e instanceof ValueError) {
        L("except: caught", repr(str(e)));
        await aio.sleep(0);
        const r2 = await inner("x", "ok");
        r = "recovered-" + r2;
        L("except: recovered", r);
      } else if (e instanceof aio.CancelledError) {
        L("except cancel:", repr(str(e)), `c=${cnt()}`);
        await aio.sleep(0);
        L("except cancel: re-raise");
        throw e;
      } else throw e;
    }
    if (completed) {
      L("else: await");
      await aio.sleep(0);
      r = r + "-else";
      L("else: done", r);
    }
    return r;
  } finally {
    L(`finally: await c=${cnt()}`);
    await inner("f", "ok");
    L("finally: done");
    if (retInFinally) return "finally-return";
  }
});

const outer = aio.coroutine(async function outer(mode, retInFinally) {
  try {
    const r = await clauses(mode, retInFinally);
    L("outer got", repr(r));
    return r;
  } catch (e) {
    L("outer sees", e.name, repr(str(e)));
    throw e;
  }
});

const run = aio.coroutine(async function run(k, mode, ret, twice) {
  log.length = 0;
  const t = aio.createTask(outer(mode, ret));
  for (let j = 0; j < k; j++) await aio.sleep(0);
  if (t.done()) return false;
  t.cancel(`c${k}`);
  if (twice) {
    await aio.sleep(0);
    t.cancel("again");
  }
  let out;
  try {
    out = `result ${repr(await t)}`;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    out = `CancelledError ${repr(str(e))}`;
  }
  print(`k=${k}: ${out} cancelling=${t.cancelling()}`);
  for (const line of log) print("   ", line);
  return true;
});

const main = aio.coroutine(async function main() {
  for (const mode of ["ok", "fail"]) {
    for (const ret of [false, true]) {
      for (const twice of [false, true]) {
        print("== mode", mode, "return in finally", repr(ret), "twice", repr(twice));
        let k = 0;
        while (await run(k, mode, ret, twice)) k += 1;
        print("uncancelled at k =", k, "log:", log.join(" | "));
      }
    }
  }
});

await aio.run(main);
