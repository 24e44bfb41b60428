import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// The future a delegation chain awaits at its bottom, seen from the levels above: cancelled
// through task.cancel() (the message reaches the future), cancelled directly (the task is not
// being cancelled: cancelling() stays 0), shared by two tasks at different depths (cancelling
// one task cancels the future under the other), awaited again after it was cancelled (raises
// at once, no suspension), and resolved while a level is already handling a cancellation.

const level = aio.coroutine(async function (name, i, depth, fut, mode) {
  try {
    if (i < depth) {
      const r = await level(name, i + 1, depth, fut, mode);
      print(`  ${name} L${i} got ${repr(r)}`);
      return r;
    }
    try {
      return await fut;
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      const t = aio.currentTask();
      print(`  ${name} bottom L${i} CancelledError ${repr(str(e))} cancelling=${t.cancelling()} fut.cancelled=${repr(fut.cancelled())}`);
      if (mode === "reawait") {
        try {
          await fut;
        } catch (e2) {
          if (!(e2 instanceof aio.CancelledError)) throw e2;
          print(`  ${name} re-await raised ${repr(str(e2))}, same object ${repr(e2 === e)}`);
        }
        return "recovered after re-await";
      }
      if (mode === "wait_new") {
        const nf = aio.getRunningLoop().createFuture();
        aio.getRunningLoop().callSoon((v) => nf.setResult(v), "new value");
        const v = await nf;
        print(`  ${name} got ${repr(v)} from a new future`);
        return v;
      }
      throw e;
    }
  } finally {
    print(`  ${name} L${i} finally`);
  }
});

function state(name, t) {
  if (t.cancelled()) return `${name} cancelled (cancelling ${t.cancelling()})`;
  if (t.exception() !== null) return `${name} failed ${t.exception().name}`;
  return `${name} -> ${repr(t.result())} (cancelling ${t.cancelling()})`;
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  let f, t, a, b;
  for (const mode of ["raise", "reawait", "wait_new"]) {
    print("== task.cancel() with a message, mode", mode);
    f = loop.createFuture();
    t = aio.createTask(level("A", 0, 2, f, mode));
    await aio.sleep(0);
    print(" cancel ->", t.cancel("via task"), "fut.cancelled", f.cancelled());
    await aio.wait([t]);
    print("", state("A", t), "| fut", f.cancelled());

    print("== the future cancelled directly, mode", mode);
    f = loop.createFuture();
    t = aio.createTask(level("B", 0, 3, f, mode));
    await aio.sleep(0);
    print(" fut.cancel ->", f.cancel("direct"), "task cancelling", t.cancelling());
    await aio.wait([t]);
    print("", state("B", t));
  }

  print("== one future under two tasks at depths 1 and 3; the shallow task is cancelled");
  f = loop.createFuture();
  a = aio.createTask(level("S", 0, 1, f, "raise"));
  b = aio.createTask(level("D", 0, 3, f, "wait_new"));
  await aio.sleep(0);
  print(" cancel S ->", a.cancel("only S"));
  await aio.wait([a, b]);
  print("", state("S", a), "|", state("D", b));

  print("== same, the deep task is cancelled, the shallow one re-awaits");
  f = loop.createFuture();
  a = aio.createTask(level("S", 0, 1, f, "reawait"));
  b = aio.createTask(level("D", 0, 3, f, "raise"));
  await aio.sleep(0);
  print(" cancel D ->", b.cancel(), "then again ->", b.cancel("second"));
  await aio.wait([a, b]);
  print("", state("S", a), "|", state("D", b));

  print("== the future resolved, then the task cancelled in the same iteration");
  f = loop.createFuture();
  t = aio.createTask(level("R", 0, 2, f, "raise"));
  await aio.sleep(0);
  f.setResult("value");
  print(" cancel ->", t.cancel("late"), "fut", f.result());
  await aio.wait([t]);
  print("", state("R", t));

  print("== the task cancelled, then the future resolved in the same iteration (too late)");
  f = loop.createFuture();
  t = aio.createTask(level("Q", 0, 2, f, "raise"));
  await aio.sleep(0);
  print(" cancel ->", t.cancel("first"));
  try {
    f.setResult("value");
  } catch (e) {
    if (!(e instanceof aio.InvalidStateError)) throw e;
    print(" set_result raised InvalidStateError", repr(str(e)));
  }
  await aio.wait([t]);
  print("", state("Q", t));
  print("loop still works:", await aio.sleep(0, "yes"));
});
