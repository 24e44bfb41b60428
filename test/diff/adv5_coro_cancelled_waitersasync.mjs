import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Several waiters, at different depths of inline delegation, await one task that ends
// cancelled. In 3.11 the first consumer of the task's outcome gets the CancelledError the task
// ended with (carrying the message); every later one gets a fresh CancelledError without a
// message: later waiters, result(), exception(), gather(return_exceptions=True), shield,
// wait_for and done callbacks. The task ends cancelled by cancel(msg) at an await, by raising
// CancelledError itself, or before its first step; waiters are woken in the order they
// started waiting.

const target = aio.coroutine(async function (how) {
  if (how === "raise") {
    await aio.sleep(0);
    throw new aio.CancelledError("raised by target");
  }
  try {
    await aio.sleep(1);
  } finally {
    print("  target finally");
  }
});

const waiter = aio.coroutine(async function (name, t, depth) {
  try {
    if (depth) return await waiter(name, t, depth - 1);
    await t;
    return "no";
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    if (depth === 0) print(`  ${name} sees ${repr(str(e))}`);
    throw e;
  }
});

function outcome(label, fn) {
  try {
    print(`  ${label} -> ${repr(fn())}`);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print(`  ${label} raised CancelledError ${repr(str(e))}`);
  }
}

const runCase = aio.coroutine(async function (how, depths, extra) {
  print(`== target ${how}, waiter depths ${repr(depths)}, then ${extra}`);
  const t = aio.createTask(target(how), { name: "target" });
  t.addDoneCallback((f) => outcome("done callback 1", () => f.exception()));
  const ws = depths.map((d, i) => aio.createTask(waiter(`w${i}/d${d}`, t, d)));
  t.addDoneCallback((f) => outcome("done callback 2", () => f.result()));
  if (how === "early") print("  cancel before the first step ->", t.cancel("early"));
  await aio.sleep(0);
  if (how === "cancel") print("  cancel ->", t.cancel("stop"), "cancelling", t.cancelling());
  const rs = await aio.gather(...ws, { returnExceptions: true });
  print("  waiters:", rs.map((r) => r.name), "cancelled", ws.map((w) => w.cancelled()));
  if (extra === "calls") {
    outcome("result()", () => t.result());
    outcome("exception()", () => t.exception());
  } else if (extra === "gather") {
    print("  gather rx ->", (await aio.gather(t, { returnExceptions: true })).map((r) => tuple(r.name, str(r))));
  } else if (extra === "shield") {
    try {
      await aio.shield(t);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(`  shield raised ${repr(str(e))}`);
    }
  } else if (extra === "wait_for") {
    try {
      await aio.waitFor(t, 1);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      print(`  wait_for raised ${repr(str(e))}`);
    }
  }
  try {
    await waiter("main", t, 2);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
  }
  print("  target cancelled", t.cancelled(), "cancelling", t.cancelling());
});

await aio.run(async () => {
  for (const how of ["cancel", "raise", "early"]) {
    for (const [depths, extra] of [[[0, 2, 1], "calls"], [[3], "gather"], [[1, 0], "shield"], [[], "wait_for"]]) {
      await runCase(how, depths, extra);
    }
  }
  print("loop still works:", await aio.sleep(0, "yes"));
});
